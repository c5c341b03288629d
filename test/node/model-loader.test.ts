import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getDefaultClassifier } from '../../src/node.js';
import { assetsUnder } from '../../src/classify/asset-types.js';
import { loadNetwork } from '../../src/classify/model-loader.js';

const MODEL_DIR = new URL('../../models/recognizer/', import.meta.url);
/** How long the server holds model.json back, waiting to see whether weights.bin is asked for. */
const HOLD_MS = 1500;

describe('model download', () => {
  let server: Server;
  let origin = '';
  let requests: string[] = [];
  before(async () => {
    await getDefaultClassifier(); // starts the backend the weights become tensors on
    server = createServer((request, response) => {
      const name = request.url!.slice(1);
      requests.push(`asked ${name}`);
      const send = (): void => {
        requests.push(`answered ${name}`);
        response.end(readFileSync(new URL(name, MODEL_DIR)));
      };
      if (name !== 'model.json') return send();
      // model.json waits until weights.bin has been asked for (or HOLD_MS), like a slow link.
      const started = Date.now();
      const poll = setInterval(() => {
        if (requests.includes('asked weights.bin') || Date.now() - started > HOLD_MS) {
          clearInterval(poll);
          send();
        }
      }, 5);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks for the package's own weights alongside model.json, not one round trip after it", async () => {
    requests = [];
    const progress: number[] = [];
    const network = await loadNetwork(
      { json: `${origin}/model.json`, files: { './weights.bin': `${origin}/weights.bin` } },
      { onProgress: (fraction) => progress.push(fraction) },
    );
    network.dispose();
    assert.ok(
      requests.indexOf('asked weights.bin') < requests.indexOf('answered model.json'),
      `weights.bin was asked for before model.json arrived: ${requests.join(', ')}`,
    );
    assert.equal(progress.at(-1), 1, 'progress ends at 1');
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress never goes back',
    );
  });

  it('a model named only by its model.json still finds its weights next to it', async () => {
    requests = [];
    const network = await loadNetwork({ json: `${origin}/model.json`, files: {} });
    network.dispose();
    assert.deepEqual(
      requests.filter((r) => r.startsWith('asked')),
      ['asked model.json', 'asked weights.bin'],
    );
  });

  it("names the shipped models' weight files in advance under any package root (the CDN bundle, setAssetPath())", () => {
    const assets = assetsUnder('https://cdn.example/npm/digit-recognizer@1/', 'dist/slim/');
    for (const model of [assets.digitModel, assets.segmentChecker]) {
      const folder = new URL('./', model.json).pathname.replace('/npm/digit-recognizer@1/', '');
      const manifest = JSON.parse(readFileSync(new URL(`../../${folder}model.json`, import.meta.url), 'utf8')) as {
        weightsManifest: Array<{ paths: string[] }>;
      };
      const paths = manifest.weightsManifest.flatMap((group) => group.paths);
      // Each named file is the one model.json lists, where model.json would look for it.
      assert.deepEqual(Object.keys(model.files), paths);
      for (const path of paths) assert.equal(model.files[path], new URL(path, model.json).href);
    }
  });
});
