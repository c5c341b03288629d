import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { loadClassifier } from '../../src/node.js';
import { mnistDigit, ROOT } from './helpers.js';

const out = join(mkdtempSync(join(tmpdir(), 'ensemble-')), 'model');

describe('npm run train:ensemble -- --quick', () => {
  it('puts the members together byte for byte as one model the runtime reads, with a card', async () => {
    const log = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/ensemble/train-ensemble.ts'), '--quick', '--levels', '256', '--out', out],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    assert.match(log, /T = [\d.]+/);
    // The three members, then the scout read before them (see src/classify/ensemble.ts).
    const members = [
      'models/mnist-cnn',
      'models/members/digits-7',
      'models/members/verdict-42',
      'models/members/verdict-small-42',
    ].map((dir) => readFileSync(join(ROOT, dir, 'weights.bin')));
    assert.ok(readFileSync(join(out, 'weights.bin')).equals(Buffer.concat(members)));
    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { modelTopology: { class_name: string } };
    assert.equal(json.modelTopology.class_name, 'Ensemble');
    assert.match(readFileSync(join(out, 'MODEL_CARD.md'), 'utf8'), /Not a digit, per category/);

    const classifier = await loadClassifier({ modelUrl: pathToFileURL(join(out, 'model.json')) });
    const digit = mnistDigit(0);
    const p = await classifier.classify(digit);
    assert.equal(p.digit, digit.label);
    assert.ok(p.notDigitScore < 0.5 && !p.uncertain);
    classifier.dispose();
  });
});
