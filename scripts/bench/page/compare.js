// The side-by-side comparison (issue 6): the same images through whichever stack the page holds.
// `Bench.classifyDigit(input)` → digit is set by the page: our CDN bundle on index.html (below),
// the naive full-tfjs stack on naive.html (naive.js).
(function () {
  const Bench = (window.Bench = window.Bench || {});
  if (window.DigitRecognizer && !Bench.classifyDigit) {
    Bench.classifyDigit = async (input) => (await window.DigitRecognizer.classify(input)).digit;
    Bench.readyToClassify = () => window.DigitRecognizer.getDefaultClassifier();
  }

  // Digit kinds only: a number kind (`number: true`) is made from several digits.
  Bench.describeKinds ??= () =>
    Object.fromEntries(
      Object.entries(Bench.kinds)
        .filter(([, kind]) => !kind.number)
        .map(([name, kind]) => [name, kind.description]),
    );

  async function run(label, group, make) {
    const result = { label, predicted: -1, group };
    try {
      result.predicted = await Bench.classifyDigit(await make());
    } catch (error) {
      result.error = String((error && error.message) || error);
    }
    return result;
  }

  /** MNIST test digits drawn dark on a white 28×28 canvas (a drawing pad), one at a time. */
  Bench.compareMnist = async function compareMnist(indices) {
    await Bench.loadMnist();
    await Bench.readyToClassify();
    const out = [];
    for (const index of indices) {
      const { pixels, label } = Bench.digit(index);
      out.push(await run(label, 'mnist', async () => Bench.mnistCanvas(pixels, [0, 0, 0], [255, 255, 255])));
    }
    return out;
  };

  /** Kind `name` (kinds.js) made from each index, exactly as harness.js makes it. */
  Bench.compareKind = async function compareKind(name, indices) {
    await Bench.loadMnist();
    await Bench.readyToClassify();
    const kind = Bench.kinds[name];
    const seed = Bench.hash(name);
    const out = [];
    for (let n = 0; n < indices.length; n++) {
      const index = indices[n];
      const { pixels, label } = Bench.digit(index);
      const rand = Bench.rng(seed ^ Math.imul(index + 1, 2654435761));
      out.push(await run(label, name, async () => (await kind.make({ pixels, label, index, n, rand })).input));
    }
    return out;
  };

  /** A composed number (luminance bytes, 0 = black) as a canvas, and readNumber() timed on it. */
  Bench.readNumberSpeed = async function readNumberSpeed(bytes, width, height, runs) {
    const c = Bench.canvas(width, height);
    const ctx = Bench.context(c);
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) image.data.set([bytes[i], bytes[i], bytes[i], 255], i * 4);
    ctx.putImageData(image, 0, 0);
    await window.DigitRecognizer.getDefaultClassifier();
    let text = '';
    for (let i = 0; i < 10; i++) text = (await window.DigitRecognizer.readNumber(c)).text;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await window.DigitRecognizer.readNumber(c);
      samples.push(performance.now() - t0);
    }
    return { text, samples };
  };
})();
