import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { VERSION } from '../../src/index.js';
import { ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('package', () => {
  it('stamps its version into the sources and the CDN bundle', () => {
    assert.equal(VERSION, pkg.version);
    const bundle = readFileSync(join(ROOT, 'dist/digit-recognizer.min.js'), 'utf8');
    assert.ok(bundle.startsWith(`/*! digit-recognizer ${String(pkg.version)} `));
  });

  it('keeps Lit out of the classify entry and Node code out of the browser entries', () => {
    const index = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    assert.doesNotMatch(index, /from ['"]lit/);
    assert.doesNotMatch(index, /node:/);
    // The classic script takes no globals but its own exports (a Node built-in left external
    // would turn into a global named `fs` or `path` that breaks the page).
    const cdn = readFileSync(join(ROOT, 'dist/digit-recognizer.min.js'), 'utf8');
    // (Before it, only the statement that lends a worker the DOM names Lit touches: see
    // rollup.config.mjs; it declares nothing.)
    assert.match(
      cdn,
      /^\/\*![^]*?\*\/\s*(?:"undefined"!=typeof WorkerGlobalScope[^\n]*?;)?\s*var DigitRecognizer=function\(\w+\)\{/,
    );
    assert.doesNotMatch(cdn, /from ["']node:/);
    // Nor does it, or the reading worker a bundler copies, ask for a Node module that a browser
    // bundler would warn about (Vite: 'Module "util" has been externalized').
    const worker = readFileSync(join(ROOT, 'dist/worker.js'), 'utf8');
    for (const code of [cdn, worker]) assert.doesNotMatch(code, /require\(["'](util|fs|path|os|crypto)["']\)/);
  });

  it('names the CDN bundle for unpkg and jsDelivr', () => {
    assert.equal(pkg.unpkg, './dist/digit-recognizer.min.js');
    assert.equal(pkg.jsdelivr, './dist/digit-recognizer.min.js');
  });

  it('points every bundler-visible asset URL of the ESM build at a file the package ships', () => {
    const files = [
      'index.js',
      'element.js',
      'node.js',
      ...readdirSync(join(ROOT, 'dist/chunks')).map((f) => `chunks/${f}`),
    ]
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(ROOT, 'dist', file));
    const found: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const [, path] of code.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
        const target = join(dirname(file), path!);
        assert.ok(existsSync(target), `${relative(ROOT, file)}: ${path} does not exist`);
        found.push(relative(ROOT, target));
      }
      // A bare import.meta.url is what webpack bakes in as the build machine's file:// path.
      assert.doesNotMatch(code.replace(/new URL\([^)]*import\.meta\.url\s*\)/g, ''), /import\.meta\.url/, file);
    }
    const shipped = new Set(found);
    for (const asset of [
      'models/recognizer/model.json',
      'models/recognizer/weights.bin',
      'models/segment-checker/model.json',
      'models/segment-checker/weights.bin',
      'dist/tfjs-backend-wasm.wasm',
      'dist/tfjs-backend-wasm-simd.wasm',
    ]) {
      assert.ok(shipped.has(asset), `${asset} is not referenced for bundlers`);
    }
  });
});
