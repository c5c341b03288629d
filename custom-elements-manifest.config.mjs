// Custom Elements Manifest (https://custom-elements-manifest.open-wc.org/): `npm run analyze`
// reads the element's JSDoc (@fires, @csspart, @cssprop, @summary) and its Lit properties, and
// writes custom-elements.json at the package root, where package.json's "customElements" points.
// Storybook's controls and docs tables come from it.

const TAG = 'digit-recognizer';
const CLASS = 'DigitRecognizerElement';

/**
 * Tidies the manifest for its readers (IDEs, Storybook):
 * - the tag: the element is registered by `defineDigitRecognizer()` in another module, a call the
 *   analyzer cannot follow, so the class gets its tag here (a `@tagname` JSDoc tag does the same);
 * - private members (`_cards`, `_onDrop`, …) are left out: they are not API;
 * - an event found from a `dispatchEvent(new X())` call without a name is dropped when `@fires`
 *   already documents that event class under its name.
 */
function tidyManifest() {
  return {
    name: 'digit-recognizer:tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          if (decl.members)
            decl.members = decl.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('_'));
          if (decl.name !== CLASS) continue;
          if (!decl.tagName) {
            decl.tagName = TAG;
            decl.customElement = true;
            mod.exports = [
              ...(mod.exports ?? []),
              { kind: 'custom-element-definition', name: TAG, declaration: { name: CLASS, module: mod.path } },
            ];
          }
          if (decl.events) {
            const named = new Set(decl.events.filter((e) => e.name).map((e) => e.type?.text));
            decl.events = decl.events.filter((e) => e.name || !named.has(e.type?.text));
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/element/**/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tidyManifest()],
};
