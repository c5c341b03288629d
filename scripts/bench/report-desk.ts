/**
 * The report's section on photos of a note on a desk (note-on-desk with `classify()`,
 * number-on-desk with `readNumber()`): per-desk tables against their targets, and Summary rows.
 */
import { figure, met, ms, pct, table } from './format.js';
import type { AccuracyFigure, BenchResults, KindResult, NumberKindResult } from './types.js';

/** Targets of the desk kinds; every other photo-like kind keeps the report's own target. */
const DESK_TARGETS: Record<string, { overall: number; perDesk?: number }> = {
  'note-on-desk': { overall: 0.97, perDesk: 0.94 },
  'number-on-desk': { overall: 0.93 },
};

/** The accuracy target of a photo-like kind: its own when it has one, else `fallback`. */
export function kindTarget(kind: string, fallback: number): number {
  return DESK_TARGETS[kind]?.overall ?? fallback;
}

/** The desk groups ("desk: dark wood", …) of a kind, in the order the kinds cycle through them. */
function desks(groups: Record<string, AccuracyFigure>): Array<[string, AccuracyFigure]> {
  return Object.entries(groups)
    .filter(([name]) => name.startsWith('desk: '))
    .map(([name, figure]): [string, AccuracyFigure] => [name.slice('desk: '.length), figure]);
}

function worst(rows: Array<[string, AccuracyFigure]>): [string, AccuracyFigure] | null {
  return rows.reduce<[string, AccuracyFigure] | null>(
    (w, row) => (!w || row[1].accuracy < w[1].accuracy ? row : w),
    null,
  );
}

const noteKind = (r: BenchResults): KindResult | undefined => r.kinds.find((k) => k.kind === 'note-on-desk');

/** Rows for the Summary: the worst desk of note-on-desk, and each number kind. */
export function deskSummaryRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  const note = noteKind(r);
  const perDesk = DESK_TARGETS['note-on-desk']!.perDesk!;
  const low = note ? worst(desks(note.groups)) : null;
  if (low)
    rows.push([
      `Accuracy, note-on-desk, worst desk (${low[0]})`,
      figure(low[1]),
      `≥ ${pct(perDesk, 0)} on each desk`,
      met(low[1].accuracy >= perDesk),
    ]);
  for (const k of r.numberKinds ?? []) {
    const target = DESK_TARGETS[k.kind]?.overall;
    rows.push([
      `\`readNumber()\`: ${k.kind} read exactly (Chromium)`,
      figure(k),
      target === undefined ? '—' : `≥ ${pct(target, 0)}`,
      target === undefined ? '—' : met(k.accuracy >= target),
    ]);
  }
  return rows;
}

function numberKindSection(k: NumberKindResult): string[] {
  const target = DESK_TARGETS[k.kind]?.overall;
  const out = [
    `### ${k.kind}: ${pct(k.accuracy)} read exactly`,
    '',
    k.description,
    '',
    table(
      ['desk', 'numbers', 'read exactly', 'digits right', 'target', 'met?'],
      [
        [
          '**all desks**',
          String(k.count),
          pct(k.accuracy),
          pct(k.digits.accuracy),
          target === undefined ? '—' : `≥ ${pct(target, 0)}`,
          target === undefined ? '—' : met(k.accuracy >= target),
        ],
        ...desks(k.groups).map(([desk, g]) => [desk, String(g.count), pct(g.accuracy, 1), '—', '—', '—']),
      ],
    ),
    '',
  ];
  const others = Object.entries(k.groups).filter(([name]) => !name.startsWith('desk: '));
  if (others.length > 0)
    out.push(
      table(
        ['variant', 'numbers', 'read exactly'],
        others.map(([name, g]) => [name, String(g.count), pct(g.accuracy, 1)]),
      ),
      '',
    );
  out.push(
    `Flagged uncertain: ${k.uncertain}; rejected: ${k.errors}${k.errorMessages.length ? ` (${k.errorMessages.join('; ')})` : ''}. ` +
      `Mean \`readNumber()\` time per photo: ${ms(k.meanMs)}.`,
    '',
  );
  if (k.misreads.length > 0)
    out.push(
      'Some misreads (written → read): ' +
        k.misreads
          .map((m) => `${m.expected} → ${m.error ? '(rejected)' : m.read || '(nothing)'} (${m.group.split('|')[0]})`)
          .join(', ') +
        '.',
      '',
    );
  return out;
}

/** Section 2b: the desk kinds per desk, against their targets. */
export function deskSection(r: BenchResults): string[] {
  const note = noteKind(r);
  const numbers = r.numberKinds ?? [];
  if (!note && numbers.length === 0) return [];
  const out = [
    '## 2b. Photos of a note on a desk',
    '',
    'A digit or a number written on a sticky note, index card or torn notebook slip lying on a desk, the note ' +
      'covering 30–80% of the frame, photographed at a slight angle; or shown on a phone or tablet lying on a desk. ' +
      'Seven desks (dark wood, light oak, grey laminate, green cutting mat, black desk, blue fabric, white table) and ' +
      'the dark screen take turns, so each gets an eighth of the images. Scenes: `scripts/bench/page/desk*.js`. ' +
      'Tune on the validation split, never on these images: `npx tsx scripts/bench/scenes.ts --kind=note-on-desk ' +
      '--split=train --salt=1 --sheet=misreads.png` (MNIST training digits, other seeds).',
    '',
  ];
  if (note) {
    const t = DESK_TARGETS['note-on-desk']!;
    out.push(
      `### note-on-desk: ${pct(note.accuracy)}`,
      '',
      table(
        ['desk', 'images', 'accuracy', 'target', 'met?'],
        [
          [
            '**all desks**',
            String(note.count),
            pct(note.accuracy),
            `≥ ${pct(t.overall, 0)}`,
            met(note.accuracy >= t.overall),
          ],
          ...desks(note.groups).map(([desk, g]) => [
            desk,
            String(g.count),
            pct(g.accuracy, 1),
            `≥ ${pct(t.perDesk!, 0)}`,
            met(g.accuracy >= t.perDesk!),
          ]),
        ],
      ),
      '',
      'Other breakdowns (note size, rotation, note type, clutter, blur, ink, file type) and the causes of the wrong ' +
        'answers are under note-on-desk in section 2.',
      '',
    );
  }
  for (const k of numbers) out.push(...numberKindSection(k));
  return out;
}
