/**
 * Max and min filters along the rows or the columns of an image: the one-dimensional passes of
 * a grey dilation, erosion, closing or opening. The window is 2r+1 pixels, cut short at the
 * image's sides.
 */

/**
 * The max (`bright`) or min of `values` over 2r+1 pixels along rows (`alongRows`) or columns,
 * the window cut short at the image's sides.
 */
export function extremeAlong(
  values: Float32Array,
  width: number,
  height: number,
  r: number,
  bright: boolean,
  alongRows: boolean,
): Float32Array {
  const out = new Float32Array(values.length);
  // One line (a row, or a column) at a time: `length` pixels `stride` apart from `line · lineStride`.
  const lines = alongRows ? height : width;
  const length = alongRows ? width : height;
  const stride = alongRows ? 1 : width;
  const lineStride = alongRows ? width : 1;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStride;
    if (r === 1 && length >= 3) {
      // The usual 3-pixel window, unrolled: the sides' windows hold two pixels.
      let a = values[base]!;
      let b = values[base + stride]!;
      out[base] = bright ? (b > a ? b : a) : b < a ? b : a;
      for (let i = 1, at = base + stride; i < length - 1; i++, at += stride) {
        const c = values[at + stride]!;
        let v = b;
        if (bright) {
          if (a > v) v = a;
          if (c > v) v = c;
        } else {
          if (a < v) v = a;
          if (c < v) v = c;
        }
        out[at] = v;
        a = b;
        b = c;
      }
      out[base + (length - 1) * stride] = bright ? (b > a ? b : a) : b < a ? b : a;
      continue;
    }
    for (let i = 0; i < length; i++) {
      const from = Math.max(0, i - r);
      const to = Math.min(length - 1, i + r);
      let v = values[base + from * stride]!;
      // Two loops rather than one that asks which way at every pixel.
      if (bright) {
        for (let j = from + 1, at = base + j * stride; j <= to; j++, at += stride) if (values[at]! > v) v = values[at]!;
      } else {
        for (let j = from + 1, at = base + j * stride; j <= to; j++, at += stride) if (values[at]! < v) v = values[at]!;
      }
      out[base + i * stride] = v;
    }
  }
  return out;
}
