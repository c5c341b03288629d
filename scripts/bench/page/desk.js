// The desks of the note-on-desk kinds: seven surfaces a note gets photographed on. Each is drawn
// from a seeded `rand`, so a scene is the same on every run, at the photo's scale `mm` (pixels per
// millimetre, from the note's size): a close-up shows coarse grain and big grid squares. Textures
// are computed per pixel, at half resolution where a phone camera would not resolve finer detail
// anyway, so a 1200×900 desk costs well under 50 ms.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const { canvas, context, css } = Bench;

  /** Smooth value noise on a wrapping 256×256 random lattice: noise(x, y) in 0–1. */
  function valueNoise(rand) {
    const v = new Float32Array(65536);
    for (let i = 0; i < v.length; i++) v[i] = rand.next();
    return function noise(x, y) {
      const xf = Math.floor(x);
      const yf = Math.floor(y);
      let fx = x - xf;
      let fy = y - yf;
      fx = fx * fx * (3 - 2 * fx);
      fy = fy * fy * (3 - 2 * fy);
      const x0 = xf & 255;
      const x1 = (x0 + 1) & 255;
      const y0 = (yf & 255) << 8;
      const y1 = ((yf + 1) & 255) << 8;
      const a = v[y0 + x0] + (v[y0 + x1] - v[y0 + x0]) * fx;
      const b = v[y1 + x0] + (v[y1 + x1] - v[y1 + x0]) * fx;
      return a + (b - a) * fy;
    };
  }
  Bench.valueNoise = valueNoise;

  /** A repeatable 0–1 value per integer, for per-plank or per-thread variation. */
  function hashOf(seed) {
    return (k) => {
      let x = Math.imul(k ^ seed, 2654435761);
      x ^= x >>> 15;
      x = Math.imul(x, 2246822519);
      x ^= x >>> 13;
      return (x >>> 0) / 4294967296;
    };
  }

  const jitter = (rgb, rand, amount) => {
    const shift = rand.range(-amount, amount);
    return rgb.map((c) => c + shift + rand.range(-amount / 3, amount / 3));
  };

  /**
   * Frame pixel → desk plane: a random grain direction and a mild tilt, so texture gets finer
   * towards the far side of the desk as it does in a photo taken at an angle.
   */
  function deskPlane(rand, w, h) {
    const angle = rand.range(0, Math.PI);
    const tiltX = rand.range(-0.3, 0.3);
    const tiltY = rand.range(-0.3, 0.3);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return (x, y, out) => {
      const q = 1 + tiltX * (x / w - 0.5) + tiltY * (y / h - 0.5);
      const X = (x - w / 2) / q;
      const Y = (y - h / 2) / q;
      out[0] = X * c + Y * s;
      out[1] = -X * s + Y * c;
    };
  }

  /** A `w`×`h` canvas whose pixels `shade(u, v, rgb, x, y)` computes at `scale` of its resolution. */
  function paint(w, h, scale, plane, shade) {
    const lw = Math.ceil(w * scale);
    const lh = Math.ceil(h * scale);
    const small = canvas(lw, lh);
    const sctx = context(small);
    const image = sctx.createImageData(lw, lh);
    const d = image.data;
    const uv = [0, 0];
    const rgb = [0, 0, 0];
    for (let y = 0, i = 0; y < lh; y++) {
      for (let x = 0; x < lw; x++, i += 4) {
        const fx = (x + 0.5) / scale;
        const fy = (y + 0.5) / scale;
        plane(fx, fy, uv);
        shade(uv[0], uv[1], rgb, fx, fy);
        d[i] = rgb[0];
        d[i + 1] = rgb[1];
        d[i + 2] = rgb[2];
        d[i + 3] = 255;
      }
    }
    sctx.putImageData(image, 0, 0);
    if (scale === 1) return small;
    const out = canvas(w, h);
    const ctx = context(out);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small, 0, 0, w, h);
    return out;
  }

  /**
   * Multiplies `c` by `factor(x, y)` (0–1), a shading so smooth that it is computed on an eighth
   * of the pixels and scaled up.
   */
  function shadeLayer(c, factor) {
    const [w, h] = [c.width, c.height];
    const [lw, lh] = [Math.ceil(w / 8) + 1, Math.ceil(h / 8) + 1];
    const small = canvas(lw, lh);
    const sctx = context(small);
    const image = sctx.createImageData(lw, lh);
    for (let y = 0, i = 0; y < lh; y++) {
      for (let x = 0; x < lw; x++, i += 4) {
        const g = 255 * factor(x * 8, y * 8);
        image.data[i] = image.data[i + 1] = image.data[i + 2] = g;
        image.data[i + 3] = 255;
      }
    }
    sctx.putImageData(image, 0, 0);
    const ctx = context(c);
    ctx.save();
    ctx.globalCompositeOperation = 'multiply';
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(small, 0, 0, lw * 8, lh * 8);
    ctx.restore();
  }

  /**
   * Wood: growth rings as wandering stripes of uneven width and darkness, fibres and streaks
   * stretched along the grain, sometimes planks with seams and knots the rings bend around. Darker parts get more
   * saturated, as stained wood does.
   */
  function wood(rand, w, h, mm, p) {
    const noise = valueNoise(rand);
    const hash = hashOf(rand.int(0, 1e9));
    const plane = deskPlane(rand, w, h);
    const k = mm / 3;
    const base = jitter(rand.pick(p.tones), rand, 10);
    const spacing = rand.range(p.spacing[0], p.spacing[1]) * k;
    const plank = rand.next() < p.planks ? rand.range(160, 360) * k : 0;
    const plankOffset = rand.range(0, 400);
    const knots = [];
    const knotCount = rand.next() < p.knots ? rand.int(1, 2) : 0;
    for (let i = 0; i < knotCount; i++) {
      const r = rand.range(8, 22) * k;
      knots.push({ u: rand.range(-0.4, 0.4) * w, v: rand.range(-0.4, 0.4) * h, r, push: rand.range(1.5, 3) });
    }
    const contrast = rand.range(p.contrast[0], p.contrast[1]);
    // Per-pixel work kept lean (a desk must cost well under 50 ms): scales inverted once, powers
    // from a table.
    const [d1u, d1v, d2u, d2v, d3u, d3v] = [900 * k, 700 * k, 250 * k, 900 * k, 1500 * k, 3 * spacing].map(
      (d) => 1 / d,
    );
    const [fu, fv, su, sv, pu, pv] = [60 * k, 1.3 * k, 400 * k, 6 * k, 22 * k, 0.9 * k].map((d) => 1 / d);
    const green = new Float32Array(2048);
    const blue = new Float32Array(2048);
    for (let i = 0; i < 2048; i++) [green[i], blue[i]] = [Math.pow(i / 1024, 1.12), Math.pow(i / 1024, 1.3)];
    const c = paint(w, h, 0.5, plane, (u, v, rgb) => {
      let shade = 1.06;
      let phase = 0;
      if (plank) {
        const t = (v + plankOffset) / plank;
        const index = Math.floor(t);
        shade *= 1 + (hash(index) - 0.5) * 0.18;
        phase = hash(index + 7) * 10;
        u += hash(index + 3) * 5000;
        if ((t - index) * plank < 1.5 * k) shade *= 0.55;
      }
      let vv = v;
      let knot = 1;
      for (const n of knots) {
        const du = u - n.u;
        const dv = v - n.v;
        if (Math.abs(du) > 12 * n.r || Math.abs(dv) > 9 * n.r) continue;
        const e = Math.exp(-(du * du) / (16 * n.r * n.r) - (dv * dv) / (9 * n.r * n.r));
        vv += n.push * n.r * (dv >= 0 ? 1 : -1) * e;
        const d = Math.hypot(du / 1.5, dv) / n.r;
        if (d < 1.3) knot *= 1 - (0.45 + 0.15 * Math.cos(d * 14)) * Math.min(1, (1.3 - d) * 3);
      }
      // Drifts too gentle across the grain to fold a ring back on itself: the stripes wander and
      // vary in width but stay stripes, never the closed contours of marble.
      const drift =
        (noise(u * d1u, v * d1v) - 0.5) * 5 +
        (noise(u * d2u + 70, v * d2v) - 0.5) * 2.5 +
        (noise(u * d3u + 20, v * d3v) - 0.5) * 0.5;
      const rings = vv / spacing + drift + phase;
      const ring = Math.floor(rings);
      // Within a ring the wood darkens slowly, then the next ring starts light; some rings are
      // much darker than others.
      const t = rings - ring;
      const t2 = t * t;
      const late =
        (p.sharp === 4 ? t2 * t2 : t2 * t) * (t > 0.92 ? (1 - t) / 0.08 : 1) * (0.4 + 1.2 * hash(ring + 1000));
      const fibre = noise(u * fu + 500, v * fv) - 0.5;
      const streak = noise(u * su + 300, v * sv) - 0.5;
      shade *= knot * (1 - contrast * late + p.fibre * fibre + 0.1 * streak);
      if (p.pores) {
        const pore = noise(u * pu + 900, v * pv);
        if (pore > 0.74) shade *= 1 - (pore - 0.74) * p.pores;
      }
      const i = Math.max(0, Math.min(2047, (shade * 1024) | 0));
      rgb[0] = base[0] * shade;
      rgb[1] = base[1] * green[i];
      rgb[2] = base[2] * blue[i];
    });
    // Broad blotches of lighter and darker wood.
    shadeLayer(c, (x, y) => (1 + 0.12 * (noise(x / (320 * k) + 100, y / (320 * k) + 100) - 0.5)) / 1.06);
    return c;
  }

  function laminate(rand, w, h, mm) {
    const noise = valueNoise(rand);
    const k = mm / 3;
    const level = rand.range(118, 160);
    const base = jitter([level, level, level], rand, 5);
    return paint(w, h, 0.5, deskPlane(rand, w, h), (u, v, rgb) => {
      const mottle = noise(u / (110 * k), v / (110 * k)) - 0.5;
      const fine = noise(u / (2.2 * k) + 300, v / (2.2 * k)) - 0.5;
      const r = rand.next();
      const speck = r > 0.955 ? (rand.next() - 0.45) * 70 : 0;
      const shade = 1 + 0.07 * mottle + 0.1 * fine;
      rgb[0] = base[0] * shade + speck;
      rgb[1] = base[1] * shade + speck;
      rgb[2] = base[2] * shade + speck;
    });
  }

  /** A self-healing cutting mat: green, a light printed centimetre grid, ruler numbers. */
  function cuttingMat(rand, w, h, mm) {
    const noise = valueNoise(rand);
    const k = mm / 3;
    const base = jitter(
      rand.pick([
        [38, 112, 82],
        [30, 96, 70],
        [46, 122, 74],
      ]),
      rand,
      8,
    );
    const c = paint(w, h, 0.5, deskPlane(rand, w, h), (u, v, rgb) => {
      const shade =
        1 + 0.06 * (noise(u / (150 * k), v / (150 * k)) - 0.5) + 0.08 * (noise(u / (2 * k), v / (2 * k)) - 0.5);
      rgb[0] = base[0] * shade;
      rgb[1] = base[1] * shade;
      rgb[2] = base[2] * shade;
    });
    const ctx = context(c);
    // A centimetre grid, or half an inch on imperial mats.
    const cell = rand.pick([10, 10, 12.7]) * mm;
    const ink = rand.pick([
      [200, 232, 205],
      [232, 236, 205],
      [240, 240, 240],
    ]);
    const span = Math.hypot(w, h);
    ctx.save();
    ctx.translate(w / 2 + rand.range(-cell, cell), h / 2 + rand.range(-cell, cell));
    ctx.rotate(rand.range(-Math.PI, Math.PI));
    ctx.transform(1, rand.range(-0.05, 0.05), rand.range(-0.05, 0.05), 1, 0, 0);
    ctx.strokeStyle = css(ink, rand.range(0.55, 0.8));
    const count = Math.ceil(span / cell);
    for (let i = -count; i <= count; i++) {
      ctx.lineWidth = (i % 5 === 0 ? 2 : 0.9) * k;
      ctx.beginPath();
      ctx.moveTo(i * cell, -span);
      ctx.lineTo(i * cell, span);
      ctx.moveTo(-span, i * cell);
      ctx.lineTo(span, i * cell);
      ctx.stroke();
    }
    if (rand.next() < 0.6) {
      // The 45° guides printed through the major lines.
      ctx.lineWidth = 0.9 * k;
      for (let i = -count; i <= count; i += 10) {
        ctx.beginPath();
        ctx.moveTo(i * cell - span, -span);
        ctx.lineTo(i * cell + span, span);
        ctx.moveTo(i * cell + span, -span);
        ctx.lineTo(i * cell - span, span);
        ctx.stroke();
      }
    }
    // Ruler numbers along one printed row, the way mats number their centimetres.
    const row = Math.round(rand.range(-0.45, 0.45) * (Math.min(w, h) / cell));
    ctx.fillStyle = css(ink, 0.8);
    ctx.font = `${Math.round(cell * 0.42)}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = -count; i < count; i++) ctx.fillText(String(i + count + 1), (i + 0.5) * cell, (row + 0.5) * cell);
    ctx.restore();
    return c;
  }

  /** A black desk: near-black with a soft sheen from a window or lamp, and a little dust. */
  function blackDesk(rand, w, h, mm) {
    const noise = valueNoise(rand);
    const k = mm / 3;
    const level = rand.range(14, 30);
    const c = paint(w, h, 0.5, deskPlane(rand, w, h), (u, v, rgb) => {
      const shade =
        1 + 0.12 * (noise(u / (90 * k), v / (90 * k)) - 0.5) + 0.1 * (noise(u / (3 * k), v / (3 * k)) - 0.5);
      rgb[0] = level * shade;
      rgb[1] = level * shade;
      rgb[2] = (level + 2) * shade;
    });
    const ctx = context(c);
    ctx.save();
    ctx.globalCompositeOperation = 'screen';
    const x = rand.range(0, w);
    const y = rand.range(0, h);
    ctx.translate(x, y);
    ctx.rotate(rand.range(0, Math.PI));
    ctx.scale(1, rand.range(0.3, 1));
    const r = rand.range(0.4, 0.9) * Math.max(w, h);
    const g = ctx.createRadialGradient(0, 0, 0, 0, 0, r);
    g.addColorStop(0, css([255, 255, 255], rand.range(0.08, 0.22)));
    g.addColorStop(1, css([255, 255, 255], 0));
    ctx.fillStyle = g;
    ctx.fillRect(-r, -r, 2 * r, 2 * r);
    ctx.restore();
    for (let i = rand.int(10, 50); i > 0; i--) {
      ctx.fillStyle = css([200, 200, 200], rand.range(0.08, 0.3));
      ctx.beginPath();
      ctx.arc(rand.range(0, w), rand.range(0, h), rand.range(0.4, 1.4) * k, 0, 2 * Math.PI);
      ctx.fill();
    }
    return c;
  }

  /**
   * Denim: a 3/1 twill of indigo warp threads over white weft (the diagonal ribs), each thread a
   * little different, and the soft folds of cloth lying on a desk.
   */
  function fabric(rand, w, h, mm) {
    const noise = valueNoise(rand);
    const hash = hashOf(rand.int(0, 1e9));
    const k = mm / 3;
    // Denim has about 30 threads a centimetre; below 2 px a thread would only alias.
    const period = Math.max(2, rand.range(0.28, 0.4) * mm);
    const indigo = jitter(
      rand.pick([
        [48, 72, 122],
        [62, 92, 140],
        [36, 52, 92],
      ]),
      rand,
      8,
    );
    const weft = [196, 200, 210];
    const slubV = 1 / (25 * k);
    // Each warp thread a little lighter or darker, changing every few millimetres along it.
    const slubs = Float32Array.from({ length: 4096 }, () => 0.86 + 0.28 * rand.next());
    const c = paint(w, h, 1, deskPlane(rand, w, h), (u, v, rgb) => {
      const a = u / period;
      const b = v / period;
      const iu = Math.floor(a);
      const iv = Math.floor(b);
      const over = ((iu - iv) & 3) === 0;
      const f = over ? b - iv : a - iu;
      const round = 0.72 + 1.12 * f * (1 - f);
      const slub = slubs[(iu * 31 + Math.floor(v * slubV) * 7) & 4095];
      // The white weft shows through unevenly: a heathered look, not stripes.
      const mix = over ? 0.12 + 0.3 * hash(iv * 7919 + iu) : 0;
      const speck = 1.11 * (1 + 0.16 * (rand.next() - 0.5));
      for (let i = 0; i < 3; i++) rgb[i] = ((1 - mix) * indigo[i] * slub + mix * weft[i]) * round * speck;
    });
    // The folds of cloth: soft and broad, so computed coarsely and multiplied in.
    shadeLayer(
      c,
      (x, y) =>
        (1 +
          0.22 * (noise(x / (260 * k), y / (140 * k)) - 0.5) -
          0.12 * Math.abs(noise(x / (90 * k) + 40, y / (300 * k)) - 0.5)) /
        1.11,
    );
    return c;
  }

  /** A white table: nearly the paper's own colour, only a faint mottle and a broad gradient. */
  function whiteTable(rand, w, h, mm) {
    const noise = valueNoise(rand);
    const k = mm / 3;
    const level = rand.range(226, 246);
    const tint = rand.pick([
      [1, 0.99, 0.96],
      [0.98, 0.99, 1],
      [1, 1, 1],
    ]);
    const gx = rand.range(-0.06, 0.06);
    const gy = rand.range(-0.06, 0.06);
    return paint(w, h, 0.5, deskPlane(rand, w, h), (u, v, rgb, x, y) => {
      const shade =
        1 + 0.03 * (noise(u / (200 * k), v / (200 * k)) - 0.5) + 0.02 * (noise(u / (2.5 * k), v / (2.5 * k)) - 0.5);
      const slope = 1 + gx * (x / w - 0.5) + gy * (y / h - 0.5);
      for (let c = 0; c < 3; c++) rgb[c] = level * tint[c] * shade * slope;
    });
  }

  Bench.DESKS = {
    'dark wood': (rand, w, h, mm) =>
      wood(rand, w, h, mm, {
        tones: [
          [96, 62, 40],
          [72, 46, 32],
          [112, 58, 38],
        ],
        spacing: [14, 40],
        planks: 0.5,
        knots: 0.35,
        contrast: [0.3, 0.45],
        sharp: 4,
        fibre: 0.18,
        pores: 0,
      }),
    'light oak': (rand, w, h, mm) =>
      wood(rand, w, h, mm, {
        tones: [
          [212, 176, 128],
          [200, 160, 112],
          [222, 190, 146],
        ],
        spacing: [18, 50],
        planks: 0.4,
        knots: 0.15,
        contrast: [0.1, 0.2],
        sharp: 3,
        fibre: 0.1,
        pores: 0.9,
      }),
    'grey laminate': laminate,
    'green cutting mat': cuttingMat,
    'black desk': blackDesk,
    'blue fabric': fabric,
    'white table': whiteTable,
  };
  /** `Bench.DESKS[name](rand, w, h, mm)` → a canvas: the desk filling a `w`×`h` frame. */
  Bench.DESK_NAMES = Object.keys(Bench.DESKS);
})();
