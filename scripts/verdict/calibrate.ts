/**
 * Calibration: temperature scaling fitted on validation (one number that divides the logits,
 * chosen to minimise the negative log-likelihood), and the expected calibration error.
 */

/** Softmax of `logits` (n × k, row-major) divided by `temperature`. */
export function softmax(logits: Float32Array, k: number, temperature = 1): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length / k; r++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, logits[r * k + j]! / temperature);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += out[r * k + j] = Math.exp(logits[r * k + j]! / temperature - max);
    for (let j = 0; j < k; j++) out[r * k + j]! /= sum;
  }
  return out;
}

export function negativeLogLikelihood(
  logits: Float32Array,
  labels: Uint8Array,
  k: number,
  temperature: number,
): number {
  const p = softmax(logits, k, temperature);
  let nll = 0;
  for (let r = 0; r < labels.length; r++) nll -= Math.log(Math.max(1e-12, p[r * k + labels[r]!]!));
  return nll / labels.length;
}

/** The temperature in [0.05, 20] with the lowest NLL (golden-section search on its logarithm). */
export function fitTemperature(logits: Float32Array, labels: Uint8Array, k: number): number {
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  const f = (t: number): number => negativeLogLikelihood(logits, labels, k, Math.exp(t));
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Expected calibration error over `bins` equal-width confidence bins: the gap between confidence
 * (the top probability) and accuracy, weighted by each bin's share of the images.
 */
export function expectedCalibrationError(
  probabilities: Float32Array,
  labels: Uint8Array,
  k: number,
  bins = 15,
): number {
  const count = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  const correct = new Float64Array(bins);
  for (let r = 0; r < labels.length; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (probabilities[r * k + j]! > probabilities[r * k + best]!) best = j;
    const p = probabilities[r * k + best]!;
    const bin = Math.min(bins - 1, Math.floor(p * bins));
    count[bin] = count[bin]! + 1;
    confidence[bin] = confidence[bin]! + p;
    if (best === labels[r]) correct[bin] = correct[bin]! + 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += Math.abs(confidence[b]! - correct[b]!) / labels.length;
  return ece;
}
