import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers.js';

/** The export names of a `.wasm` binary. */
function exportsOf(file: string): string[] {
  const module = new WebAssembly.Module(readFileSync(file));
  return WebAssembly.Module.exports(module).map((e) => e.name);
}

describe("the CDN script's cut-down .wasm binaries (dist/slim/, made by npm run build)", () => {
  for (const simd of [true, false]) {
    const file = simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
    it(`${file}: has only the kernels the script registers, and reads digits and a number`, () => {
      const slim = exportsOf(join(ROOT, 'dist/slim', file));
      const whole = exportsOf(join(ROOT, 'dist', file));
      assert.ok(slim.includes('FusedConv2D') && slim.includes('malloc'), 'kernels and runtime kept');
      assert.ok(whole.includes('Gather') && !slim.includes('Gather'), 'a kernel no model runs is gone');
      assert.ok(
        readFileSync(join(ROOT, 'dist/slim', file)).length < 0.75 * readFileSync(join(ROOT, 'dist', file)).length,
      );

      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'test/node/slim-wasm/read-with-slim-wasm.ts'), ...(simd ? [] : ['--no-simd'])],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const result = JSON.parse(out.trim().split('\n').at(-1)!) as {
        backend: string;
        labels: number[];
        read: number[];
        number: string;
        numberRead: string;
      };
      assert.equal(result.backend, 'wasm');
      assert.deepEqual(result.read, result.labels);
      assert.equal(result.numberRead, result.number);
    });
  }
});
