// Runs inside a page served with a strict Content-Security-Policy (no inline script, no eval):
// draws a digit, classifies it with the CDN bundle (on the main thread, then in a worker) and
// reports to the parent test.
const warnings = [];
const warn = console.warn;
console.warn = (...args) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};
(async () => {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 200;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 200, 200);
    ctx.fillStyle = '#000';
    ctx.fillRect(92, 30, 18, 140);
    const prediction = await window.DigitRecognizer.classify(canvas);
    const classifier = await window.DigitRecognizer.getDefaultClassifier();
    // The same with a classifier in a worker, as every <digit-recognizer> uses.
    const reader = await window.DigitRecognizer.loadClassifier({ worker: true });
    const inWorker = { digit: (await reader.classify(canvas)).digit, worker: reader.worker };
    reader.dispose();
    parent.postMessage({ digit: prediction.digit, backend: classifier.backend, inWorker, warnings }, '*');
  } catch (error) {
    parent.postMessage({ error: String(error && error.message) }, '*');
  }
})();
