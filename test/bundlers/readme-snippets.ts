/**
 * The README's browser snippets, as written, turned into a fresh app: the element's HTML and its
 * event listener, the worker lines, the `classify()`, `preprocess()` and `readNumber()` lines,
 * and the CDN page.
 * Each snippet runs in a block of its own, with the names it expects (`fileInput`, `photo`,
 * `photoOfAPostcode`) defined before it and what it read recorded after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../examples/helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced code blocks of `language` in the README section under `heading`. */
export function readmeSnippets(heading: string, language: string): string[] {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  const rest = README.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{2,${level}} `));
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp(`\`\`\`${language}\\n([^]*?)\`\`\``, 'g'))].map((m) => m[1]!);
}

const IMPORT = /^import .*;$/gm;

/** A snippet's body without its imports, in a block that records `names` into `readme[key]`. */
function block(snippet: string, key: string, names: string[]): string {
  const body = snippet.replace(IMPORT, '').trim();
  return `{\n${body}\nreadme.${key} = { ${names.join(', ')} };\n}`;
}

/** index.html and src/readme.js of a Vite app made of the README's snippets. */
export function readmeApp(): { html: string; script: string } {
  const [elementHtml] = readmeSnippets('### The element', 'html');
  const [listener, workerSnippet] = readmeSnippets('### The element', 'js');
  const [classifyLine, preprocessLine] = readmeSnippets('### `classify()`', 'ts');
  const [readNumberLine] = readmeSnippets('### `readNumber()`', 'ts');
  const imports = new Set([classifyLine, preprocessLine, readNumberLine].flatMap((s) => s!.match(IMPORT) ?? []));
  // The worker snippet uses names the other snippets import, or not.
  const missing = ['loadClassifier', 'readNumber'].filter(
    (name) => ![...imports].some((line) => new RegExp(`\\b${name}\\b`).test(line)),
  );
  if (missing.length > 0) imports.add(`import { ${missing.join(', ')} } from 'digit-recognizer';`);
  const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>README snippets</title></head>
  <body>
${elementHtml}
    <script type="module" src="./src/readme.js"></script>
  </body>
</html>
`;
  const script = `${[...imports].join('\n')}
import { preprocess } from 'digit-recognizer';

const readme = {};
const blobOf = async (url) => (await fetch(url)).blob();
const fileInput = { files: [await blobOf(new URL('./seven.png', import.meta.url))] };
const photo = await blobOf(new URL('./photo.jpg', import.meta.url));
const photoOfAPostcode = await blobOf(new URL('./number.jpg', import.meta.url));
customElements.whenDefined('digit-recognizer').then(() => {
  // The listener snippet, then ours, which sees the same event.
  const element = document.querySelector('digit-recognizer');
  ${listener!.trim().replace(/\n/g, '\n  ')}
  element.addEventListener('prediction', (event) => (readme.event = event.detail.digit));
  element.addFiles([photo]);
});
${block(classifyLine!, 'classify', ['digit', 'uncertain'])}
${block(preprocessLine!, 'preprocess', ['box', 'surface'])}
${block(readNumberLine!, 'readNumber', ['text', 'digits'])}
${block(workerSnippet!, 'worker', ['digit', 'text', 'inWorker'])}
window.readmeResults = readme;
`;
  return { html, script };
}
