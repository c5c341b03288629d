/**
 * `<digit-recognizer>`, one story per state a user meets. Controls, and the tables of attributes,
 * events, CSS parts and custom properties, come from custom-elements.json (`npm run analyze`).
 * Images are fed through the element's public `addFiles()`, exactly as a chosen file would be.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/element.js';
import type { DigitRecognizerMode, ShowProbabilities } from '../src/element.js';
import { HANGING_MODEL_URL, OFFLINE_MODEL_URL, drawOnPad, fixture, recognizerIn, waitForState } from './support.js';

/** The story's args: the element's attributes by their names, and its CSS custom properties. */
interface Args {
  mode?: DigitRecognizerMode;
  multiple?: boolean;
  'max-files'?: number;
  'model-url'?: string;
  'show-probabilities'?: ShowProbabilities;
  'show-model-input'?: boolean;
  'uncertain-below'?: number;
  'draw-debounce'?: number;
  name?: string;
  disabled?: boolean;
  label?: string;
  'drop-label'?: string;
  'draw-label'?: string;
  'clear-label'?: string;
  'uncertain-label'?: string;
  camera?: boolean;
  onPrediction?: (event: Event) => void;
  onNumber?: (event: Event) => void;
  onDigitError?: (event: Event) => void;
  onDigitClear?: (event: Event) => void;
  [customProperty: `--${string}`]: string | undefined;
}

/** The args that are CSS custom properties, as a style object. */
function customProperties(args: Args): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key.startsWith('--') && typeof value === 'string' && value !== '') style[key] = value;
  }
  return style;
}

/** Property names that have an attribute: their controls would duplicate the attribute's. */
const PROPERTIES_WITH_ATTRIBUTES = [
  'mode',
  'multiple',
  'maxFiles',
  'modelUrl',
  'showProbabilities',
  'showModelInput',
  'uncertainBelow',
  'drawDebounce',
  'name',
  'disabled',
  'label',
  'dropLabel',
  'drawLabel',
  'clearLabel',
  'uncertainLabel',
  'camera',
];

const meta = {
  title: 'Components/digit-recognizer',
  component: 'digit-recognizer',
  render: (args) => html`
    <digit-recognizer
      mode=${ifDefined(args.mode)}
      ?multiple=${args.multiple ?? false}
      max-files=${ifDefined(args['max-files'])}
      model-url=${ifDefined(args['model-url'])}
      show-probabilities=${ifDefined(args['show-probabilities'])}
      ?show-model-input=${args['show-model-input'] ?? false}
      uncertain-below=${ifDefined(args['uncertain-below'])}
      draw-debounce=${ifDefined(args['draw-debounce'])}
      name=${ifDefined(args.name)}
      ?disabled=${args.disabled ?? false}
      label=${ifDefined(args.label)}
      drop-label=${ifDefined(args['drop-label'])}
      draw-label=${ifDefined(args['draw-label'])}
      clear-label=${ifDefined(args['clear-label'])}
      uncertain-label=${ifDefined(args['uncertain-label'])}
      ?camera=${args.camera ?? false}
      style=${styleMap(customProperties(args))}
      @prediction=${args.onPrediction ?? nothing}
      @number=${args.onNumber ?? nothing}
      @digit-error=${args.onDigitError ?? nothing}
      @digit-clear=${args.onDigitClear ?? nothing}
    ></digit-recognizer>
  `,
  argTypes: {
    ...Object.fromEntries(PROPERTIES_WITH_ATTRIBUTES.map((name) => [name, { table: { disable: true } }])),
    mode: { control: 'inline-radio', options: ['both', 'upload', 'draw', 'number'] },
    'show-probabilities': { control: 'inline-radio', options: ['top3', 'all', 'none'] },
    'uncertain-below': { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
  },
  // On the docs page too, run each story's play function, so results show there as well.
  parameters: { layout: 'padded', docs: { story: { autoplay: true } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Nothing chosen yet: the drop zone and the drawing pad wait for a digit. */
export const Empty: Story = {};

/**
 * The model is downloading (here, from a URL that never answers, so the state stays on screen).
 * The shipped model is 150 KB and usually loads in well under a second.
 */
export const ModelLoading: Story = {
  args: { 'model-url': HANGING_MODEL_URL },
};

/** A photo of a 7, chosen by the user: the digit, its confidence and the top three bars. */
export const Result: Story = {
  args: { mode: 'upload', 'show-model-input': true },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    element.addFiles([await fixture('seven.png')]);
    await waitForState(element, ['result']);
  },
};

/**
 * A result under `uncertain-below` confidence: the best guess is shown, marked "Not sure". Here
 * `uncertain-below` is 1, so even this clear 7 is; the default is 0.7.
 */
export const Uncertain: Story = {
  args: { mode: 'upload', 'show-probabilities': 'all', 'uncertain-below': 1 },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    element.addFiles([await fixture('seven.png')]);
    await waitForState(element, ['result']);
  },
};

/**
 * A smudge, not a digit: "This doesn't look like a digit" instead of a guess, and the form value
 * leaves it out. Ink that fills its box is never a handwritten digit; the model's "not a digit"
 * output catches letters, symbols and doodles too.
 */
export const NotADigit: Story = {
  args: { mode: 'upload', name: 'digit' },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    element.addFiles([await fixture('smudge.png')]);
    await waitForState(element, ['result']);
  },
};

/** With `multiple`, each image gets a card; the form value is every digit in order ("372"). */
export const SeveralImages: Story = {
  args: { mode: 'upload', multiple: true, name: 'digits' },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    element.addFiles(await Promise.all([fixture('three.png'), fixture('seven.png'), fixture('two.png')]));
    await waitForState(element, ['result']);
  },
};

