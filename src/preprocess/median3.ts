/**
 * 3×3 median of a coarse copy, the border's neighbours read from the nearest row or column
 * inside. Each column of three is sorted once for the three windows it is in; a window's median is
 * then the median of its columns' greatest low, middle middle and least high (exact: a network of
 * min and max that gives the median of every 0/1 input gives it for every input).
 *
 * V8 compiles a min or max of two doubles to compares and branches, which mispredict about half
 * the time on a noisy image. Float32 values under 2 in size are compared instead as 32-bit
 * integers that sort as they do (their bits, the negative ones' magnitude bits flipped), whose
 * min and max take no branch; the median is the same value, bit for bit.
 */

const min = (a: number, b: number): number => (b < a ? b : a);
const max = (a: number, b: number): number => (b > a ? b : a);

/** Median of three values. */
function median(a: number, b: number, c: number): number {
  return max(min(a, b), min(max(a, b), c));
}

/** Min, max and median of three int32 keys whose differences fit in 32 bits, without a branch. */
const keyMin = (a: number, b: number): number => {
  const d = a - b;
  return b + (d & (d >> 31));
};
const keyMax = (a: number, b: number): number => {
  const d = a - b;
  return a - (d & (d >> 31));
};
const keyMedian = (a: number, b: number, c: number): number => keyMax(keyMin(a, b), keyMin(keyMax(a, b), c));

/** The keys of float32 values under 2 in size (bits under 2^30 apart from the sign). */
const KEY_LIMIT = 0x40000000;

/** Keys reused from call to call (a browser pays for every array it allocates). */
let scratchKeys = new Int32Array(0);

/**
 * 3×3 median of a `width`×`height` image (see the module's comment); `values` may hold any
 * numbers (NaN, ±Infinity, −0 and values of 2 or more in size take the plain path).
 */
export function median3(values: Float32Array, width: number, height: number): Float32Array {
  const count = values.length;
  const bits = new Int32Array(values.buffer, values.byteOffset, count);
  if (scratchKeys.length !== count) scratchKeys = new Int32Array(count);
  const keys = scratchKeys;
  for (let i = 0; i < count; i++) {
    const b = bits[i]!;
    // The bits of a float32 sort as it does when it is positive; flipped, a negative one's too.
    const key = b ^ ((b >> 31) & 0x7fffffff);
    // −0 (key −1) would sort below 0, which the plain path takes as equal to it.
    if (!(key < KEY_LIMIT && key > -KEY_LIMIT) || b === -0x80000000) return plainMedian3(values, width, height);
    keys[i] = key;
  }
  const out = new Float32Array(count);
  const outBits = new Int32Array(out.buffer);
  for (let y = 0; y < height; y++) {
    const above = (y > 0 ? y - 1 : 0) * width;
    const row = y * width;
    const below = (y < height - 1 ? y + 1 : height - 1) * width;
    // The sorted columns left of x (the first column's own at the border), at x, and right of it.
    let a = keys[above]!;
    let b = keys[row]!;
    let c = keys[below]!;
    let lo = keyMin(a, b);
    let hi = keyMax(a, b);
    let lowHere = keyMin(lo, c);
    let middleHere = keyMax(lo, keyMin(hi, c));
    let highHere = keyMax(hi, c);
    let lowLeft = lowHere;
    let middleLeft = middleHere;
    let highLeft = highHere;
    for (let x = 0; x < width; x++) {
      let lowRight = lowHere;
      let middleRight = middleHere;
      let highRight = highHere;
      if (x < width - 1) {
        a = keys[above + x + 1]!;
        b = keys[row + x + 1]!;
        c = keys[below + x + 1]!;
        lo = keyMin(a, b);
        hi = keyMax(a, b);
        lowRight = keyMin(lo, c);
        middleRight = keyMax(lo, keyMin(hi, c));
        highRight = keyMax(hi, c);
      }
      const greatestLow = keyMax(keyMax(lowLeft, lowHere), lowRight);
      const leastHigh = keyMin(keyMin(highLeft, highHere), highRight);
      const key = keyMedian(greatestLow, keyMedian(middleLeft, middleHere, middleRight), leastHigh);
      outBits[row + x] = key ^ ((key >> 31) & 0x7fffffff);
      lowLeft = lowHere;
      middleLeft = middleHere;
      highLeft = highHere;
      lowHere = lowRight;
      middleHere = middleRight;
      highHere = highRight;
    }
  }
  return out;
}

/** The same median on the values themselves, for values the keys cannot hold. */
function plainMedian3(values: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(values.length);
  const low = new Float64Array(width);
  const middle = new Float64Array(width);
  const high = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const above = Math.max(0, y - 1) * width;
    const row = y * width;
    const below = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++) {
      const a = values[above + x]!;
      const b = values[row + x]!;
      const c = values[below + x]!;
      const lo = min(a, b);
      const hi = max(a, b);
      low[x] = min(lo, c);
      middle[x] = max(lo, min(hi, c));
      high[x] = max(hi, c);
    }
    for (let x = 0; x < width; x++) {
      const left = x > 0 ? x - 1 : 0;
      const right = x < width - 1 ? x + 1 : width - 1;
      const greatestLow = max(max(low[left]!, low[x]!), low[right]!);
      const leastHigh = min(min(high[left]!, high[x]!), high[right]!);
      out[row + x] = median(greatestLow, median(middle[left]!, middle[x]!, middle[right]!), leastHigh);
    }
  }
  return out;
}
