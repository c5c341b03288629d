/**
 * The end of a verdict run: batch norm folded, a temperature fitted on validation and folded into
 * the last layer, weights quantized as the shipped model's are, and every figure of the card
 * measured on the files written (as users get them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { exportQuantized, foldBatchNorm } from '../train/export.js';
import { loadFrom } from '../train/model-files.js';
import { expectedCalibrationError, fitTemperature, softmax } from './calibrate.js';
import { CATEGORIES } from '../negatives/generate.js';
import { CLASSES, type VerdictData } from './data.js';
import {
  concat,
  digitFigures,
  digitsOf,
  logitsOf,
  negativeFigures,
  negativesOf,
  outputsOf,
  paperDigitsOf,
} from './measure.js';
import type { VerdictRun, VerdictState } from './run.js';
import { writeVerdictCard, type VerdictMetrics } from './card.js';

/** The whole run's time from the metrics an earlier export of it wrote (0 when there are none). */
function previousTotal(dir: string): number {
  const file = join(dir, 'metrics.json');
  if (!existsSync(file)) return 0;
  return (JSON.parse(readFileSync(file, 'utf8')) as { totalSeconds?: number }).totalSeconds ?? 0;
}

function scaled(logits: Float32Array, factor: number): Float32Array {
  return logits.map((v) => v * factor);
}

export async function exportVerdict(
  model: tf.LayersModel,
  data: VerdictData,
  run: VerdictRun,
  state: VerdictState,
  /** Seconds this run took before the export; undefined for `--export-only`. */
  seconds: number | undefined,
): Promise<VerdictMetrics> {
  const started = Date.now();
  const { train, validationIds, test, negatives, paper, photo } = data;
  const folded = foldBatchNorm(model);
  // Calibrated on what users show: clean digits, digits through the pipeline (on paper and
  // photo-like), and non-digits.
  const validation = concat(
    concat(
      concat(digitsOf(train, validationIds), paperDigitsOf(paper.validation, train)),
      paperDigitsOf(photo.validation, train),
    ),
    negativesOf(negatives.validation),
  );
  const temperature = fitTemperature(logitsOf(folded, validation), validation.labels, CLASSES);
  const dense = folded.layers[folded.layers.length - 1]!;
  const [kernel, bias] = dense.getWeights();
  dense.setWeights([kernel!.div(temperature), bias!.div(temperature)]);
  const weightBytes = await exportQuantized(folded, run.out);

  // Every figure below comes from the quantized files just written.
  const shipped = await tf.loadLayersModel(loadFrom(run.out));
  // The test sets are read only for a finished run's report, never for an intermediate export.
  const final = state.epoch >= run.epochs;
  const testSet = concat(
    concat(concat(digitsOf(test), paperDigitsOf(paper.test, test)), paperDigitsOf(photo.test, test)),
    negativesOf(negatives.test),
  );
  const calibration = (set: typeof validation) => {
    const calibrated = logitsOf(shipped, set);
    return {
      before: expectedCalibrationError(softmax(scaled(calibrated, temperature), CLASSES), set.labels, CLASSES),
      after: expectedCalibrationError(softmax(calibrated, CLASSES), set.labels, CLASSES),
    };
  };
  const nv = validationIds.length;
  const pv = paper.validation.count;
  const hv = photo.validation.count;
  const nt = test.count;
  const pt = paper.test.count;
  const ht = photo.test.count;
  const validationOut = outputsOf(shipped, validation);
  const testOut = final ? outputsOf(shipped, testSet) : null;
  const metrics: VerdictMetrics = {
    parameters: shipped.countParams(),
    weightBytes,
    filters: run.filters,
    temperature,
    epochs: state.epoch,
    plannedEpochs: run.epochs,
    seed: run.seed,
    quick: run.quick,
    negativeShare: run.negativeShare,
    emaDecay: run.emaDecay,
    flagChance: run.flagChance,
    perCategory: run.perCategory,
    trainDigits: data.trainIds.length,
    paperTrainDigits: paper.train.count,
    photoTrainDigits: photo.train.count,
    negativeCounts: Object.fromEntries(
      (['train', 'validation', 'test'] as const).map((split) => [
        split,
        Object.fromEntries(CATEGORIES.map((c, i) => [c, negatives[split].categories.filter((k) => k === i).length])),
      ]),
    ) as VerdictMetrics['negativeCounts'],
    validation: {
      digits: digitFigures(validationOut.subarray(0, nv * CLASSES), validation.labels.subarray(0, nv)),
      paperDigits: digitFigures(
        validationOut.subarray(nv * CLASSES, (nv + pv) * CLASSES),
        validation.labels.subarray(nv, nv + pv),
      ),
      photoDigits: digitFigures(
        validationOut.subarray((nv + pv) * CLASSES, (nv + pv + hv) * CLASSES),
        validation.labels.subarray(nv + pv, nv + pv + hv),
      ),
      negatives: negativeFigures(validationOut.subarray((nv + pv + hv) * CLASSES), negatives.validation),
      calibration: calibration(validation),
    },
    test: testOut && {
      digits: digitFigures(testOut.subarray(0, nt * CLASSES), testSet.labels.subarray(0, nt)),
      paperDigits: digitFigures(
        testOut.subarray(nt * CLASSES, (nt + pt) * CLASSES),
        testSet.labels.subarray(nt, nt + pt),
      ),
      photoDigits: digitFigures(
        testOut.subarray((nt + pt) * CLASSES, (nt + pt + ht) * CLASSES),
        testSet.labels.subarray(nt + pt, nt + pt + ht),
      ),
      negatives: negativeFigures(testOut.subarray((nt + pt + ht) * CLASSES), negatives.test),
      calibration: calibration(testSet),
    },
    history: state.history,
    trainingSeconds: state.trainingSeconds,
    samplesPerSecond: state.samples / Math.max(1, state.trainingSeconds),
    totalSeconds: seconds === undefined ? previousTotal(run.out) : seconds + (Date.now() - started) / 1000,
  };
  writeFileSync(join(run.out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeVerdictCard(run.out, metrics);
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const v = metrics.validation;
  const t = metrics.test;
  console.log(
    `Exported ${run.out}: ${(weightBytes / 1024).toFixed(1)} KB, T = ${temperature.toFixed(3)}; validation digits ` +
      `${pct(v.digits.accuracy)} (${pct(v.digits.notADigitRate)} called not a digit; through the pipeline ` +
      `${pct(v.paperDigits.accuracy)}, ${pct(v.paperDigits.notADigitRate)}; photo-like ` +
      `${pct(v.photoDigits?.accuracy ?? 0)}, ${pct(v.photoDigits?.notADigitRate ?? 0)}), validation negatives flagged ` +
      `${pct(v.negatives.rate)}, ECE ${pct(v.calibration.before)} → ${pct(v.calibration.after)}` +
      (t
        ? `; TEST: MNIST ${pct(t.digits.accuracy)} (${pct(t.digits.notADigitRate)} called not a digit; through the ` +
          `pipeline ${pct(t.paperDigits.accuracy)}, ${pct(t.paperDigits.notADigitRate)}; photo-like ` +
          `${pct(t.photoDigits?.accuracy ?? 0)}, ${pct(t.photoDigits?.notADigitRate ?? 0)}), non-digit test set ` +
          `flagged ${pct(t.negatives.rate)}, ECE ${pct(t.calibration.before)} → ${pct(t.calibration.after)}`
        : '; test sets not read (intermediate export)'),
  );
  return metrics;
}
