/**
 * A model's weight bytes: how many its manifest describes, and the tensors they hold. tfjs'
 * `io.decodeWeights()` gives the same numbers but, run once on a page before the browser has
 * compiled it, took some 16 ms for the shipped model's 116k weights: it reads each weight's scale
 * and offset from an object on every element, and rebuilds its float16 tables for every float16
 * weight. Here each float32 weight, quantized to 8 or 16 bits or to float16 or not at all, is
 * decoded in one tight loop; anything else (an integer weight, a string) goes to tfjs as before.
 */
import { io, tensor, type NamedTensorMap } from '@tensorflow/tfjs-core';

/** One float16 (IEEE 754 half precision) as a number: exact, as tfjs' tables give it. */
function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/** Bytes each value of the weight `spec` describes takes, quantized or not. */
function valueBytes(spec: io.WeightsManifestEntry): number {
  const dtype: string = spec.quantization?.dtype ?? spec.dtype;
  if (dtype === 'uint8' || dtype === 'int8') return 1;
  return dtype === 'float16' || dtype === 'uint16' || dtype === 'int16' ? 2 : 4;
}

const sizeOf = (spec: io.WeightsManifestEntry): number => spec.shape.reduce((a, b) => a * b, 1);

/** Bytes the weights described by `specs` take, quantized or not. */
export function weightBytesOf(specs: io.WeightsManifestEntry[]): number {
  return specs.reduce((bytes, spec) => bytes + sizeOf(spec) * valueBytes(spec), 0);
}

/** `size` values of a float32 weight at `offset` of `buffer`, as `quantization` stored them. */
function valuesOf(
  buffer: ArrayBuffer,
  offset: number,
  size: number,
  quantization: io.WeightsManifestEntry['quantization'],
): Float32Array {
  if (!quantization) return new Float32Array(buffer.slice(offset, offset + 4 * size));
  const values = new Float32Array(size);
  if (quantization.dtype === 'float16') {
    const halves = new Uint16Array(buffer.slice(offset, offset + 2 * size));
    for (let i = 0; i < size; i++) values[i] = halfToFloat(halves[i]!);
    return values;
  }
  const scale = quantization.scale!;
  const min = quantization.min!;
  const stored =
    quantization.dtype === 'uint8'
      ? new Uint8Array(buffer, offset, size)
      : new Uint16Array(buffer.slice(offset, offset + 2 * size));
  for (let i = 0; i < size; i++) values[i] = stored[i]! * scale + min;
  return values;
}

/** Can {@link decodeWeights} decode `spec` itself (a float32 weight, quantized as tfjs knows)? */
function plainFloat(spec: io.WeightsManifestEntry): boolean {
  const q = spec.quantization;
  if (spec.dtype !== 'float32') return false;
  if (!q) return true;
  if (q.dtype === 'float16') return true;
  return (q.dtype === 'uint8' || q.dtype === 'uint16') && typeof q.scale === 'number' && typeof q.min === 'number';
}

/** The weights `specs` describe, read in order from `buffer`: what `io.decodeWeights()` gives. */
export function decodeWeights(buffer: ArrayBuffer, specs: io.WeightsManifestEntry[]): NamedTensorMap {
  if (!specs.every(plainFloat)) return io.decodeWeights(buffer, specs);
  const weights: NamedTensorMap = {};
  let offset = 0;
  for (const spec of specs) {
    const size = sizeOf(spec);
    weights[spec.name] = tensor(valuesOf(buffer, offset, size, spec.quantization), spec.shape, 'float32');
    offset += size * valueBytes(spec);
  }
  return weights;
}
