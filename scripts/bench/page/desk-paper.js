// The surfaces of the desk scenes, drawn face-on and then seen in perspective: a note (sticky
// note, index card, torn notebook slip, squared or plain page) or a phone or tablet with a dark
// screen, mapped onto a quadrilateral by a true homography so the ink foreshortens with the paper.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const { canvas, context, css } = Bench;
  /** A neutral grey `level` (0–1) to multiply by: shading without a colour cast. */
  const grey = (level) => css([0, 0, 0].map(() => Math.round(255 * level)));

  /** The projective map from the unit square onto `quad` (Heckbert), and its inverse. */
  function homography(q) {
    const [p0, p1, p2, p3] = q;
    const sx = p0.x - p1.x + p2.x - p3.x;
    const sy = p0.y - p1.y + p2.y - p3.y;
    const dx1 = p1.x - p2.x;
    const dx2 = p3.x - p2.x;
    const dy1 = p1.y - p2.y;
    const dy2 = p3.y - p2.y;
    const den = dx1 * dy2 - dx2 * dy1;
    const g = (sx * dy2 - dx2 * sy) / den;
    const h = (dx1 * sy - sx * dy1) / den;
    const [a, b, c] = [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x];
    const [d, e, f] = [p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y];
    return {
      forward: (u, v) => {
        const w = g * u + h * v + 1;
        return { x: (a * u + b * v + c) / w, y: (d * u + e * v + f) / w };
      },
      inverse: [
        e - f * h,
        c * h - b,
        b * f - c * e,
        f * g - d,
        a - c * g,
        c * d - a * f,
        d * h - e * g,
        b * g - a * h,
        a * e - b * d,
      ],
    };
  }

  /**
   * `local` (a canvas drawn face-on) seen in perspective: mapped onto `quad` in a `fw`×`fh` frame,
   * sampled bilinearly with its alpha (so edges come out anti-aliased). `grain(u, v)` multiplies
   * each pixel, for paper texture. Returns the warped canvas and where it goes in the frame.
   */
  function warp(local, quad, fw, fh, grain) {
    const W = local.width;
    const H = local.height;
    const src = context(local).getImageData(0, 0, W, H).data;
    const [A, B, C, D, E, F, G, Hh, I] = homography(quad).inverse;
    const xs = quad.map((p) => p.x);
    const ys = quad.map((p) => p.y);
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 1);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 1);
    const bw = Math.min(fw, Math.ceil(Math.max(...xs)) + 1) - x0;
    const bh = Math.min(fh, Math.ceil(Math.max(...ys)) + 1) - y0;
    const out = new ImageData(bw, bh);
    const d = out.data;
    const tap = (tu, tv, wt, acc) => {
      if (tu < 0 || tv < 0 || tu >= W || tv >= H || wt <= 0) return;
      const j = (tv * W + tu) * 4;
      const wa = wt * src[j + 3];
      acc[0] += src[j] * wa;
      acc[1] += src[j + 1] * wa;
      acc[2] += src[j + 2] * wa;
      acc[3] += wa;
    };
    const acc = [0, 0, 0, 0];
    for (let y = 0; y < bh; y++) {
      const Y = y0 + y + 0.5;
      for (let x = 0; x < bw; x++) {
        const X = x0 + x + 0.5;
        const den = G * X + Hh * Y + I;
        const u = ((A * X + B * Y + C) / den) * W - 0.5;
        const v = ((D * X + E * Y + F) / den) * H - 0.5;
        if (u <= -1 || v <= -1 || u >= W || v >= H) continue;
        const iu = Math.floor(u);
        const iv = Math.floor(v);
        const fu = u - iu;
        const fv = v - iv;
        acc[0] = acc[1] = acc[2] = acc[3] = 0;
        tap(iu, iv, (1 - fu) * (1 - fv), acc);
        tap(iu + 1, iv, fu * (1 - fv), acc);
        tap(iu, iv + 1, (1 - fu) * fv, acc);
        tap(iu + 1, iv + 1, fu * fv, acc);
        if (acc[3] <= 0) continue;
        const s = grain ? grain(u, v) / acc[3] : 1 / acc[3];
        const o = (y * bw + x) * 4;
        d[o] = acc[0] * s;
        d[o + 1] = acc[1] * s;
        d[o + 2] = acc[2] * s;
        d[o + 3] = acc[3];
      }
    }
    const c = canvas(bw, bh);
    context(c).putImageData(out, 0, 0);
    return { canvas: c, x: x0, y: y0 };
  }

  /**
   * Where a surface of `aspect` lies: about `share` of the frame, rotated `turn` degrees (less
   * when it would not fit), its corners pulled into a keystone and jittered a few percent (a photo
   * taken at a slight angle), fully inside the frame. Corners: top-left, top-right, bottom-right,
   * bottom-left; `degrees`: the rotation used.
   */
  function placeSurface(rand, fw, fh, aspect, share, turn) {
    const margin = 0.015 * Math.min(fw, fh);
    const fitAt = (deg) => {
      const t = (Math.abs(deg) * Math.PI) / 180;
      const [c, s] = [Math.cos(t), Math.sin(t)];
      return Math.min((fw - 2 * margin) / (c + s / aspect), (fh - 2 * margin) / (s + c / aspect)) / 1.04;
    };
    const want = Math.sqrt(share * fw * fh * aspect);
    // Filling the frame with a note, one either lines it up with the frame (turned less until it
    // fits) or leaves it as it lies and steps back (smaller).
    let degrees = turn;
    if (rand.next() < 0.5) while (Math.abs(degrees) > 1 && fitAt(degrees) < want) degrees *= 0.8;
    const w = Math.min(want, fitAt(degrees));
    const h = w / aspect;
    const t = (Math.abs(degrees) * Math.PI) / 180;
    const bw = w * Math.cos(t) + h * Math.sin(t);
    const bh = w * Math.sin(t) + h * Math.cos(t);
    const cx = rand.range(margin + bw * 0.52, fw - margin - bw * 0.52);
    const cy = rand.range(margin + bh * 0.52, fh - margin - bh * 0.52);
    const r = (degrees * Math.PI) / 180;
    const corners = [
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ].map(([x, y]) => ({ x: cx + x * Math.cos(r) - y * Math.sin(r), y: cy + x * Math.sin(r) + y * Math.cos(r) }));
    // Keystone: the far edge shorter, pulled towards its middle.
    const side = rand.int(0, 3);
    const pull = rand.range(0, 0.07) / 2;
    const [a, b] = [corners[side], corners[(side + 1) % 4]];
    const [ax, ay, bx, by] = [a.x, a.y, b.x, b.y];
    a.x += (bx - ax) * pull;
    a.y += (by - ay) * pull;
    b.x += (ax - bx) * pull;
    b.y += (ay - by) * pull;
    const size = Math.sqrt(w * h);
    for (const p of corners) {
      p.x = Math.min(fw - margin / 2, Math.max(margin / 2, p.x + rand.range(-0.015, 0.015) * size));
      p.y = Math.min(fh - margin / 2, Math.max(margin / 2, p.y + rand.range(-0.015, 0.015) * size));
    }
    return { corners, w: Math.round(w), h: Math.round(h), degrees };
  }

  const areaOf = (q) => Math.abs(q.reduce((s, p, i) => s + p.x * q[(i + 1) % 4].y - q[(i + 1) % 4].x * p.y, 0)) / 2;

  /**
   * A note face-on, `W`×`H` px at `mm` px per millimetre: paper of `note.colour` (rgb), torn
   * along the top for a notebook slip, ruled (`note.ruled`) or squared (`note.grid`); the ink;
   * sometimes a fold and a curled edge.
   */
  function drawNote(rand, W, H, mm, note, digits, pen, strokes) {
    const c = canvas(W, H);
    const ctx = context(c);
    const shape = new Path2D();
    let torn = null;
    if (note.type === 'notebook slip') {
      // Torn along the top: a ragged line, the exposed fibres a little whiter.
      torn = [];
      let y = rand.range(0.5, 2) * mm;
      for (let x = 0; x <= W; x += rand.range(0.5, 2) * mm) {
        y = Math.min(4 * mm, Math.max(0, y + rand.range(-0.6, 0.6) * mm));
        torn.push([x, y]);
      }
      torn.push([W, y]);
      shape.moveTo(0, H);
      for (const [px, py] of torn) shape.lineTo(px, py);
      shape.lineTo(W, H);
      shape.closePath();
    } else {
      shape.roundRect(0, 0, W, H, note.type === 'index card' ? 1.5 * mm : 0);
    }
    ctx.fillStyle = css(note.colour);
    ctx.fill(shape);
    ctx.save();
    ctx.clip(shape);
    const line = Math.max(1, 0.25 * mm);
    if (torn) {
      ctx.strokeStyle = 'rgba(255,255,255,0.6)';
      ctx.lineWidth = 0.5 * mm;
      ctx.beginPath();
      torn.forEach(([px, py], i) => (i ? ctx.lineTo(px, py + 0.2 * mm) : ctx.moveTo(px, py + 0.2 * mm)));
      ctx.stroke();
    }
    if (note.grid) {
      // Squared paper: 5 mm squares in pale blue-grey.
      ctx.lineWidth = line;
      ctx.strokeStyle = css([130, 160, 190], rand.range(0.3, 0.55));
      const step = 5 * mm;
      ctx.beginPath();
      for (let x = rand.range(0, step); x < W; x += step) ctx.rect(x, -1, 0, H + 2);
      for (let y = rand.range(0, step); y < H; y += step) ctx.rect(-1, y, W + 2, 0);
      ctx.stroke();
    }
    if (note.ruled) {
      // Index cards rule every 6.35 mm under a red header line; notebooks every 7–8.7 mm.
      const card = note.type === 'index card';
      const gap = (card ? 6.35 : rand.range(7, 8.7)) * mm;
      const first = card ? rand.range(12, 16) * mm : rand.range(0.2, 1) * gap;
      ctx.lineWidth = line;
      ctx.strokeStyle = css([120, 160, 210], rand.range(0.45, 0.75));
      ctx.beginPath();
      for (let y = first + (card ? gap : 0); y < H; y += gap) ctx.rect(-1, y, W + 2, 0);
      ctx.stroke();
      if (card || rand.next() < 0.5) {
        ctx.strokeStyle = css([220, 90, 100], rand.range(0.5, 0.8));
        ctx.beginPath();
        const x = rand.range(20, 32) * mm;
        if (card) ctx.rect(-1, first, W + 2, 0);
        else ctx.rect(x, -1, 0, H + 2);
        ctx.stroke();
      }
    }
    const placed = digits.length ? Bench.layoutInk(rand, digits, W, H) : [];
    Bench.writeInk(ctx, placed, pen, strokes, 'multiply');
    let fold = false;
    if (note.fold ?? rand.next() < 0.2) {
      // A fold: one half tilted a little away from the light, a crease line between them.
      fold = true;
      ctx.translate(rand.range(0.2, 0.8) * W, rand.range(0.2, 0.8) * H);
      ctx.rotate(rand.range(0, Math.PI));
      const big = 2 * (W + H);
      ctx.globalCompositeOperation = 'multiply';
      ctx.fillStyle = grey(rand.range(0.94, 0.985));
      ctx.fillRect(0, -big, big, 2 * big);
      ctx.globalCompositeOperation = 'source-over';
      ctx.fillStyle = 'rgba(0,0,0,0.1)';
      ctx.fillRect(-line, -big, line, 2 * big);
      ctx.fillStyle = 'rgba(255,255,255,0.3)';
      ctx.fillRect(0, -big, line, 2 * big);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    }
    let curl = false;
    if (note.curl ?? rand.next() < 0.3) {
      // A curled edge (a sticky note's free end lifts): a band darkening towards that edge.
      curl = true;
      const side = note.type === 'sticky' && rand.next() < 0.6 ? 2 : rand.int(0, 3);
      const depth = rand.range(0.04, 0.12) * (side % 2 ? W : H);
      const edge = [
        [0, 0, 0, depth],
        [W, 0, W - depth, 0],
        [0, H, 0, H - depth],
        [0, 0, depth, 0],
      ][side];
      const g = ctx.createLinearGradient(...edge);
      g.addColorStop(0, grey(rand.range(0.72, 0.9)));
      g.addColorStop(1, 'rgb(255,255,255)');
      ctx.globalCompositeOperation = 'multiply';
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, W, H);
    }
    ctx.restore();
    return { canvas: c, placed, fold, curl };
  }

  /** A phone or tablet face-on: black body, dark screen, light digits, maybe a status bar, glare. */
  function drawDevice(rand, W, H, tablet, digits, strokes) {
    const c = canvas(W, H);
    const ctx = context(c);
    const short = Math.min(W, H);
    ctx.fillStyle = css([rand.range(8, 24), rand.range(8, 24), rand.range(10, 26)].map(Math.round));
    ctx.beginPath();
    ctx.roundRect(0, 0, W, H, (tablet ? 0.05 : 0.12) * short);
    ctx.fill();
    ctx.strokeStyle = css([150, 150, 156], rand.range(0.3, 0.7));
    ctx.lineWidth = short / 200;
    ctx.stroke();
    const side = rand.range(tablet ? 0.05 : 0.03, tablet ? 0.08 : 0.05) * short;
    const end = side * rand.range(1, tablet ? 1.2 : 1.8);
    const screen =
      W < H
        ? { x: side, y: end, w: W - 2 * side, h: H - 2 * end }
        : { x: end, y: side, w: W - 2 * end, h: H - 2 * side };
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(screen.x, screen.y, screen.w, screen.h, (tablet ? 0.01 : 0.08) * short);
    ctx.fillStyle = rand.pick(['#000', '#121212', '#1e1e1e']);
    ctx.fill();
    ctx.clip();
    const ink = {
      rgb: rand.pick([
        [255, 255, 255],
        [232, 234, 237],
        [206, 210, 216],
      ]),
      opacity: 1,
    };
    const laid = digits.length ? Bench.layoutInk(rand, digits, screen.w, screen.h) : [];
    const placed = laid.map((d) => ({ ...d, cx: d.cx + screen.x, cy: d.cy + screen.y }));
    Bench.writeInk(ctx, placed, ink, strokes, 'source-over');
    if (rand.next() < 0.35) {
      // The status bar: a small clock and battery, light on dark like the digit.
      const size = 0.035 * Math.min(screen.w, screen.h * 0.6);
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.font = `${Math.round(size)}px sans-serif`;
      ctx.textBaseline = 'middle';
      const y = screen.y + size * 1.2;
      ctx.fillText(`${rand.int(1, 12)}:${String(rand.int(0, 59)).padStart(2, '0')}`, screen.x + size * 1.5, y);
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.lineWidth = Math.max(1, size / 10);
      ctx.strokeRect(screen.x + screen.w - size * 3.5, y - size * 0.35, size * 1.8, size * 0.7);
      ctx.fillRect(screen.x + screen.w - size * 3.3, y - size * 0.2, size * rand.range(0.3, 1.4), size * 0.4);
    }
    // Glare: a faint diagonal band of reflected light across the glass.
    ctx.globalCompositeOperation = 'screen';
    const g = ctx.createLinearGradient(screen.x, screen.y, screen.x + screen.w, screen.y + screen.h);
    const at = rand.range(0.2, 0.7);
    g.addColorStop(0, 'rgba(255,255,255,0)');
    g.addColorStop(at, css([255, 255, 255], rand.range(0.04, 0.13)));
    g.addColorStop(Math.min(1, at + rand.range(0.1, 0.3)), 'rgba(255,255,255,0)');
    g.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = g;
    ctx.fillRect(screen.x, screen.y, screen.w, screen.h);
    ctx.restore();
    return { canvas: c, placed, screen };
  }

  /** Paper texture: fibres and a faint mottle, multiplied into the note as it is warped. */
  function paperGrain(rand, amount, mm) {
    const noise = Bench.valueNoise(rand);
    const [fibre, mottle] = [0.15 * mm, 6 * mm];
    return (u, v) =>
      1 + amount * (noise(u / fibre, v / fibre) - 0.5) + 0.6 * amount * (noise(u / mottle + 40, v / mottle) - 0.5);
  }

  Bench.deskPaper = { homography, warp, placeSurface, areaOf, drawNote, drawDevice, paperGrain };
})();