/** A PDF renamed `scan.png`: the card says the file could not be read as an image. */
export const UnreadableFile: Story = {
  args: { mode: 'upload' },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    element.addFiles([await fixture('scan.png')]);
    await waitForState(element, ['error']);
  },
};

/**
 * The model could not be downloaded (here, as if offline): the element asks to check the
 * connection, and "Retry" loads it again. A new image retries too.
 */
export const ModelUnavailable: Story = {
  args: { 'model-url': OFFLINE_MODEL_URL },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    await waitForState(element, ['error']);
  },
};

/**
 * `mode="number"`: each image holds a whole number (a postal code, a meter reading). The digits
 * found are outlined over the preview, touching ones cut apart; the form value is the number.
 */
export const NumberMode: Story = {
  args: { mode: 'number', name: 'postcode' },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    element.addFiles([await fixture('number.png')]);
    await waitForState(element, ['result']);
  },
};

/**
 * `camera`: a "Use the camera" button next to the other intakes. The live preview shows a guide
 * box; the digit held inside it is read many times a second and shown over the video once three
 * frames in a row agree, and "Keep this" keeps the frame as a result card. Press the button: the
 * browser asks for the camera (pages must be https or localhost); refused, the element says so
 * and the photo and drawing intakes keep working.
 */
export const Camera: Story = {
  args: { camera: true, mode: 'upload' },
};

/** `mode="draw"`: a pad for mouse, pen or touch; here a 1 is drawn for you. Draw over it. */
export const Drawing: Story = {
  args: { mode: 'draw', 'show-model-input': true },
  play: async ({ canvasElement }) => {
    const element = await recognizerIn(canvasElement);
    drawOnPad(element, [
      [120, 80],
      [150, 50],
      [150, 110],
      [150, 170],
      [150, 230],
    ]);
    await waitForState(element, ['result']);
  },
};

/** Themed with the `--digit-recognizer-*` custom properties (all are in the Controls panel). */
export const Themed: Story = {
  args: {
    mode: 'upload',
    '--digit-recognizer-font': "Georgia, 'Times New Roman', serif",
    '--digit-recognizer-accent': '#7c2d12',
    '--digit-recognizer-background': '#fff7ed',
    '--digit-recognizer-surface': '#ffedd5',
    '--digit-recognizer-bar-track': '#fed7aa',
    '--digit-recognizer-border': '#9a3412',
    '--digit-recognizer-radius': '2px',
  },
  play: Result.play,
};

/**
 * The dark palette. The element follows `prefers-color-scheme` by itself; here, for a dark page on
 * a light system, the same colors are set with the custom properties.
 */
export const Dark: Story = {
  args: {
    mode: 'both',
    '--digit-recognizer-background': '#16181d',
    '--digit-recognizer-foreground': '#eceff4',
    '--digit-recognizer-muted': '#b9bfc9',
    '--digit-recognizer-surface': '#22262d',
    '--digit-recognizer-border': '#6b7380',
    '--digit-recognizer-accent': '#a8c7fa',
    '--digit-recognizer-accent-foreground': '#062e6f',
    '--digit-recognizer-bar-track': '#3a404a',
    '--digit-recognizer-error': '#ffb4ab',
    '--digit-recognizer-uncertain': '#ffd08a',
  },
  decorators: [(story) => html`<div style="color-scheme: dark; background: #0f1115; padding: 1rem">${story()}</div>`],
  parameters: { backgrounds: { disable: true } },
  play: Result.play,
};
