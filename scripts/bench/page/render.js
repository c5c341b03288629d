// Drawing helpers for the photo-like benchmark images: a seeded random source, MNIST digits as
// ink sprites, paper, lighting, sensor noise, stroke skeletons and font glyphs; and the timer
// both benchmark pages use.
(function () {
  const Bench = (window.Bench = window.Bench || {});

  /** Milliseconds of each of `runs` awaited calls of `fn`, after `warmup` untimed ones. */
  Bench.time = async function time(fn, warmup, runs) {
    for (let i = 0; i < warmup; i++) await fn();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    return samples;
  };

  /**
   * The inputs of the warm timings, the same on both pages: a 28×28 MNIST canvas, a 1200×900
   * photo of digit 1 (blue ink on lit, noisy paper) and 100 MNIST canvases. Needs loadMnist().
   */
  Bench.speedInputs = function speedInputs() {
    const rand = Bench.rng(7);
    const photo = Bench.canvas(1200, 900);
    const ctx = Bench.context(photo);
    ctx.fillStyle = 'rgb(243,234,210)';
    ctx.fillRect(0, 0, 1200, 900);
    Bench.drawFrame(ctx, Bench.inkSprite(Bench.digit(1).pixels, [27, 47, 143]), 640, 420, 420, 6);
    Bench.light(ctx, 1200, 900, rand, { gradient: 0.4, shadow: 0.35, vignette: 0.2 });
    Bench.noise(ctx, 1200, 900, 0.03, rand);
    return {
      small: Bench.mnistCanvas(Bench.digit(0).pixels),
      photo,
      photoLabel: Bench.digit(1).label,
      batch: Array.from({ length: 100 }, (_, i) => Bench.mnistCanvas(Bench.digit(i).pixels)),
    };
  };

  /** Deterministic random numbers (mulberry32) with a few conveniences. */
  Bench.rng = function rng(seed) {
    let a = seed >>> 0;
    const next = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
      next,
      range: (lo, hi) => lo + (hi - lo) * next(),
      int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
      pick: (list) => list[Math.floor(next() * list.length)],
    };
  };

  /** A 32-bit hash of a string, to seed each kind differently. */
  Bench.hash = function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  };

  Bench.canvas = function canvas(width, height) {
    return Object.assign(document.createElement('canvas'), { width: Math.round(width), height: Math.round(height) });
  };

  Bench.context = (canvas) => canvas.getContext('2d', { willReadFrequently: true });

  const css = (rgb, alpha) => `rgba(${rgb[0]},${rgb[1]},${rgb[2]},${alpha === undefined ? 1 : alpha})`;
  Bench.css = css;
  const grey = (level) => css([Math.round(level * 255), Math.round(level * 255), Math.round(level * 255)]);

  /**
   * The digit as ink of colour `rgb`: a 112×112 sprite (4× MNIST) whose alpha is the digit,
   * sharpened around MNIST's mid-grey so strokes have the solid body and crisp edge of real ink.
   */
  Bench.inkSprite = function inkSprite(pixels, rgb, opacity) {
    const small = Bench.canvas(28, 28);
    const s = Bench.context(small);
    const image = s.createImageData(28, 28);
    for (let i = 0; i < 784; i++) image.data.set([rgb[0], rgb[1], rgb[2], pixels[i]], i * 4);
    s.putImageData(image, 0, 0);
    const big = Bench.canvas(112, 112);
    const b = Bench.context(big);
    b.imageSmoothingEnabled = true;
    b.imageSmoothingQuality = 'high';
    b.drawImage(small, 0, 0, 112, 112);
    const up = b.getImageData(0, 0, 112, 112);
    const alpha = opacity === undefined ? 1 : opacity;
    for (let i = 0; i < 112 * 112; i++) {
      const a = Math.min(1, Math.max(0, (up.data[i * 4 + 3] / 255 - 0.2) / 0.4));
      up.data.set([rgb[0], rgb[1], rgb[2], Math.round(a * alpha * 255)], i * 4);
    }
    b.putImageData(up, 0, 0);
    return big;
  };

  /**
   * Draws a 28-unit frame (sprite or canvas) centred at (cx, cy), rotated `degrees`, so that the
   * digit (20 of MNIST's 28 units) is `digitHeight` pixels tall.
   */
  Bench.drawFrame = function drawFrame(ctx, frame, cx, cy, digitHeight, degrees, smooth) {
    const side = (digitHeight * 28) / 20;
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.imageSmoothingEnabled = smooth !== false;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(frame, -side / 2, -side / 2, side, side);
    ctx.restore();
  };

  /** A centre for a digit `digitHeight` tall anywhere on a `width`×`height` sheet, fully inside. */
  Bench.place = function place(rand, width, height, digitHeight) {
    const margin = 0.72 * digitHeight + 4;
    const along = (side) => (side > 2 * margin ? rand.range(margin, side - margin) : side / 2);
    return { cx: along(width), cy: along(height) };
  };

  /** Luma noise of ±`amount` (0–1, triangular distribution), like a phone camera's. */
  Bench.noise = function noise(ctx, width, height, amount, rand) {
    const image = ctx.getImageData(0, 0, width, height);
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = (rand.next() + rand.next() - 1) * amount * 255;
      d[i] += n;
      d[i + 1] += n;
      d[i + 2] += n;
    }
    ctx.putImageData(image, 0, 0);
  };

  /**
   * Uneven light, multiplied over paper and ink alike: a brightness gradient across the sheet
   * (its far side `gradient` darker), optionally a soft cast shadow `shadow` darker over a
   * half-plane, and a vignette. Returns where the shadow fell relative to the digit.
   */
  Bench.light = function light(ctx, width, height, rand, options) {
    const { gradient = 0, shadow = 0, vignette = 0, digit } = options;
    ctx.save();
    ctx.globalCompositeOperation = 'multiply';
    const r = Math.hypot(width, height) / 2;
    if (gradient > 0) {
      const angle = rand.range(0, 2 * Math.PI);
      const [c, s] = [Math.cos(angle), Math.sin(angle)];
      const g = ctx.createLinearGradient(width / 2 - c * r, height / 2 - s * r, width / 2 + c * r, height / 2 + s * r);
      g.addColorStop(0, grey(1));
      g.addColorStop(1, grey(1 - gradient));
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, width, height);
    }
    let where = 'none';
    if (shadow > 0) {
      const px = rand.range(0.2, 0.8) * width;
      const py = rand.range(0.2, 0.8) * height;
      const angle = rand.range(0, 2 * Math.PI);
      const n = [Math.cos(angle), Math.sin(angle)];
      const t = [-n[1], n[0]];
      const L = 3 * Math.max(width, height);
      ctx.filter = `blur(${Math.round(rand.range(0.01, 0.05) * Math.max(width, height))}px)`;
      ctx.fillStyle = grey(1 - shadow);
      ctx.beginPath();
      ctx.moveTo(px + L * t[0], py + L * t[1]);
      ctx.lineTo(px - L * t[0], py - L * t[1]);
      ctx.lineTo(px - L * t[0] + L * n[0], py - L * t[1] + L * n[1]);
      ctx.lineTo(px + L * t[0] + L * n[0], py + L * t[1] + L * n[1]);
      ctx.closePath();
      ctx.fill();
      ctx.filter = 'none';
      if (digit) {
        const side = (digit.cx - px) * n[0] + (digit.cy - py) * n[1];
        where = side > digit.height / 2 ? 'in shadow' : side < -digit.height / 2 ? 'in light' : 'shadow edge across';
      }
    }
    if (vignette > 0) {
      const v = ctx.createRadialGradient(width / 2, height / 2, r * 0.3, width / 2, height / 2, r);
      v.addColorStop(0, grey(1));
      v.addColorStop(1, grey(1 - vignette));
      ctx.fillStyle = v;
      ctx.fillRect(0, 0, width, height);
    }
    ctx.restore();
    return where;
  };

  /**
   * JPEG or PNG file of a canvas. Through OffscreenCanvas.convertToBlob(): canvas.toBlob() encodes
   * in idle time, which a page that is not in front (the benchmark runs several) hardly gets.
   */
  Bench.encode = function encode(canvas, type, quality) {
    const copy = new OffscreenCanvas(canvas.width, canvas.height);
    copy.getContext('2d').drawImage(canvas, 0, 0);
    return copy.convertToBlob(quality === undefined ? { type } : { type, quality });
  };

  /** The digit as a 28×28 canvas, white ink on black: MNIST as it is. */
  Bench.mnistCanvas = function mnistCanvas(pixels, ink, background) {
    const c = Bench.canvas(28, 28);
    const ctx = Bench.context(c);
    const image = ctx.createImageData(28, 28);
    const fg = ink || [255, 255, 255];
    const bg = background || [0, 0, 0];
    for (let i = 0; i < 784; i++) {
      const a = pixels[i] / 255;
      image.data.set([0, 1, 2].map((k) => Math.round(bg[k] + (fg[k] - bg[k]) * a)).concat(255), i * 4);
    }
    ctx.putImageData(image, 0, 0);
    return c;
  };

  /**
   * The digit's centre line: MNIST upsampled 4× (112×112), thresholded at mid-grey and thinned
   * (Zhang–Suen). Returns segments [x0, y0, x1, y1] between 8-adjacent skeleton pixels, in
   * 112-grid units, for drawing the digit again as pen strokes.
   */
  Bench.skeleton = function skeleton(pixels) {
    const N = 112;
    const grey28 = Bench.mnistCanvas(pixels);
    const big = Bench.canvas(N, N);
    const b = Bench.context(big);
    b.imageSmoothingEnabled = true;
    b.imageSmoothingQuality = 'high';
    b.drawImage(grey28, 0, 0, N, N);
    const data = b.getImageData(0, 0, N, N).data;
    const on = new Uint8Array(N * N);
    for (let i = 0; i < N * N; i++) on[i] = data[i * 4] > 0.45 * 255 ? 1 : 0;
    const at = (x, y) => (x >= 0 && y >= 0 && x < N && y < N ? on[y * N + x] : 0);
    let changed = true;
    while (changed) {
      changed = false;
      for (const step of [0, 1]) {
        const remove = [];
        for (let y = 0; y < N; y++) {
          for (let x = 0; x < N; x++) {
            if (!on[y * N + x]) continue;
            // Neighbours P2..P9, clockwise from north.
            const p = [
              at(x, y - 1),
              at(x + 1, y - 1),
              at(x + 1, y),
              at(x + 1, y + 1),
              at(x, y + 1),
              at(x - 1, y + 1),
              at(x - 1, y),
              at(x - 1, y - 1),
            ];
            const count = p.reduce((s, v) => s + v, 0);
            if (count < 2 || count > 6) continue;
            let transitions = 0;
            for (let k = 0; k < 8; k++) if (p[k] === 0 && p[(k + 1) % 8] === 1) transitions++;
            if (transitions !== 1) continue;
            const [p2, , p4, , p6, , p8] = p;
            if (step === 0 ? p2 * p4 * p6 === 0 && p4 * p6 * p8 === 0 : p2 * p4 * p8 === 0 && p2 * p6 * p8 === 0) {
              remove.push(y * N + x);
            }
          }
        }
        for (const i of remove) on[i] = 0;
        if (remove.length > 0) changed = true;
      }
    }
    const segments = [];
    for (let y = 0; y < N; y++) {
      for (let x = 0; x < N; x++) {
        if (!on[y * N + x]) continue;
        let linked = false;
        for (const [dx, dy] of [
          [1, 0],
          [0, 1],
          [1, 1],
          [-1, 1],
          [-1, 0],
          [0, -1],
          [1, -1],
          [-1, -1],
        ]) {
          if (at(x + dx, y + dy)) {
            linked = true;
            // Each pair once: only the forward half of the neighbourhood draws.
            if (dy > 0 || (dy === 0 && dx > 0)) segments.push([x + 0.5, y + 0.5, x + dx + 0.5, y + dy + 0.5]);
          }
        }
        if (!linked) segments.push([x + 0.5, y + 0.5, x + 0.5, y + 0.5]);
      }
    }
    return segments;
  };

  /** Draws skeleton `segments` as one round-capped pen stroke, the digit `digitHeight` tall. */
  Bench.drawStrokes = function drawStrokes(ctx, segments, cx, cy, digitHeight, degrees, lineWidth, rgb) {
    const unit = (digitHeight * 28) / 20 / 112;
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.strokeStyle = css(rgb);
    ctx.lineWidth = lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (const [x0, y0, x1, y1] of segments) {
      ctx.moveTo((x0 - 56) * unit, (y0 - 56) * unit);
      ctx.lineTo((x1 - 56) * unit, (y1 - 56) * unit);
    }
    ctx.stroke();
    ctx.restore();
  };

  /** Is `family` installed? Its digits must measure differently from two generic fallbacks. */
  Bench.fontAvailable = function fontAvailable(family) {
    const ctx = Bench.context(Bench.canvas(8, 8));
    const sample = '0123456789 mmmwwwlli';
    return ['monospace', 'serif', 'sans-serif'].every((fallback) => {
      ctx.font = `72px ${fallback}`;
      const plain = ctx.measureText(sample).width;
      ctx.font = `72px "${family}", ${fallback}`;
      return ctx.measureText(sample).width !== plain;
    });
  };
})();
