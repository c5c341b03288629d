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
      const t0 = performance.now();
      const p = await api().classify(made.input);
      result.ms = performance.now() - t0;
      result.predicted = p.digit;
      result.confidence = p.confidence;
      result.uncertain = p.uncertain;
      result.notADigit = p.reason === 'not-a-digit';
    } catch (error) {
      result.error = String((error && error.message) || error);
    }
    if (made && result.predicted !== result.label) await diagnose(result, made);
    return result;
  }

  const describe = (numbers) =>
    Object.fromEntries(
      Object.entries(Bench.kinds)
        .filter(([, kind]) => !kind.number === !numbers)
        .map(([name, kind]) => [name, kind.description]),
    );
  /** Digit kinds only: number kinds (`number: true`) read numbers, through runNumberKind(). */
  Bench.describeKinds = () => describe(false);
  Bench.describeNumberKinds = () => describe(true);

  /**
   * The seed of the image made from `index` by kind `name`. A validation run's `salt` gives
   * other scenes from the same digits; without one the seeds are the benchmark's.
   */
  Bench.seedOf = (name, index, salt) => Bench.hash(salt ? name + '#' + salt : name) ^ Math.imul(index + 1, 2654435761);

  /** The digits of number `index`: 2–6 of the split, the first `index` itself, the rest seeded. */
  Bench.numberDigits = function numberDigits(index, split, salt) {
    const rand = Bench.rng(Bench.seedOf('number digits', index, salt));
    const length = rand.int(2, 6);
    return [index, ...Array.from({ length: length - 1 }, () => rand.int(0, Bench.mnistSize(split) - 1))];
  };

  /**
   * Image `n` of kind `name`, made from digit `index` (a number kind: from numberDigits(index)) of
   * `options.split` ('test' by default) with `options.salt`: what make() returns, plus `label`
   * (a digit kind) or `expected` (a number kind, its text). Load the split first.
   */
  Bench.makeImage = async function makeImage(name, index, n, options) {
    const { split, salt } = options || {};
    const kind = Bench.kinds[name];
    if (!kind) throw new Error('No kind ' + name);
    const rand = Bench.rng(Bench.seedOf(name, index, salt));
    if (kind.number) {
      const digits = Bench.numberDigits(index, split, salt).map((i) => Bench.digit(i, split));
      const made = await kind.make({ digits, index, n, rand });
      return { ...made, expected: digits.map((d) => d.label).join('') };
    }
    const { pixels, label } = Bench.digit(index, split);
    return { ...(await kind.make({ pixels, label, index, n, rand })), label };
  };

  async function ready(name, options, number) {
    if (!Bench.kinds[name] || !Bench.kinds[name].number !== !number) throw new Error('No such kind: ' + name);
    const split = (options && options.split) || 'test';
    await Bench.loadMnist(split);
    await api().getDefaultClassifier();
    return split;
  }

  /** Classifies kind `name` made from each MNIST index in `indices` (`options`: split, salt). */
  Bench.runKind = async function runKind(name, indices, options) {
    const split = await ready(name, options, false);
    const results = [];
    for (let n = 0; n < indices.length; n++) {
      const index = indices[n];
      const { label } = Bench.digit(index, split);
      results.push(await outcome({ index, label }, () => Bench.makeImage(name, index, n, options)));
    }
    return results;
  };

  /** readNumber() on number kind `name`: per image the expected text and what was read. */
  Bench.runNumberKind = async function runNumberKind(name, indices, options) {
    await ready(name, options, true);
    const results = [];
    for (let n = 0; n < indices.length; n++) {
      const result = { index: indices[n], expected: '', read: '', uncertain: true, confidence: 0, group: '' };
      try {
        const made = await Bench.makeImage(name, indices[n], n, options);
        result.expected = made.expected;
        result.group = made.group;
        const t0 = performance.now();
        const reading = await api().readNumber(made.input);
        result.ms = performance.now() - t0;
        result.read = reading.text;
        result.uncertain = reading.uncertain;
        result.confidence = reading.confidence;
      } catch (error) {
        result.error = String((error && error.message) || error);
      }
      results.push(result);
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
    // `n`: the image's position in the run (some kinds vary with it); index / 20 in a full run.
    const made = await Bench.makeImage(name, index, n || 0);
    const label = made.label;
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
      ...(await deskSpeed(k)),
    };
  };

  /**
   * Warm timings of desk photos (issue 11): a digit on a note on dark wood at 1200×900 and at
   * 12 MP (4000×3000), canvas inputs, the same scene every run (seed 11).
   */
  async function deskSpeed(k) {
    const make = (size) => {
      const rand = Bench.rng(11);
      return Bench.deskScene(rand, { desk: 'dark wood', size, digits: [Bench.digit(3)], clutter: false }).canvas;
    };
    const desk = make([1200, 900]);
    const huge = make([4000, 3000]);
    const check = await api().classify(desk);
    return {
      deskDigit: check.digit,
      deskLabel: Bench.digit(3).label,
      desk: await Bench.time(() => api().classify(desk), 5, Math.round(60 * k)),
      desk12mp: await Bench.time(() => api().classify(huge), 2, Math.max(3, Math.round(15 * k))),
    };
  }
})();
