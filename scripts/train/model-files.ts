/**
 * Model files on disk without tfjs-node: `tf.io.withSaveHandler` hands us the artifacts and we
 * write `model.json` plus one weights file; a tiny IOHandler reads them back. Also the
 * `weightsManifest` quantization that tfjs-core decodes when the model is loaded.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const WEIGHTS_FILE = 'weights.bin';

function concat(data: ArrayBuffer | ArrayBuffer[]): ArrayBuffer {
  return Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
}

/** Writes `model.json` and `weights.bin` atomically (a crash never leaves half a model). */
export function writeModel(dir: string, artifacts: tf.io.ModelArtifacts): void {
  mkdirSync(dir, { recursive: true });
  const weights = artifacts.weightData ? concat(artifacts.weightData) : new ArrayBuffer(0);
  const json = {
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs ?? [] }],
  };
  writeFileSync(join(dir, `${WEIGHTS_FILE}.tmp`), new Uint8Array(weights));
  writeFileSync(join(dir, 'model.json.tmp'), JSON.stringify(json));
  renameSync(join(dir, `${WEIGHTS_FILE}.tmp`), join(dir, WEIGHTS_FILE));
  renameSync(join(dir, 'model.json.tmp'), join(dir, 'model.json'));
}

/** An IOHandler that saves into `dir`. */
export function saveTo(dir: string): tf.io.IOHandler {
  return tf.io.withSaveHandler(async (artifacts) => {
    writeModel(dir, artifacts);
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  });
}

/** An IOHandler that loads `dir/model.json` and its weights, quantized or not. */
export function loadFrom(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: ArrayBuffer[] = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const path of group.paths) {
          const bytes = readFileSync(join(dir, path));
          buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        }
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        weightSpecs: specs,
        weightData: tf.io.concatenateArrayBuffers(buffers),
      };
    },
  };
}

/** How a tensor is stored in the shipped weights. */
export type Storage = 'uint8' | 'float16' | 'float32';

function toFloat16(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    const m = (mantissa | 0x800000) >> (1 - exponent);
    return sign | ((m + 0x1000) >> 13);
  }
  if (exponent >= 31) return sign | 0x7c00;
  return sign | (exponent << 10) | ((mantissa + 0x1000) >> 13);
}

/**
 * Re-encodes float32 weights: tensors with at least `minUint8Size` values as affine uint8
 * (value = q · scale + min), the rest (biases, small vectors) as float16.
 */
export function quantize(
  specs: tf.io.WeightsManifestEntry[],
  data: ArrayBuffer,
  minUint8Size = 256,
): { specs: tf.io.WeightsManifestEntry[]; data: ArrayBuffer } {
  const parts: Uint8Array[] = [];
  const out: tf.io.WeightsManifestEntry[] = [];
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(data.slice(offset, offset + size * 4));
    offset += size * 4;
    if (size >= minUint8Size) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      const scale = max > min ? (max - min) / 255 : 1;
      const q = new Uint8Array(size);
      for (let i = 0; i < size; i++) q[i] = Math.round((values[i]! - min) / scale);
      parts.push(q);
      out.push({ ...spec, quantization: { dtype: 'uint8', scale, min } });
    } else {
      const h = new Uint16Array(size);
      for (let i = 0; i < size; i++) h[i] = toFloat16(values[i]!);
      parts.push(new Uint8Array(h.buffer));
      out.push({ ...spec, quantization: { dtype: 'float16' } });
    }
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return { specs: out, data: joined.buffer };
}
