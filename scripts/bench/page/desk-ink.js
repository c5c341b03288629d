// The ink of the desk scenes: where the digits go on the note (one anywhere, or a number left to
// right with uneven gaps that never overlap) and how they are written: MNIST's own strokes as an
// ink sprite, or a thinner pen line along the digit's smoothed centre line.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const { css } = Bench;

  /**
   * A digit's ink extent, rotated `degrees`, for a digit 1 tall (MNIST's 20-unit box): the
   * numbers are laid out from these so neighbouring digits never overlap.
   */
  function inkExtent(pixels, degrees, pad) {
    const r = (degrees * Math.PI) / 180;
    const [c, s] = [Math.cos(r), Math.sin(r)];
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < 784; i++) {
      if (pixels[i] < 40) continue;
      const x = ((i % 28) + 0.5 - 14) / 20;
      const y = (Math.floor(i / 28) + 0.5 - 14) / 20;
      const X = x * c - y * s;
      const Y = x * s + y * c;
      [x0, x1, y0, y1] = [Math.min(x0, X), Math.max(x1, X), Math.min(y0, Y), Math.max(y1, Y)];
    }
    return { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
  }

  /**
   * Where the digits ([{pixels, label}]) go on a `W`×`H` surface: one anywhere, 25–70% of its
   * height, ±6°; or a number left to right. Each gets cx, cy, height and degrees.
   */
  Bench.layoutInk = function layoutInk(rand, digits, W, H) {
    if (digits.length === 1) {
      const height = Math.min(rand.range(0.25, 0.7) * H, 0.78 * Math.min(W, H));
      const { cx, cy } = Bench.place(rand, W, H, height);
      return [{ ...digits[0], cx, cy, height, degrees: rand.range(-6, 6) }];
    }
    const tilt = rand.range(-3, 3);
    const items = digits.map((d) => {
      const size = rand.range(0.9, 1.1);
      const degrees = rand.range(-5, 5);
      const e = inkExtent(d.pixels, degrees + tilt, 0.06);
      return { ...d, size, degrees: degrees + tilt, e, width: (e.x1 - e.x0) * size };
    });
    let unit = 0;
    items.forEach((it, i) => {
      if (i > 0) it.gap = rand.range(0.05, 0.4) * Math.max(0.35, (it.width + items[i - 1].width) / 2);
      unit += it.width + (it.gap || 0);
    });
    let height = (rand.range(0.35, 0.85) * W) / unit;
    height = Math.min(height, 0.7 * H, (0.92 * W) / unit);
    const total = unit * height;
    let x = rand.range(0.04 * W, Math.max(0.04 * W, 0.96 * W - total));
    const sway = Math.abs(Math.tan((tilt * Math.PI) / 180)) * (W / 2);
    const room = 0.7 * height + sway;
    const cy = rand.range(Math.min(H / 2, room), Math.max(H / 2, H - room));
    return items.map((it) => {
      x += (it.gap || 0) * height;
      const cx = x - it.e.x0 * it.size * height;
      x += it.width * height;
      // The whole line tilts: each centre drops or rises along it.
      const dy = (cx - W / 2) * Math.tan((tilt * Math.PI) / 180);
      return { ...it, cx, cy: cy + dy + rand.range(-0.05, 0.05) * height, height: height * it.size };
    });
  };

  /**
   * The digit's centre line as smooth pen paths: Bench.skeleton()'s pixel steps chained from end
   * to end (or junction to junction) and averaged over a few pixels, so a thin pen line shows no
   * staircase and a thick one no beads. Points in the skeleton's 112-unit grid.
   */
  function penPaths(pixels) {
    const key = (x, y) => Math.floor(x) * 256 + Math.floor(y);
    const at = (k) => [Math.floor(k / 256) + 0.5, (k % 256) + 0.5];
    // Thinned from a bolder copy: at MNIST's own mid-grey a faint stretch of stroke can break,
    // and a 6 with a gap in its loop is no longer a 6.
    const segments = Bench.skeleton(pixels.map((v) => Math.min(255, v * 1.8)));
    const on = new Set();
    for (const [x0, y0, x1, y1] of segments) on.add(key(x0, y0)).add(key(x1, y1));
    const links = new Map([...on].map((k) => [k, []]));
    for (const [x0, y0, x1, y1] of segments) {
      const [a, b] = [key(x0, y0), key(x1, y1)];
      if (a === b) continue;
      // A diagonal step beside an L-shaped pair of steps would make a triangle (a false junction).
      if (x0 !== x1 && y0 !== y1 && (on.has(key(x1, y0)) || on.has(key(x0, y1)))) continue;
      links.get(a).push(b);
      links.get(b).push(a);
    }
    const used = new Set();
    const edge = (a, b) => Math.min(a, b) * 65536 + Math.max(a, b);
    const walk = (from, to) => {
      const chain = [from, to];
      used.add(edge(from, to));
      let [prev, cur] = [from, to];
      while (links.get(cur).length === 2) {
        const next = links.get(cur).find((k) => k !== prev);
        if (used.has(edge(cur, next))) break;
        used.add(edge(cur, next));
        chain.push(next);
        [prev, cur] = [cur, next];
      }
      return chain;
    };
    const chains = [];
    const starts = [...links.keys()].sort((a, b) => (links.get(a).length === 2) - (links.get(b).length === 2));
    for (const k of starts) {
      if (links.get(k).length === 0) chains.push([k]);
      for (const n of links.get(k)) if (!used.has(edge(k, n))) chains.push(walk(k, n));
    }
    // Spurs and specks a few pixels long are thinning artefacts, not strokes a pen would make.
    const degree = (k) => links.get(k).length;
    const kept = chains.filter((c) => c.length >= 5 || (degree(c[0]) > 2 && degree(c[c.length - 1]) > 2));
    return kept.map((chain) => {
      let points = chain.map(at);
      for (let pass = 0; pass < 8; pass++) {
        points = points.map((p, i) =>
          i === 0 || i === points.length - 1
            ? p
            : [0, 1].map((c) => (points[i - 1][c] + 2 * p[c] + points[i + 1][c]) / 4),
        );
      }
      return points;
    });
  }

  /** Draws a digit as a pen line `width` wide along its smoothed centre line. */
  function drawPen(ctx, pixels, cx, cy, height, degrees, width, rgb) {
    const unit = (height * 28) / 20 / 112;
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.strokeStyle = css(rgb);
    ctx.fillStyle = css(rgb);
    ctx.lineWidth = width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (const points of penPaths(pixels)) {
      points.forEach(([x, y], i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, (x - 56) * unit, (y - 56) * unit));
      if (points.length === 1) ctx.lineTo((points[0][0] - 56) * unit + 0.01, (points[0][1] - 56) * unit);
    }
    ctx.stroke();
    ctx.restore();
  }

  /**
   * Draws laid-out digits with `pen` ({rgb, opacity}) in composite `mode`: MNIST's own strokes
   * (an ink sprite), or, when `strokes` is set, a pen line `strokes` × the digit's height wide.
   */
  Bench.writeInk = function writeInk(ctx, placed, pen, strokes, mode) {
    ctx.save();
    ctx.globalCompositeOperation = mode;
    for (const d of placed) {
      if (strokes) {
        ctx.globalAlpha = pen.opacity;
        drawPen(ctx, d.pixels, d.cx, d.cy, d.height, d.degrees, strokes * d.height, pen.rgb);
      } else {
        Bench.drawFrame(ctx, Bench.inkSprite(d.pixels, pen.rgb, pen.opacity), d.cx, d.cy, d.height, d.degrees);
      }
    }
    ctx.restore();
  };
})();
