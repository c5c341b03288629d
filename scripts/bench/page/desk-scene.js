// Photos of a note lying on a desk (the note-on-desk and number-on-desk kinds, and the scene
// fixtures): a sticky note, an index card or a torn notebook slip — or a phone or tablet showing
// the digits — on one of desk.js's desks, seen at a slight angle, with its shadow and clutter
// around it, through a phone camera: uneven light, auto-exposure, white balance, blur, noise.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const { canvas, context, css } = Bench;
  const { homography, warp, placeSurface, areaOf, drawNote, drawDevice, paperGrain } = Bench.deskPaper;

  const PENS = [
    { name: 'black', rgb: [20, 20, 20], opacity: 1, weight: 0.3 },
    { name: 'blue ballpoint', rgb: [27, 47, 143], opacity: 1, weight: 0.3 },
    { name: 'navy gel', rgb: [10, 31, 92], opacity: 1, weight: 0.15 },
    { name: 'pencil', rgb: [100, 100, 104], opacity: 0.85, weight: 0.15 },
    { name: 'red', rgb: [179, 38, 30], opacity: 1, weight: 0.1 },
  ];
  const NOTE_COLOURS = {
    white: [250, 250, 247],
    cream: [243, 234, 210],
    'yellow sticky': [252, 238, 135],
    'pink sticky': [250, 192, 212],
    'light blue': [198, 226, 245],
    'light green': [206, 238, 192],
  };
  /** Note kinds: their aspect ratios (long side over short) and colours. */
  const NOTES = {
    sticky: { aspects: [1, 1, 1, 5 / 3], colours: ['yellow sticky', 'pink sticky', 'light blue', 'light green'] },
    'index card': { aspects: [5 / 3, 1.5], colours: ['white', 'white', 'cream', 'light blue', 'pink sticky'] },
    'notebook slip': { aspects: [1.2, 1.6, 2, 2.4], colours: ['white', 'white', 'cream'] },
  };
  /** A surface's short side in millimetres: the photo's scale (pixels per mm) follows from it. */
  const shortSide = (type, aspect, rand) =>
    ({ sticky: 76, 'index card': Math.max(aspect, 1 / aspect) === 1.5 ? 102 : 76, phone: 72, tablet: 175 })[type] ??
    rand.range(60, 110);
  const SCREEN_DESKS = ['light oak', 'grey laminate', 'white table', 'blue fabric'];
  /** The eight scenes the kinds cycle through (n % 8): the seven desks, then the dark screen. */
  Bench.SCENE_DESKS = [...Bench.DESK_NAMES, 'dark screen'];

  function weighted(rand, list) {
    let r = rand.next() * list.reduce((s, x) => s + x.weight, 0);
    for (const x of list) if ((r -= x.weight) < 0) return x;
    return list[list.length - 1];
  }

  /** Photo sizes of phone cameras: 800–1600 px wide at 4:3, 3:4, 16:9 or 1:1. */
  Bench.deskPhotoSize = (rand) => {
    const width = rand.int(800, 1600);
    return [width, Math.round(width * rand.pick([3 / 4, 4 / 3, 9 / 16, 1]))];
  };

  /** `local` warped onto `corners` and laid on `ctx` with a soft drop shadow `lift` mm high. */
  function lay(ctx, local, corners, fw, fh, grain, lift, darkness, rand) {
    const warped = warp(local, corners, fw, fh, grain);
    const angle = rand.range(0, 2 * Math.PI);
    ctx.save();
    ctx.shadowColor = `rgba(0,0,0,${darkness.toFixed(3)})`;
    ctx.shadowBlur = lift * rand.range(1.5, 3);
    ctx.shadowOffsetX = Math.cos(angle) * lift;
    ctx.shadowOffsetY = Math.sin(angle) * lift;
    ctx.drawImage(warped.canvas, warped.x, warped.y);
    ctx.restore();
  }

  /** A scene's truth: each digit's centre and height in the photo (its local extent mapped). */
  function mapDigits(placed, corners, w, h) {
    const map = homography(corners).forward;
    const at = (x, y) => map(x / w, y / h);
    return placed.map((d) => {
      const centre = at(d.cx, d.cy);
      const top = at(d.cx, d.cy - d.height / 2);
      const bottom = at(d.cx, d.cy + d.height / 2);
      return { cx: centre.x, cy: centre.y, height: Math.hypot(bottom.x - top.x, bottom.y - top.y), label: d.label };
    });
  }

  /**
   * Phone camera over the whole frame: sometimes blur (`options.blur` px), uneven light and a
   * vignette, sometimes a cast shadow (`options.shadow`), auto-exposure, white balance
   * (`options.tint`: neutral, warm, cool), sensor noise (`options.noise`, 2–4%).
   */
  Bench.deskCamera = function deskCamera(ctx, w, h, rand, options) {
    const o = options || {};
    const blur = o.blur ?? (rand.next() < 0.3 ? rand.range(0.6, 1.5) : 0);
    if (blur > 0) {
      const copy = canvas(w, h);
      context(copy).drawImage(ctx.canvas, 0, 0);
      ctx.filter = `blur(${blur.toFixed(2)}px)`;
      ctx.drawImage(copy, 0, 0);
      ctx.filter = 'none';
    }
    const shadow = o.shadow ?? (rand.next() < 0.15 ? rand.range(0.15, 0.35) : 0);
    Bench.light(ctx, w, h, rand, { gradient: rand.range(0.05, 0.4), vignette: rand.range(0.05, 0.3), shadow });
    // Auto-exposure pulls the frame's mean towards mid-grey: a dark desk blows the paper out, a
    // white table leaves it greyish.
    const probe = canvas(32, 32);
    const p = context(probe);
    p.drawImage(ctx.canvas, 0, 0, 32, 32);
    const data = p.getImageData(0, 0, 32, 32).data;
    let mean = 0;
    for (let i = 0; i < data.length; i += 4) mean += (0.3 * data[i] + 0.59 * data[i + 1] + 0.11 * data[i + 2]) / 1024;
    const gain = Math.min(1.4, Math.max(0.85, Math.pow(150 / Math.max(1, mean), 0.3) * rand.range(0.95, 1.08)));
    ctx.save();
    if (gain > 1) {
      ctx.globalCompositeOperation = 'lighter';
      ctx.globalAlpha = gain - 1;
      const copy = canvas(w, h);
      context(copy).drawImage(ctx.canvas, 0, 0);
      ctx.drawImage(copy, 0, 0);
    } else {
      ctx.globalCompositeOperation = 'multiply';
      ctx.fillStyle = css([255, 255, 255].map((v) => Math.round(v * gain)));
      ctx.fillRect(0, 0, w, h);
    }
    const tint = o.tint ?? rand.pick(['neutral', 'warm', 'warm', 'cool']);
    if (tint !== 'neutral') {
      ctx.globalCompositeOperation = 'multiply';
      ctx.globalAlpha = 1;
      ctx.fillStyle =
        tint === 'warm'
          ? css([255, rand.range(236, 248), rand.range(205, 230)].map(Math.round))
          : css([rand.range(225, 240), rand.range(236, 246), 255].map(Math.round));
      ctx.fillRect(0, 0, w, h);
    }
    ctx.restore();
    Bench.noise(ctx, w, h, o.noise ?? rand.range(0.02, 0.04), rand);
    return { blur, shadow, gain, tint };
  };

  const shareGroup = (s) => (s < 0.4 ? 'note <40% of frame' : s < 0.6 ? 'note 40–60%' : 'note ≥60%');
  const rotationGroup = (deg) => (Math.abs(deg) < 8 ? 'rotation <8°' : 'rotation 8–15°');

  /**
   * A photo of a note on a desk. `options`: desk (a Bench.SCENE_DESKS name), digits ([{pixels,
   * label}]: none for a blank note, one, or a number), size [w, h], note ({type, colour, ruled,
   * share, degrees, pen, strokes, fold, curl} to force any of them), clutter (false: none; a list of
   * names: just those, see deskClutter), camera
   * (see deskCamera). Returns the canvas, where the digits and the note's corners (the screen's,
   * for a device) are in its pixels, and the scene's groups.
   */
  Bench.deskScene = function deskScene(rand, options) {
    const o = options || {};
    const digits = o.digits || [];
    const desk = o.desk || rand.pick(Bench.SCENE_DESKS);
    const [fw, fh] = o.size || Bench.deskPhotoSize(rand);
    const screen = desk === 'dark screen';
    const n = o.note || {};
    const strokes = n.strokes ?? (rand.next() < 0.35 ? rand.range(0.025, 0.08) : 0);
    const type = n.type || (screen ? (rand.next() < 0.7 ? 'phone' : 'tablet') : rand.pick(Object.keys(NOTES)));
    let aspect = screen
      ? type === 'phone'
        ? rand.range(0.46, 0.52)
        : rand.pick([0.75, 0.7])
      : rand.pick(NOTES[type].aspects);
    const colourName = screen ? null : n.colour || rand.pick(NOTES[type].colours);
    // Most photos are framed the way the note lies; a number wants the note's long side across.
    const landscapeFrame = fw >= fh;
    const across = digits.length > 1 || rand.next() < 0.7 ? landscapeFrame : !landscapeFrame;
    if (aspect !== 1 && aspect > 1 !== across) aspect = 1 / aspect;
    const place = placeSurface(rand, fw, fh, aspect, n.share ?? rand.range(0.3, 0.8), n.degrees ?? rand.range(-15, 15));
    const degrees = place.degrees;
    const mm = Math.min(place.w, place.h) / shortSide(type, aspect, rand);
    const surface = screen ? o.under || rand.pick(SCREEN_DESKS) : desk;
    const frame = Bench.DESKS[surface](rand, fw, fh, mm);
    const ctx = context(frame);
    const avoid = place.corners;
    const only = Array.isArray(o.clutter) ? o.clutter : undefined;
    const clutter = o.clutter === false ? [] : Bench.deskClutter(ctx, rand, fw, fh, mm, avoid, 'under', only);
    let drawn;
    let corners = place.corners;
    if (screen) {
      drawn = drawDevice(rand, place.w, place.h, type === 'tablet', digits, strokes);
      const map = homography(place.corners).forward;
      const s = drawn.screen;
      corners = [
        [s.x, s.y],
        [s.x + s.w, s.y],
        [s.x + s.w, s.y + s.h],
        [s.x, s.y + s.h],
      ].map(([x, y]) => map(x / place.w, y / place.h));
      lay(ctx, drawn.canvas, place.corners, fw, fh, null, rand.range(1.5, 4) * mm, rand.range(0.35, 0.6), rand);
    } else {
      const ruled = n.ruled ?? (type === 'sticky' ? false : rand.next() < (type === 'index card' ? 0.35 : 0.6));
      const pen = n.pen ? PENS.find((p) => p.name === n.pen) : weighted(rand, PENS);
      const note = { ...n, type, colour: NOTE_COLOURS[colourName], ruled };
      drawn = drawNote(rand, place.w, place.h, mm, note, digits, pen, strokes);
      drawn.ruled = ruled;
      drawn.pen = pen.name;
      const grain = paperGrain(rand, rand.range(0.02, 0.05), mm);
      lay(ctx, drawn.canvas, place.corners, fw, fh, grain, rand.range(0.3, 2) * mm, rand.range(0.15, 0.5), rand);
    }
    if (o.clutter !== false) clutter.push(...Bench.deskClutter(ctx, rand, fw, fh, mm, avoid, 'over', only));
    const shot = Bench.deskCamera(ctx, fw, fh, rand, o.camera);
    const placed = mapDigits(drawn.placed, place.corners, place.w, place.h);
    const share = areaOf(corners) / (fw * fh);
    const groups = [
      `desk: ${desk}`,
      shareGroup(share),
      rotationGroup(degrees),
      `note: ${type}${drawn.ruled ? ', ruled' : ''}`,
      clutter.length ? 'clutter on the desk' : 'clear desk',
      shot.blur > 0 ? 'camera: blurred' : 'camera: sharp',
    ];
    if (digits.length) groups.push(strokes ? 'ink: pen line' : 'ink: MNIST strokes');
    return {
      canvas: frame,
      width: fw,
      height: fh,
      desk,
      surface,
      type,
      colour: colourName,
      corners,
      share,
      degrees,
      mm,
      digits: placed,
      truth: placed.length === 1 ? { cx: placed[0].cx, cy: placed[0].cy, height: placed[0].height } : null,
      text: digits.map((d) => d.label).join(''),
      polarity: screen ? 'light-on-dark' : 'dark-on-light',
      groups,
      details: { pen: drawn.pen || null, strokes, fold: !!drawn.fold, curl: !!drawn.curl, clutter, ...shot },
    };
  };

  /**
   * A blank page filling the whole frame, no desk in sight, slightly turned and foreshortened:
   * squared paper (`options.grid`) or plain paper, under a soft cast shadow when `options.shadow`.
   * What a photo of an empty page looks like; the library must find no digit in it.
   */
  Bench.pageScene = function pageScene(rand, options) {
    const o = options || {};
    const [fw, fh] = o.size || Bench.deskPhotoSize(rand);
    const mm = Math.min(fw, fh) / rand.range(110, 160);
    const [W, H] = [Math.round(fw * 1.3), Math.round(fh * 1.3)];
    const r = (rand.range(-4, 4) * Math.PI) / 180;
    const corners = [
      [-W / 2, -H / 2],
      [W / 2, -H / 2],
      [W / 2, H / 2],
      [-W / 2, H / 2],
    ].map(([x, y]) => ({
      x: fw / 2 + x * Math.cos(r) - y * Math.sin(r) + rand.range(-0.02, 0.02) * W,
      y: fh / 2 + x * Math.sin(r) + y * Math.cos(r) + rand.range(-0.02, 0.02) * H,
    }));
    const frame = canvas(fw, fh);
    const ctx = context(frame);
    const colour = rand.pick([NOTE_COLOURS.white, [246, 246, 240], [240, 242, 246]]);
    const note = { type: 'page', colour, grid: !!o.grid, ruled: false, fold: false, curl: false };
    const drawn = drawNote(rand, W, H, mm, note, [], PENS[0], 0);
    ctx.drawImage(warp(drawn.canvas, corners, fw, fh, paperGrain(rand, 0.03, mm)).canvas, 0, 0);
    const shadow = o.shadow ? rand.range(0.2, 0.4) : 0;
    const shot = Bench.deskCamera(ctx, fw, fh, rand, { shadow, ...o.camera });
    return {
      canvas: frame,
      width: fw,
      height: fh,
      desk: o.grid ? 'squared paper' : 'plain page',
      corners: null,
      digits: [],
      truth: null,
      text: '',
      groups: [o.grid ? 'page: squared' : 'page: plain', shadow ? 'cast shadow' : 'no cast shadow'],
      details: shot,
    };
  };

  /** A scene as a kind's input: a JPEG Blob (quality 0.75–0.92) or the canvas itself. */
  Bench.deskInput = async function deskInput(scene, rand, jpeg) {
    const quality = rand.range(0.75, 0.92);
    const input = jpeg ? await Bench.encode(scene.canvas, 'image/jpeg', quality) : scene.canvas;
    return {
      input,
      group: [...scene.groups, jpeg ? 'file: JPEG' : 'file: canvas'].join('|'),
      truth: scene.truth,
      polarity: scene.polarity,
      corners: scene.corners,
      digits: scene.digits,
      text: scene.text,
    };
  };
})();
