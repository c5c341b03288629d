/**
 * Checkpoints for resumable training: the model, the optimizer's state and the run's own state
 * (a JSON object), written after every epoch; and the learning-rate schedule both trainers use.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadFrom, saveTo } from './model-files.js';

export async function saveCheckpoint(
  dir: string,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  state: object,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await model.save(saveTo(join(dir, 'model')));
  const named = await optimizer.getWeights();
  const { data, specs } = await tf.io.encodeWeights(named);
  writeFileSync(join(dir, 'optimizer.bin'), new Uint8Array(data));
  writeFileSync(join(dir, 'optimizer.json'), JSON.stringify(specs));
  writeFileSync(join(dir, 'state.json'), JSON.stringify(state, null, 2));
}

export function hasCheckpoint(dir: string): boolean {
  return existsSync(join(dir, 'state.json'));
}

/** Loads the weights into `model` and `optimizer`; returns the saved run state. */
export async function restoreCheckpoint<State>(
  dir: string,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
): Promise<State> {
  const saved = await tf.loadLayersModel(loadFrom(join(dir, 'model')));
  model.setWeights(saved.getWeights());
  saved.dispose();
  const specs = JSON.parse(readFileSync(join(dir, 'optimizer.json'), 'utf8')) as tf.io.WeightsManifestEntry[];
  const bytes = readFileSync(join(dir, 'optimizer.bin'));
  const decoded = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs);
  await optimizer.setWeights(specs.map((s) => ({ name: s.name, tensor: decoded[s.name]! })));
  return JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as State;
}

/** Linear warm-up over `warmupSteps`, then cosine decay to 1% of `peak`. */
export function learningRateAt(step: number, warmupSteps: number, totalSteps: number, peak: number): number {
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const t = (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
  return peak * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * t)));
}
