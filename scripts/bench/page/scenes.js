// Dev tools for tuning on the photo kinds (scripts/bench/scenes.ts, scripts/make-scene-fixtures.ts
// inject this into the bench page): runs a kind on a validation split keeping the misreads as
// annotated thumbnails, builds a contact sheet of them, and turns inputs into data: URLs.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const api = () => window.DigitRecognizer;

  const toDataUrl = (blob) =>
    new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsDataURL(blob);
    });

  /** An input (canvas or Blob) as a file: Blobs as they are, canvases as `type` (default PNG). */
  Bench.inputDataUrl = async (input, type, quality) =>
    toDataUrl(input instanceof Blob ? input : await Bench.encode(input, type || 'image/png', quality));

  /** The pixels an input decodes to, as a PNG data: URL (a JPEG Blob with its artefacts). */
  Bench.decodedDataUrl = async (input) => {
    const image = input instanceof Blob ? await createImageBitmap(input) : input;
    const c = Bench.canvas(image.width, image.height);
    Bench.context(c).drawImage(image, 0, 0);
    return c.toDataURL('image/png');
  };

  const path = (ctx, points, scale) => {
    ctx.beginPath();
    points.forEach((p, i) => (i ? ctx.lineTo(p.x * scale, p.y * scale) : ctx.moveTo(p.x * scale, p.y * scale)));
    ctx.closePath();
  };

  /**
   * A misread, 240 px wide: the input; the true note outline (dashed blue) and digit centres
   * (cyan crosses); what the library found: the digit box (red; per digit for numbers), the
   * surface (green, when preprocess() reports one) and the 28×28 it classified (top right);
   * below, `label→read (confidence)` and the groups.
   */
  async function thumbnail(made, answer, number) {
    const image = made.input instanceof Blob ? await createImageBitmap(made.input) : made.input;
    const scale = 240 / image.width;
    const w = 240;
    const h = Math.round(image.height * scale);
    const c = Bench.canvas(w, h + 46);
    const ctx = Bench.context(c);
    ctx.fillStyle = '#111';
    ctx.fillRect(0, 0, w, h + 46);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image, 0, 0, w, h);
    ctx.lineWidth = 1.5;
    if (made.corners) {
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = '#29f';
      path(ctx, made.corners, scale);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.strokeStyle = '#0ff';
    for (const d of made.digits || (made.truth ? [made.truth] : [])) {
      const [x, y, r] = [d.cx * scale, d.cy * scale, 4];
      ctx.beginPath();
      ctx.moveTo(x - r, y);
      ctx.lineTo(x + r, y);
      ctx.moveTo(x, y - r);
      ctx.lineTo(x, y + r);
      ctx.stroke();
    }
    let pre = null;
    try {
      pre = await api().preprocess(made.input);
    } catch {
      // Nothing found: the text below says what the call rejected with.
    }
    if (pre && pre.surface && pre.surface.corners) {
      ctx.strokeStyle = '#2e2';
      ctx.lineWidth = 2;
      path(ctx, pre.surface.corners, scale);
      ctx.stroke();
    }
    ctx.strokeStyle = '#f22';
    ctx.lineWidth = 1.5;
    const boxes = number ? (answer.reading ? answer.reading.digits.map((d) => d.box) : []) : pre ? [pre.box] : [];
    for (const b of boxes) ctx.strokeRect(b.x * scale, b.y * scale, b.width * scale, b.height * scale);
    if (pre && !number) {
      const small = Bench.canvas(28, 28);
      const s = Bench.context(small);
      const px = s.createImageData(28, 28);
      for (let i = 0; i < 784; i++) {
        const v = Math.round(255 * (1 - pre.pixels[i]));
        px.data.set([v, v, v, 255], i * 4);
      }
      s.putImageData(px, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.fillStyle = '#f22';
      ctx.fillRect(w - 59, 1, 58, 58);
      ctx.drawImage(small, w - 58, 2, 56, 56);
      ctx.imageSmoothingEnabled = true;
    }
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 13px sans-serif';
    const truth = number ? made.expected : made.label;
    const read = answer.error ? answer.error.slice(0, 28) : `${answer.read} (${answer.confidence.toFixed(2)})`;
    ctx.fillText(`${truth}→${read}`, 4, h + 16);
    ctx.font = '10px sans-serif';
    ctx.fillStyle = '#ccc';
    // The groups, wrapped to the thumbnail's width (two lines; the rest is cut).
    const lines = [''];
    for (const g of made.group.split('|')) {
      const line = lines[lines.length - 1];
      if (!line || ctx.measureText(`${line}, ${g}`).width < w - 8) lines[lines.length - 1] = line ? `${line}, ${g}` : g;
      else lines.push(g);
    }
    lines.slice(0, 2).forEach((line, i) => ctx.fillText(line, 4, h + 29 + 12 * i));
    return c.toDataURL('image/png');
  }

  /**
   * The inputs of kind `name` for `items` ({index, n}) as data: URLs, for validation runs in Node
   * (scripts/bench/desk-node.ts): a JPEG Blob as its own bytes, a canvas as PNG; with each its
   * groups (desk, note, ink, …) as the bench reports them.
   */
  Bench.sceneSamples = async function sceneSamples(name, items, options) {
    const o = options || {};
    const split = o.split || 'test';
    await Bench.loadMnist(split);
    const number = !!Bench.kinds[name].number;
    const samples = [];
    for (const { index, n } of items) {
      const image = await Bench.makeImage(name, index, n, { split, salt: o.salt });
      const truth = number ? image.expected : String(image.label);
      const desk = (image.group.match(/desk: ([^|]+)/) || [])[1] || name;
      const url =
        image.input instanceof Blob
          ? await new Promise((resolve) => {
              const reader = new FileReader();
              reader.onload = () => resolve(reader.result);
              reader.readAsDataURL(image.input);
            })
          : image.input.toDataURL('image/png');
      samples.push({ n, desk, truth, url, corners: image.corners || null, groups: image.group.split('|') });
    }
    return samples;
  };

  /**
   * Kind `name` on `items` ({index, n}) of `options.split`, with `options.salt`; only images in
   * group `options.onlyGroup` when given, at most `options.limit` of them. Misreads become
   * thumbnails (at most `options.thumbs`), the first `options.samples` inputs data: URLs.
   */
  Bench.runScenes = async function runScenes(name, items, options) {
    const o = options || {};
    const split = o.split || 'test';
    await Bench.loadMnist(split);
    await api().getDefaultClassifier();
    const number = !!Bench.kinds[name].number;
    const outcomes = [];
    const thumbs = [];
    const samples = [];
    let made = 0;
    for (const { index, n } of items) {
      if (o.limit && outcomes.length >= o.limit) break;
      const image = await Bench.makeImage(name, index, n, { split, salt: o.salt });
      made++;
      if (o.onlyGroup && !image.group.split('|').includes(o.onlyGroup)) continue;
      const truth = number ? image.expected : String(image.label);
      const answer = { index, n, group: image.group, truth, read: '', confidence: 0, uncertain: true, ms: 0 };
      const t0 = performance.now();
      try {
        if (number) {
          answer.reading = await api().readNumber(image.input);
          answer.read = answer.reading.text;
        } else {
          answer.reading = await api().classify(image.input);
          answer.read = String(answer.reading.digit);
        }
        answer.confidence = answer.reading.confidence;
        answer.uncertain = answer.reading.uncertain;
        if (!number) {
          answer.notDigitScore = answer.reading.notDigitScore;
          answer.notADigit = answer.reading.reason === 'not-a-digit';
        }
      } catch (error) {
        answer.error = String((error && error.message) || error);
      }
      answer.ms = performance.now() - t0;
      answer.correct = answer.read === truth;
      if (!answer.correct && thumbs.length < (o.thumbs ?? 48)) thumbs.push(await thumbnail(image, answer, number));
      if (samples.length < (o.samples || 0)) {
        const desk = (image.group.match(/desk: ([^|]+)/) || [])[1] || name;
        samples.push({ n, desk, truth, url: await Bench.decodedDataUrl(image.input) });
      }
      delete answer.reading;
      outcomes.push(answer);
    }
    return { outcomes, thumbs, samples, made };
  };

  /**
   * One scene of test/fixtures/scenes (scripts/make-scene-fixtures.ts), made from MNIST *test*
   * digits `spec.digits` (indices) with seed `spec.seed`: a desk scene (`spec.desk`, `spec.note`,
   * `spec.clutter`) or, with `spec.page`, a page filling the frame. Returns the file as a data:
   * URL (`spec.type`, `spec.quality`) and what the manifest says of it.
   */
  Bench.sceneFixture = async function sceneFixture(spec) {
    await Bench.loadMnist('test');
    const rand = Bench.rng(spec.seed);
    const digits = (spec.digits || []).map((i) => Bench.digit(i, 'test'));
    const options = { size: spec.size, camera: spec.camera };
    const scene = spec.page
      ? Bench.pageScene(rand, { ...options, ...spec.page })
      : Bench.deskScene(rand, { ...options, desk: spec.desk, digits, note: spec.note, clutter: spec.clutter });
    const round = (p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
    return {
      url: await Bench.inputDataUrl(scene.canvas, spec.type, spec.quality),
      label: scene.text || null,
      desk: scene.desk,
      width: scene.width,
      height: scene.height,
      corners: scene.corners ? scene.corners.map(round) : null,
      digits: scene.digits.map((d) => ({ ...round({ x: d.cx, y: d.cy }), height: Math.round(d.height) })),
      groups: scene.groups,
    };
  };

  /** Thumbnails (data: URLs) side by side, `columns` to a row, as one PNG data: URL. */
  Bench.contactSheet = async function contactSheet(urls, columns) {
    const images = await Promise.all(
      urls.map(
        (url) =>
          new Promise((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img);
            img.onerror = reject;
            img.src = url;
          }),
      ),
    );
    const cols = Math.max(1, Math.min(columns, images.length));
    const cell = 244;
    const rows = [];
    for (let i = 0; i < images.length; i += cols) rows.push(images.slice(i, i + cols));
    const heights = rows.map((row) => Math.max(...row.map((img) => img.height)) + 4);
    const c = Bench.canvas(
      cols * cell,
      Math.max(
        1,
        heights.reduce((s, x) => s + x, 0),
      ),
    );
    const ctx = Bench.context(c);
    ctx.fillStyle = '#444';
    ctx.fillRect(0, 0, c.width, c.height);
    let y = 0;
    rows.forEach((row, r) => {
      row.forEach((img, i) => ctx.drawImage(img, i * cell + 2, y + 2));
      y += heights[r];
    });
    return c.toDataURL('image/png');
  };
})();
