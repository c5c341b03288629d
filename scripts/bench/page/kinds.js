// The kinds of benchmark image. Each turns an MNIST *test* digit into an input for classify(),
// deterministically (seeded by kind and index), and names the variant it used (its groups,
// joined with "|") so results can be broken down.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const { canvas, context, css } = Bench;

  const INKS = {
    black: [20, 20, 20],
    'blue ballpoint': [27, 47, 143],
    'navy gel': [10, 31, 92],
    red: [179, 38, 30],
    green: [29, 107, 53],
    purple: [91, 42, 134],
    pencil: [100, 100, 104],
  };
  const PAPERS = {
    white: [255, 255, 255],
    cream: [243, 234, 210],
    'yellow pad': [251, 241, 169],
    'grey recycled': [217, 214, 207],
    'light blue': [219, 231, 243],
    kraft: [200, 166, 122],
  };
  const SCREENS = { black: [0, 0, 0], '#121212': [18, 18, 18], '#1e1e1e': [30, 30, 30], '#0d1117': [13, 17, 23] };
  const LIGHT_INKS = {
    white: [255, 255, 255],
    '#e8eaed': [232, 234, 237],
    '#c9d1d9': [201, 209, 217],
    'light blue': [138, 180, 248],
  };

  const sizeGroup = (share) => (share < 0.25 ? 'size <25% of sheet' : share < 0.5 ? 'size 25–50%' : 'size ≥50%');
  const rotationGroup = (deg) => (Math.abs(deg) < 10 ? 'rotation <10°' : 'rotation 10–20°');

  /** A sheet `width`×`height` of `paper`, with the digit in `ink` placed on it. */
  function sheet(rand, pixels, width, height, share, degrees, paper, ink, opacity) {
    const c = canvas(width, height);
    const ctx = context(c);
    if (paper) {
      ctx.fillStyle = css(paper);
      ctx.fillRect(0, 0, width, height);
    }
    const digitHeight = share * Math.min(width, height);
    const { cx, cy } = Bench.place(rand, width, height, digitHeight);
    Bench.drawFrame(ctx, Bench.inkSprite(pixels, ink, opacity), cx, cy, digitHeight, degrees);
    const luma = (rgb) => 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
    // On a transparent sheet the library composites onto the opposite of the ink.
    const lightInk = paper ? luma(ink) > luma(paper) : luma(ink) >= 128;
    return {
      canvas: c,
      ctx,
      digit: { cx, cy, height: digitHeight },
      polarity: lightInk ? 'light-on-dark' : 'dark-on-light',
    };
  }

  function photoSize(rand, minWidth, maxWidth) {
    const width = rand.int(minWidth, maxWidth);
    const height = Math.round(width * rand.pick([3 / 4, 2 / 3, 1, 4 / 3]));
    return [width, height];
  }

  /**
   * The sheet of the two lighting kinds: dark ink (black or blue) on white or cream paper,
   * 640–1200 px, digit 25–60%, ±10°, and the strength of the light gradient to apply.
   */
  function unevenlyLit(rand, pixels) {
    const [w, h] = photoSize(rand, 640, 1200);
    const made = sheet(
      rand,
      pixels,
      w,
      h,
      rand.range(0.25, 0.6),
      rand.range(-10, 10),
      rand.pick([PAPERS.white, PAPERS.cream]),
      rand.pick([INKS.black, INKS['blue ballpoint']]),
    );
    return { w, h, made, gradient: rand.range(0.2, 0.6) };
  }

  Bench.kinds = {
    'mnist-canvas': {
      description:
        'Reference: the MNIST digit itself on a 28×28 canvas, white on black (what Node reads as raw pixels).',
      async make({ pixels }) {
        return { input: Bench.mnistCanvas(pixels), group: 'as is', polarity: 'light-on-dark' };
      },
    },
    'paper-geometry': {
      description:
        'Black ink on white paper, canvas input. Sheet 240–1600 px wide (4:3, 3:2, 1:1, 3:4); digit 12–80% of the ' +
        'shorter side, anywhere on the sheet, rotated ±20°.',
      async make({ pixels, rand }) {
        const [w, h] = photoSize(rand, 240, 1600);
        const share = rand.range(0.12, 0.8);
        const degrees = rand.range(-20, 20);
        const made = sheet(rand, pixels, w, h, share, degrees, PAPERS.white, INKS.black);
        const group = `${sizeGroup(share)}|${rotationGroup(degrees)}`;
        return { input: made.canvas, group, truth: made.digit, polarity: made.polarity };
      },
    },
    'ink-colours': {
      description:
        'Seven inks (black, blue ballpoint, navy gel, red, green, purple, pencil at 85% opacity) on six papers (white, ' +
        'cream, yellow pad, grey recycled, light blue, kraft), 2% noise, canvas input. Sheet 400–800 px, digit ' +
        '30–60%, ±10°.',
      async make({ pixels, rand }) {
        const [w, h] = photoSize(rand, 400, 800);
        const inkName = rand.pick(Object.keys(INKS));
        const paperName = rand.pick(Object.keys(PAPERS));
        const made = sheet(
          rand,
          pixels,
          w,
          h,
          rand.range(0.3, 0.6),
          rand.range(-10, 10),
          PAPERS[paperName],
          INKS[inkName],
          inkName === 'pencil' ? 0.85 : 1,
        );
        Bench.noise(made.ctx, w, h, 0.02, rand);
        const group = `ink: ${inkName}|paper: ${paperName}`;
        return { input: made.canvas, group, truth: made.digit, polarity: made.polarity };
      },
    },
    'light-gradient': {
      description:
        'Dark ink (black or blue) on white or cream paper under uneven light, no cast shadow: a gradient 20–60% ' +
        'darker across the sheet in a random direction, a vignette up to 25%, 3% noise; canvas input. Sheet ' +
        '640–1200 px, digit 25–60%, ±10°.',
      async make({ pixels, rand }) {
        const { w, h, made, gradient } = unevenlyLit(rand, pixels);
        Bench.light(made.ctx, w, h, rand, { gradient, vignette: rand.range(0, 0.25), digit: made.digit });
        Bench.noise(made.ctx, w, h, 0.03, rand);
        const group = `gradient ${gradient < 0.4 ? '20–40%' : '40–60%'}`;
        return { input: made.canvas, group, truth: made.digit, polarity: made.polarity };
      },
    },
    'cast-shadow': {
      description:
        'As light-gradient, plus a soft cast shadow (a hand or phone) 25–55% darker over a half-plane whose blurred ' +
        'edge (1–5% of the sheet) falls at a random place: on the digit, across it or beside it.',
      async make({ pixels, rand }) {
        const { w, h, made, gradient } = unevenlyLit(rand, pixels);
        const shadow = rand.range(0.25, 0.55);
        const where = Bench.light(made.ctx, w, h, rand, {
          gradient,
          shadow,
          vignette: rand.range(0, 0.25),
          digit: made.digit,
        });
        Bench.noise(made.ctx, w, h, 0.03, rand);
        const group =
          `shadow: digit ${where}|shadow ${shadow < 0.4 ? '25–40%' : '40–55%'} darker|` +
          `gradient ${gradient < 0.4 ? '20–40%' : '40–60%'}`;
        return { input: made.canvas, group, truth: made.digit, polarity: made.polarity };
      },
    },
    jpeg: {
      description:
        "Photo-like JPEG files (Chromium's encoder at quality q = 0.3, 0.5, 0.7, 0.9 in turn, through " +
        'OffscreenCanvas.convertToBlob, which canvas.toBlob shares) given to classify() as ' +
        'Blobs: any ink on any paper, a 10–35% gradient, 3% noise. Sheet 640–1600 px, digit 20–60%, ±15°.',
      async make({ pixels, rand, n }) {
        const [w, h] = photoSize(rand, 640, 1600);
        const made = sheet(
          rand,
          pixels,
          w,
          h,
          rand.range(0.2, 0.6),
          rand.range(-15, 15),
          PAPERS[rand.pick(Object.keys(PAPERS))],
          INKS[rand.pick(Object.keys(INKS))],
        );
        Bench.light(made.ctx, w, h, rand, { gradient: rand.range(0.1, 0.35), digit: made.digit });
        Bench.noise(made.ctx, w, h, 0.03, rand);
        const quality = [0.3, 0.5, 0.7, 0.9][n % 4];
        const input = await Bench.encode(made.canvas, 'image/jpeg', quality);
        return { input, group: `quality ${quality}`, truth: made.digit, polarity: made.polarity };
      },
    },
    'transparent-png': {
      description:
        'Ink on a transparent sheet, as signature pads and drawing apps export: PNG Blobs (OffscreenCanvas.convertToBlob), ' +
        'three in four dark inks (black, blue, red), one in four white ink. Sheet 200–800 px, digit 30–80%, ±15°.',
      async make({ pixels, rand, n }) {
        const [w, h] = photoSize(rand, 200, 800);
        const white = n % 4 === 3;
        const inkName = white ? 'white' : rand.pick(['black', 'blue ballpoint', 'red']);
        const ink = white ? [255, 255, 255] : INKS[inkName];
        const made = sheet(rand, pixels, w, h, rand.range(0.3, 0.8), rand.range(-15, 15), null, ink);
        const input = await Bench.encode(made.canvas, 'image/png');
        return { input, group: white ? 'white ink' : 'dark ink', truth: made.digit, polarity: made.polarity };
      },
    },
    screenshot: {
      description:
        'White-on-black screenshots as PNG Blobs: light ink (white, #e8eaed, #c9d1d9, light blue) on dark UI ' +
        'backgrounds (black, #121212, #1e1e1e, #0d1117); a third exactly 28×28, a third zoomed 2–5× with ' +
        'nearest-neighbour (pixelated), a third smooth strokes on a 300–800 px dark area.',
      async make({ pixels, rand, n }) {
        const bg = SCREENS[rand.pick(Object.keys(SCREENS))];
        const ink = LIGHT_INKS[rand.pick(Object.keys(LIGHT_INKS))];
        const layout = n % 3;
        let c;
        let group;
        let truth;
        if (layout === 0) {
          c = Bench.mnistCanvas(pixels, ink, bg);
          group = '28×28 as is';
        } else if (layout === 1) {
          const zoom = rand.int(2, 5);
          const small = Bench.mnistCanvas(pixels, ink, bg);
          c = canvas(28 * zoom, 28 * zoom);
          const ctx = context(c);
          ctx.imageSmoothingEnabled = false;
          ctx.drawImage(small, 0, 0, 28 * zoom, 28 * zoom);
          group = 'pixelated zoom 2–5×';
        } else {
          const [w, h] = photoSize(rand, 300, 800);
          const made = sheet(rand, pixels, w, h, rand.range(0.3, 0.8), rand.range(-10, 10), bg, ink);
          c = made.canvas;
          truth = made.digit;
          group = 'smooth, 300–800 px';
        }
        return { input: await Bench.encode(c, 'image/png'), group, truth, polarity: 'light-on-dark' };
      },
    },
    'canvas-strokes': {
      description:
        'Drawn with canvas paths like the drawing pad: the MNIST digit is thinned to its centre line (4× upsampled, ' +
        'Zhang–Suen) and stroked again with round caps and joins in black on a white 200–400 px square canvas, ' +
        "line width 6% of the digit's height (thin pen), side/12 (the drawing pad's own) or 18% of the digit's " +
        'height (marker); digit 45–85% of the side, ±6°.',
      async make({ pixels, rand, n }) {
        const side = rand.pick([200, 280, 400]);
        const c = canvas(side, side);
        const ctx = context(c);
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, side, side);
        const digitHeight = rand.range(0.45, 0.85) * side;
        const { cx, cy } = Bench.place(rand, side, side, digitHeight);
        const pen = [
          ['thin pen (6% of the digit height)', 0.06 * digitHeight],
          ['pad pen (side/12)', side / 12],
          ['marker (18% of the digit height)', 0.18 * digitHeight],
        ][n % 3];
        Bench.drawStrokes(ctx, Bench.skeleton(pixels), cx, cy, digitHeight, rand.range(-6, 6), pen[1], [0, 0, 0]);
        return { input: c, group: pen[0], truth: { cx, cy, height: digitHeight }, polarity: 'dark-on-light' };
      },
    },
    'note-on-desk': {
      description:
        'A photo of a note on a desk (desk*.js): a sticky note, an index card (ruled or not) or a torn ' +
        'notebook slip (white, cream, yellow, pink, light blue, light green) covering 30–80% of the frame, rotated ' +
        '±15°, seen at a slight angle (corners jittered, the ink warped with them), with a soft drop shadow, sometimes ' +
        "a fold or a curled edge. The digit: black, blue ballpoint, navy gel, pencil or red, 25–70% of the note's " +
        'height, anywhere on it, ±6° to it; a third drawn as thinner pen strokes. Seven desks in turn (dark wood, light ' +
        'oak, grey laminate, green cutting mat, black desk, blue fabric (denim), white table) and, as the eighth, a phone or ' +
        'tablet on a lighter desk showing a light digit on a dark screen. Sometimes a pen, a paper clip, a coffee ring ' +
        'or the edge of another sheet beside the note. Camera: light gradient, vignette, sometimes a cast shadow, ' +
        'auto-exposure, white balance, 2–4% noise, sometimes 0.6–1.5 px blur; 800–1600 px wide at 4:3, 3:4, 16:9 or ' +
        '1:1. Half JPEG Blobs (quality 0.75–0.92), half canvases.',
      async make({ pixels, label, n, rand }) {
        const scene = Bench.deskScene(rand, { desk: Bench.SCENE_DESKS[n % 8], digits: [{ pixels, label }] });
        // Desk and file type each cycle, so that every desk gets both.
        return Bench.deskInput(scene, rand, Math.floor(n / 8) % 2 === 1);
      },
    },
    'number-on-desk': {
      number: true,
      description:
        'As note-on-desk, with a 2–6 digit number written on the note (or shown on the screen) left to right: gaps ' +
        "of 5–40% of a digit's width, never overlapping, sizes ±10%, baseline ±5%, each digit ±5° on a line tilted " +
        "±3°; the number 35–85% of the note's width when its height allows. Read with readNumber(); counts when the " +
        'whole text is read exactly.',
      async make({ digits, n, rand }) {
        const scene = Bench.deskScene(rand, { desk: Bench.SCENE_DESKS[n % 8], digits });
        const made = await Bench.deskInput(scene, rand, Math.floor(n / 8) % 2 === 1);
        return { ...made, group: `${made.group}|length: ${digits.length} digits` };
      },
    },
  };

  /** Font grid: every family × digit × size × rotation, black fillText on white. */
  Bench.fontCases = function fontCases(families) {
    const cases = [];
    for (const family of families) {
      for (const size of [28, 72, 180]) {
        for (const degrees of [-8, 0, 8]) {
          for (let digit = 0; digit < 10; digit++) cases.push({ family, size, degrees, digit });
        }
      }
    }
    return cases;
  };

  Bench.fontImage = function fontImage({ family, size, degrees, digit }) {
    const side = Math.max(64, Math.round(size * 1.8));
    const c = canvas(side, side);
    const ctx = context(c);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.translate(side / 2, side / 2);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.fillStyle = '#000';
    ctx.font = `${size}px "${family}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(digit), 0, 0);
    return c;
  };
})();
