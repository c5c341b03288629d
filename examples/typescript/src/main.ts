// Both entry points, with their types: the classify() API, and the element (registered on import).
// No configuration: Vite finds the package's model and .wasm files and serves or copies them.
import { classify, isDigitRecognizerError, type Prediction } from 'digit-recognizer';
import 'digit-recognizer/element';

function describe(prediction: Prediction): string {
  const percent = Math.round(prediction.confidence * 100);
  return prediction.uncertain ? `${prediction.digit}? (${percent}%, not sure)` : `${prediction.digit} (${percent}%)`;
}

const answer = document.querySelector<HTMLOutputElement>('#answer')!;

async function read(input: HTMLCanvasElement | File): Promise<void> {
  answer.value = 'reading…';
  try {
    answer.value = describe(await classify(input));
  } catch (error) {
    // Every failure is a DigitRecognizerError with a `code` (DECODE_FAILED, EMPTY_IMAGE, …).
    answer.value = isDigitRecognizerError(error) ? `${error.code}: ${error.message}` : String(error);
  }
}

// A "1", drawn with a slant as people write it, read as soon as the page loads.
const canvas = document.querySelector<HTMLCanvasElement>('#stroke')!;
const ctx = canvas.getContext('2d')!;
ctx.fillStyle = '#fff';
ctx.fillRect(0, 0, canvas.width, canvas.height);
ctx.lineWidth = 10;
ctx.lineCap = 'round';
ctx.beginPath();
ctx.moveTo(66, 14);
ctx.lineTo(50, 98);
ctx.stroke();
void read(canvas);

const fileInput = document.querySelector<HTMLInputElement>('#file')!;
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void read(file);
});

// querySelector('digit-recognizer') is typed as DigitRecognizerElement, and its events as
// DigitPredictionEvent, DigitErrorEvent…: the package declares both globally.
const recognizer = document.querySelector('digit-recognizer')!;
recognizer.addEventListener('prediction', (event) => {
  const { digit, confidence } = event.detail;
  document.querySelector<HTMLOutputElement>('#event')!.value = `${digit} (${Math.round(confidence * 100)}%)`;
});
