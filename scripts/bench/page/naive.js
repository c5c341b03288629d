/* global tf */
// The naive stack (issue 6): full @tensorflow/tfjs (tf.min.js, its default backend) running the
// Keras-style CNN, with the preprocessing such apps do: stretch the image to 28×28 with
// drawImage, grayscale (mean of R, G, B), and `1 - gray`, assuming dark ink on light paper.
// No polarity detection, no crop, no centring.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const MODEL_URL = '/.cache/naive-model/model.json';
  let trained = null;
  let small = null;

  /** The same architecture as scripts/bench/naive-model.ts, random weights (speed only). */
  Bench.naiveRandomModel = function naiveRandomModel() {
    const m = tf.sequential();
    m.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }));
    m.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.dropout({ rate: 0.25 }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: 128, activation: 'relu' }));
    m.add(tf.layers.dropout({ rate: 0.5 }));
    m.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
    return m;
  };

  async function drawable(input) {
    if (input instanceof Blob) return createImageBitmap(input);
    if (input instanceof ImageData) {
      const c = new OffscreenCanvas(input.width, input.height);
      c.getContext('2d').putImageData(input, 0, 0);
      return c;
    }
    return input;
  }

  /** [n, 28, 28, 1] input from images: stretched, grayscale, inverted. */
  async function tensorOf(inputs) {
    small ??= new OffscreenCanvas(28, 28);
    const ctx = small.getContext('2d', { willReadFrequently: true });
    const frames = [];
    for (const input of inputs) {
      const source = await drawable(input);
      ctx.clearRect(0, 0, 28, 28);
      ctx.drawImage(source, 0, 0, 28, 28);
      frames.push(ctx.getImageData(0, 0, 28, 28));
    }
    return tf.tidy(() =>
      tf.stack(frames.map((f) => tf.scalar(1).sub(tf.browser.fromPixels(f).toFloat().mean(2).div(255)).expandDims(2))),
    );
  }

  async function predict(model, inputs) {
    const x = await tensorOf(inputs);
    const y = tf.tidy(() => model.predict(x).argMax(-1));
    const digits = Array.from(await y.data());
    tf.dispose([x, y]);
    return digits;
  }

  Bench.readyToClassify = async function readyToClassify() {
    await tf.ready();
    trained ??= await tf.loadLayersModel(MODEL_URL);
    return tf.getBackend();
  };
  Bench.classifyDigit = async (input) => (await predict(trained, [input]))[0];

  /** The trained model alone on MNIST's own 28×28 values (white on black, 0–1): no preprocessing. */
  Bench.naiveModelOnly = async function naiveModelOnly(indices) {
    await Bench.loadMnist();
    await Bench.readyToClassify();
    const out = [];
    for (let start = 0; start < indices.length; start += 200) {
      const chunk = indices.slice(start, start + 200);
      const data = new Float32Array(chunk.length * 784);
      chunk.forEach((index, n) => Bench.digit(index).pixels.forEach((v, i) => (data[n * 784 + i] = v / 255)));
      const y = tf.tidy(() => trained.predict(tf.tensor4d(data, [chunk.length, 28, 28, 1])).argMax(-1));
      const digits = await y.data();
      y.dispose();
      chunk.forEach((index, n) => out.push({ label: Bench.digit(index).label, predicted: digits[n], group: 'model' }));
    }
    return out;
  };

  /** Warm timings with random weights, on the same inputs as harness.js's Bench.speed (Bench.speedInputs). */
  Bench.naiveSpeed = async function naiveSpeed(scale) {
    const k = scale || 1;
    await tf.ready();
    await Bench.loadMnist();
    const model = Bench.naiveRandomModel();
    const { small: small28, photo, batch } = Bench.speedInputs();
    const result = {
      backend: tf.getBackend(),
      canvas28: await Bench.time(() => predict(model, [small28]), 20, Math.round(200 * k)),
      photo: await Bench.time(() => predict(model, [photo]), 5, Math.round(60 * k)),
      batch100: await Bench.time(() => predict(model, batch), 2, Math.max(3, Math.round(10 * k))),
    };
    model.dispose();
    return result;
  };
})();
