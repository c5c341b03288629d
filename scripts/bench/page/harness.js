// What the benchmark driver (scripts/bench/browser.ts) calls through page.evaluate(): accuracy
// per kind, the font grid, and warm timings, all through the CDN bundle's window.DigitRecognizer.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const api = () => window.DigitRecognizer;

  /**
   * Why a wrong answer was wrong: the polarity preprocess() found against the right one, and
   * whether its crop is on the digit (centre within a third of the digit's height of the true
   * centre, size 0.5–1.4× the digit's height) when the kind knows where it drew the digit.
   */
  async function diagnose(result, made) {
    try {
      const pre = await api().preprocess(made.input);
      result.polarity = pre.polarity;
      result.expectedPolarity = made.polarity || null;
      result.boxShare = (pre.box.width * pre.box.height) / (pre.sourceWidth * pre.sourceHeight);
      if (made.truth) {
        const { cx, cy, height } = made.truth;
        const off = Math.hypot(pre.box.x + pre.box.width / 2 - cx, pre.box.y + pre.box.height / 2 - cy);
        const size = Math.max(pre.box.width, pre.box.height) / height;
        result.cropOnDigit = off < height / 3 && size > 0.5 && size < 1.4;
      }
    } catch {
      // preprocess() rejected the input: classify() did too, and said why.
    }
  }

  async function outcome(base, makeInput) {
    const result = { ...base, predicted: -1, confidence: 0, uncertain: true, group: '' };
    let made = null;
    try {
      made = await makeInput();
      result.group = made.group;
      const p = await api().classify(made.input);
      result.predicted = p.digit;
      result.confidence = p.confidence;
      result.uncertain = p.uncertain;
    } catch (error) {
      result.error = String((error && error.message) || error);
    }
    if (made && result.predicted !== result.label) await diagnose(result, made);
    return result;
  }

  Bench.describeKinds = () =>
    Object.fromEntries(Object.entries(Bench.kinds).map(([name, kind]) => [name, kind.description]));

  /** Classifies kind `name` made from each MNIST test index in `indices`. */
  Bench.runKind = async function runKind(name, indices) {
    await Bench.loadMnist();
    await api().getDefaultClassifier();
    const kind = Bench.kinds[name];
    if (!kind) throw new Error('No kind ' + name);
    const seed = Bench.hash(name);
    const results = [];
    for (let n = 0; n < indices.length; n++) {
      const index = indices[n];
      const { pixels, label } = Bench.digit(index);
      const rand = Bench.rng(seed ^ Math.imul(index + 1, 2654435761));
      results.push(await outcome({ index, label }, () => kind.make({ pixels, label, index, n, rand })));
    }
    return results;
  };

  Bench.availableFonts = (families) => families.filter((family) => Bench.fontAvailable(family));

  /** The font grid over `families` (every n-th case when `every` > 1, for smoke runs). */
  Bench.runFonts = async function runFonts(families, every) {
    await api().getDefaultClassifier();
    const cases = Bench.fontCases(families).filter((_, i) => i % (every || 1) === 0);
    const results = [];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const group = `font: ${c.family}|size ${c.size}px|rotation ${c.degrees}°`;
      const make = async () => ({ input: Bench.fontImage(c), group, polarity: 'dark-on-light' });
      results.push(await outcome({ index: i, label: c.digit }, make));
    }
    return results;
  };

  /** A benchmark image as a data: URL, and what the model saw, for looking at failures. */
  Bench.example = async function example(name, index, n) {
    await Bench.loadMnist();
    const { pixels, label } = Bench.digit(index);
    const rand = Bench.rng(Bench.hash(name) ^ Math.imul(index + 1, 2654435761));
    // `n`: the image's position in the run (some kinds vary with it); index / 20 in a full run.
    const made = await Bench.kinds[name].make({ pixels, label, index, n: n || 0, rand });
    const blob = made.input instanceof Blob ? made.input : await Bench.encode(made.input, 'image/png');
    const url = await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsDataURL(blob);
    });
    const pre = await api().preprocess(made.input);
    const p = await api().classify(made.input);
    return {
      url,
      label,
      group: made.group,
      digit: p.digit,
      confidence: p.confidence,
      pixels: Array.from(pre.pixels),
      box: pre.box,
      polarity: pre.polarity,
    };
  };

  function timerResolution() {
    let smallest = Infinity;
    for (let i = 0; i < 2000; i++) {
      const a = performance.now();
      let b = performance.now();
      while (b === a) b = performance.now();
      smallest = Math.min(smallest, b - a);
    }
    return smallest;
  }

  async function loopMean(fn, runs) {
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await fn();
    return (performance.now() - t0) / runs;
  }

  /** Warm timings: single 28×28 canvas, a 1200×900 photo canvas, batches of 100 28×28 canvases. */
  Bench.speed = async function speed(scale) {
    const k = scale || 1;
    await Bench.loadMnist();
    const classifier = await api().getDefaultClassifier();
    const { small, photo, photoLabel, batch } = Bench.speedInputs();
    const one = () => api().classify(small);
    const big = () => api().classify(photo);
    const many = () => api().classifyBatch(batch);
    const check = await api().classify(photo);
    return {
      backend: classifier.backend,
      timerResolution: timerResolution(),
      photoDigit: check.digit,
      photoLabel,
      canvas28: await Bench.time(one, 50, Math.round(400 * k)),
      canvas28LoopMean: await loopMean(one, Math.round(400 * k)),
      photo: await Bench.time(big, 5, Math.round(60 * k)),
      photoLoopMean: await loopMean(big, Math.round(30 * k)),
      batch100: await Bench.time(many, 2, Math.max(3, Math.round(15 * k))),
      // Where the time goes: preprocessing alone (decode, ink, crop, 28×28), without the model.
      canvas28Preprocess: await Bench.time(() => api().preprocess(small), 10, Math.round(200 * k)),
      photoPreprocess: await Bench.time(() => api().preprocess(photo), 3, Math.round(30 * k)),
    };
  };
})();
