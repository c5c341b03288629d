import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    assert.match(cdn, /^\/\*![^]*?\*\/\s*var DigitRecognizer=function\(\w+\)\{/);
    assert.doesNotMatch(cdn, /from ["']node:/);
  });

  it('names the CDN bundle for unpkg and jsDelivr', () => {
    assert.equal(pkg.unpkg, './dist/digit-recognizer.min.js');
    assert.equal(pkg.jsdelivr, './dist/digit-recognizer.min.js');
  });
});
