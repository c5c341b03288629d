// A fresh app's first lines, as a user would write them: no configuration, no setAssetPath().
import { classify, getDefaultClassifier, readNumber } from 'digit-recognizer';
import 'digit-recognizer/element';

// The bundler copies these next to the app, as it does the package's own model and .wasm.
const SEVEN = new URL('./seven.png', import.meta.url);
const NUMBER = new URL('./number.jpg', import.meta.url);
const PHOTO = new URL('./photo.jpg', import.meta.url);

async function blobOf(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.blob();
}

/** What the element reads from a photo added the way a file picker adds it. */
function elementReads(blob) {
  const element = document.querySelector('digit-recognizer');
  return new Promise((resolve, reject) => {
    element.addEventListener('prediction', (event) => resolve(event.detail.digit), { once: true });
    element.addEventListener('digit-error', (event) => reject(event.detail.error), { once: true });
    element.addFiles([blob]);
  });
}

async function run() {
  const { digit } = await classify(await blobOf(SEVEN));
  const { text } = await readNumber(await blobOf(NUMBER));
  const elementDigit = await elementReads(await blobOf(PHOTO));
  const { backend } = await getDefaultClassifier();
  return { digit, text, elementDigit, backend };
}

run().then(
  (results) => {
    window.appResults = results;
    document.querySelector('#results').textContent = JSON.stringify(results);
  },
  (error) => {
    window.appResults = { error: `${error.name}: ${error.message}` };
  },
);
