/**
 * What the Node benches of generated photos (pen-rows.ts, uneven-pressure.ts) share: their
 * command-line options, the split they run (validation digits from MNIST's training set, test
 * digits from its test set, each split on its own seeds) and the entry they read with (dist/, or
 * src/ with `--src`, for tuning without a build).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMnistSplit, type DigitSet } from '../train/idx.js';
import { MNIST_DIR, ROOT } from './node-accuracy.js';

export type NodeEntry = typeof import('../../src/node.js');

/** Where each split's seeds start. */
export interface SplitSeeds {
  test: number;
  validation: number;
}

export interface PhotoRun {
  args: string[];
  /** The value of `--name=value`, if given. */
  option: (name: string) => string | undefined;
  split: keyof SplitSeeds;
  seedBase: number;
  /** The split's MNIST digits. */
  set: DigitSet;
  api: NodeEntry;
}

/** Reads the command line, loads the entry and its default classifier, and the split's digits. */
export async function photoRun(seeds: SplitSeeds): Promise<PhotoRun> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const split = (option('split') ?? 'validation') as keyof SplitSeeds;
  if (!(split in seeds)) throw new Error(`--split is test or validation, not ${split}`);
  const api = (await import(
    pathToFileURL(join(ROOT, args.includes('--src') ? 'src/node.ts' : 'dist/node.js')).href
  )) as NodeEntry;
  await api.getDefaultClassifier();
  const set = readMnistSplit(MNIST_DIR, split === 'test' ? 't10k' : 'train');
  return { args, option, split, seedBase: seeds[split], set, api };
}
