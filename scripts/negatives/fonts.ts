/**
 * Handwriting fonts from npm (@fontsource/*) and the glyphs drawn with them. Each family belongs
 * to one split only, so the validation and test negatives are written in hands the model never
 * trained on. None of the families reserved for independent checks (shared/reserved.txt) is here,
 * and no Debian font package is used.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

export type Split = 'train' | 'validation' | 'test';

/** @fontsource package names (without the scope) per split. */
export const FONT_SPLITS: Readonly<Record<Split, readonly string[]>> = {
  train: [
    'architects-daughter',
    'bad-script',
    'caveat',
    'caveat-brush',
    'cedarville-cursive',
    'covered-by-your-grace',
    'courgette',
    'gaegu',
    'gloria-hallelujah',
    'gochi-hand',
    'handlee',
    'homemade-apple',
    'indie-flower',
    'kalam',
    'mansalva',
    'nanum-pen-script',
    'neucha',
    'patrick-hand',
    'permanent-marker',
    'reenie-beanie',
    'rock-salt',
    'satisfy',
    'schoolbell',
    'shadows-into-light',
    'sue-ellen-francisco',
    'yellowtail',
  ],
  validation: ['annie-use-your-telescope', 'delicious-handrawn', 'itim', 'short-stack', 'sacramento'],
  test: [
    'chilanka',
    'marck-script',
    'playpen-sans',
    'swanky-and-moo-moo',
    'the-girl-next-door',
    'yomogi',
    'zen-kurenaido',
  ],
};

/**
 * Letters drawn as negatives. Left out, because a person could read them as a digit in someone's
 * handwriting: O o Q D (0), I l i j J T L (1 or 7), Z z (2), S s (5), G b (6), B (8),
 * g q a y Y (9, 4; many hands write Y as y), and every glyph that is a single stroke or an arc: ! | / \ ( ) [ ] { }.
 */
export const LETTERS = 'ACEFHKMNPRUVWXcdefhkmnprtuvwx';
export const EXCLUDED_GLYPHS = 'OoQDIliJjTLZzSsGbBgqayY!|/\\()[]{}-_';
/** Symbols people type or draw by mistake. */
export const SYMBOLS = '+=?@#&%$*~^<>×÷±€∞√';

const require = createRequire(import.meta.url);
const registered = new Map<string, string>();

/**
 * Registers the latin, weight-400 (or the lightest found) file of `family` and returns the
 * name to use in `ctx.font`.
 */
export function fontFamily(family: string): string {
  const known = registered.get(family);
  if (known) return known;
  const dir = join(dirname(require.resolve(`@fontsource/${family}/package.json`)), 'files');
  if (!existsSync(dir)) throw new Error(`@fontsource/${family} has no files/ folder`);
  const files = readdirSync(dir).filter((f) => /-latin-\d+-normal\.woff2$/.test(f));
  files.sort((a, b) => Math.abs(weightOf(a) - 400) - Math.abs(weightOf(b) - 400));
  const file = files[0];
  if (!file) throw new Error(`@fontsource/${family} has no latin woff2 file`);
  const name = `neg-${family}`;
  GlobalFonts.registerFromPath(join(dir, file), name);
  registered.set(family, name);
  return name;
}

function weightOf(file: string): number {
  return Number(/-(\d+)-normal/.exec(file)?.[1] ?? 400);
}
