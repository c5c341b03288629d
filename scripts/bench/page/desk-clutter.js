// Clutter on the desk around the note, as real photos have it: a pen, a paper clip, a coffee
// ring, the edge of another sheet. Sized in millimetres (`mm`: pixels per millimetre), so a pen is
// about twice as long as a sticky note is wide, and kept clear of the note.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const { css } = Bench;

  /** Signed distance from (x, y) to convex polygon `quad` ({x, y} corners): negative inside. */
  function polygonDistance(quad, x, y) {
    let inside = true;
    let best = Infinity;
    let sign = 0;
    for (let i = 0; i < quad.length; i++) {
      const a = quad[i];
      const b = quad[(i + 1) % quad.length];
      const ex = b.x - a.x;
      const ey = b.y - a.y;
      const t = Math.max(0, Math.min(1, ((x - a.x) * ex + (y - a.y) * ey) / (ex * ex + ey * ey)));
      best = Math.min(best, Math.hypot(x - a.x - t * ex, y - a.y - t * ey));
      const cross = ex * (y - a.y) - ey * (x - a.x);
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign && cross !== 0) inside = false;
    }
    return inside ? -best : best;
  }
  Bench.polygonDistance = polygonDistance;

  /** Is every point of `points` at least `clear` pixels outside `quad`? */
  const clearOf = (quad, points, clear) => points.every(([x, y]) => polygonDistance(quad, x, y) > clear);

  /** A pen lying on the desk: a shaded cylinder with a cap and clip at one end, a tip at the other. */
  function pen(ctx, rand, w, h, mm, avoid) {
    const k = mm / 3;
    const length = rand.range(130, 150) * mm;
    const r = rand.range(3.5, 5) * mm;
    for (let attempt = 0; attempt < 30; attempt++) {
      const x = rand.range(0, w);
      const y = rand.range(0, h);
      const angle = rand.range(0, 2 * Math.PI);
      const ux = Math.cos(angle);
      const uy = Math.sin(angle);
      const points = [];
      for (let t = -0.55; t <= 0.55; t += 0.02) points.push([x + ux * t * length, y + uy * t * length]);
      if (!clearOf(avoid, points, r + 14 * k)) continue;
      const body = rand.pick([
        [20, 20, 24],
        [30, 60, 160],
        [180, 30, 30],
        [230, 230, 232],
        [40, 40, 44],
        [240, 190, 40],
      ]);
      ctx.save();
      ctx.translate(x, y);
      ctx.rotate(angle);
      ctx.shadowColor = 'rgba(0,0,0,0.45)';
      ctx.shadowBlur = 6 * k;
      ctx.shadowOffsetX = 3 * k;
      ctx.shadowOffsetY = 4 * k;
      const shading = (rgb) => {
        const g = ctx.createLinearGradient(0, -r, 0, r);
        g.addColorStop(0, css(rgb.map((c) => c * 0.55)));
        g.addColorStop(0.3, css(rgb.map((c) => Math.min(255, c * 1.1 + 50))));
        g.addColorStop(0.55, css(rgb));
        g.addColorStop(1, css(rgb.map((c) => c * 0.45)));
        return g;
      };
      const half = length / 2;
      ctx.fillStyle = shading(body);
      ctx.beginPath();
      ctx.roundRect(-half, -r, length * 0.88, 2 * r, r * 0.6);
      ctx.fill();
      ctx.shadowColor = 'rgba(0,0,0,0)';
      // The tip: a cone narrowing to the point.
      ctx.fillStyle = shading(rand.pick([[150, 150, 155], body]));
      ctx.beginPath();
      ctx.moveTo(half - length * 0.13, -r * 0.85);
      ctx.lineTo(half, -r * 0.15);
      ctx.lineTo(half, r * 0.15);
      ctx.lineTo(half - length * 0.13, r * 0.85);
      ctx.fill();
      // The cap, slightly wider, and its clip.
      const capColour = rand.pick([body, [20, 20, 24], [200, 200, 205]]);
      ctx.fillStyle = shading(capColour);
      ctx.beginPath();
      ctx.roundRect(-half - 2 * k, -r * 1.08, length * 0.3, 2.16 * r, r * 0.5);
      ctx.fill();
      ctx.fillStyle = shading([190, 190, 196]);
      ctx.fillRect(-half + length * 0.03, -r * 1.5, length * 0.22, r * 0.5);
      ctx.restore();
      return true;
    }
    return false;
  }

  /** A paper clip: silver wire in two nested loops. */
  function paperClip(ctx, rand, w, h, mm, avoid) {
    const k = mm / 3;
    const length = rand.range(28, 50) * mm;
    const width = length * 0.3;
    for (let attempt = 0; attempt < 30; attempt++) {
      const x = rand.range(0.05, 0.95) * w;
      const y = rand.range(0.05, 0.95) * h;
      const points = [];
      for (let a = 0; a < 2 * Math.PI; a += 0.4)
        points.push([x + Math.cos(a) * length * 0.6, y + Math.sin(a) * length * 0.6]);
      points.push([x, y]);
      if (!clearOf(avoid, points, 10 * k)) continue;
      ctx.save();
      ctx.translate(x, y);
      ctx.rotate(rand.range(0, 2 * Math.PI));
      const loop = (l, wd, dx) => {
        ctx.beginPath();
        ctx.roundRect(-l / 2 + dx, -wd / 2, l, wd, wd / 2);
        ctx.stroke();
      };
      ctx.lineWidth = 0.9 * mm;
      ctx.shadowColor = 'rgba(0,0,0,0.4)';
      ctx.shadowBlur = 3 * k;
      ctx.shadowOffsetX = 2 * k;
      ctx.shadowOffsetY = 2 * k;
      ctx.strokeStyle = css(
        rand.pick([
          [165, 168, 175],
          [120, 125, 135],
          [40, 90, 180],
        ]),
      );
      loop(length, width, 0);
      loop(length * 0.72, width * 0.62, -length * 0.1);
      ctx.shadowColor = 'rgba(0,0,0,0)';
      ctx.lineWidth = 0.3 * mm;
      ctx.strokeStyle = 'rgba(255,255,255,0.5)';
      loop(length, width, 0);
      ctx.restore();
      return true;
    }
    return false;
  }

  /** The edge of another sheet running off the frame, under the note, with its own soft shadow. */
  function sheetEdge(ctx, rand, w, h, mm) {
    const side = rand.int(0, 3);
    const depth = rand.range(0.08, 0.25);
    const tilt = rand.range(-0.15, 0.15);
    const big = 2 * Math.max(w, h);
    ctx.save();
    ctx.translate(w / 2, h / 2);
    ctx.rotate((side * Math.PI) / 2 + tilt);
    const reach = (side % 2 === 0 ? h : w) / 2;
    ctx.shadowColor = `rgba(0,0,0,${rand.range(0.2, 0.4)})`;
    ctx.shadowBlur = rand.range(1, 3) * mm;
    ctx.shadowOffsetY = -rand.range(0.3, 1.5) * mm;
    ctx.fillStyle = css(
      rand.pick([
        [248, 248, 245],
        [240, 236, 222],
        [236, 240, 246],
      ]),
    );
    ctx.fillRect(-big / 2, reach - depth * 2 * reach, big, big);
    ctx.restore();
  }

  /** A coffee ring: an uneven brown ring, darker at its outer edge, somewhere clear of the note. */
  function coffeeRing(ctx, rand, w, h, mm, avoid) {
    const k = mm / 3;
    const r = rand.range(36, 45) * mm;
    for (let attempt = 0; attempt < 30; attempt++) {
      const x = rand.range(0, w);
      const y = rand.range(0, h);
      const points = [];
      for (let a = 0; a < 2 * Math.PI; a += 0.3) points.push([x + Math.cos(a) * r, y + Math.sin(a) * r]);
      if (!clearOf(avoid, points, 8 * k)) continue;
      const start = rand.range(0, 2 * Math.PI);
      const sweep = rand.range(1.2, 2) * Math.PI;
      ctx.save();
      ctx.globalCompositeOperation = 'multiply';
      for (const [radius, width, alpha] of [
        [r, 2.5 * k, rand.range(0.25, 0.45)],
        [r * 0.96, 6 * k, rand.range(0.08, 0.18)],
      ]) {
        ctx.strokeStyle = css([150, 100, 60], alpha);
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.ellipse(x, y, radius, radius * rand.range(0.93, 1), rand.range(0, Math.PI), start, start + sweep);
        ctx.stroke();
      }
      ctx.restore();
      return true;
    }
    return false;
  }

  /**
   * Clutter lying on the desk at `mm` pixels per millimetre, clear of `avoid` (the note's corners). Under the note: a coffee ring
   * or another sheet (`phase` 'under'); on the desk beside it: a pen or a paper clip ('over').
   * `only` (a list of those names) places just those, each for sure, for a test fixture.
   */
  Bench.deskClutter = function deskClutter(ctx, rand, w, h, mm, avoid, phase, only) {
    const placed = [];
    const chance = (name, p) => (only ? only.includes(name) : rand.next() < p);
    if (phase === 'under') {
      if (chance('coffee ring', 0.15) && coffeeRing(ctx, rand, w, h, mm, avoid)) placed.push('coffee ring');
      if (chance('sheet edge', 0.15)) {
        sheetEdge(ctx, rand, w, h, mm);
        placed.push('sheet edge');
      }
    } else {
      if (chance('pen', 0.25) && pen(ctx, rand, w, h, mm, avoid)) placed.push('pen');
      if (chance('paper clip', 0.15) && paperClip(ctx, rand, w, h, mm, avoid)) placed.push('paper clip');
    }
    return placed;
  };
})();
