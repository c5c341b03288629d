/** BENCHMARKS.md's comparison with a plain TensorFlow.js stack: its table and its SVG chart. */
import { figure, kb, ms, table } from './format.js';
import type { AccuracyFigure, BenchResults, ColdStart, Comparison, SpeedResult } from './types.js';

/** Where run.ts writes the comparison chart, relative to the repository root. */
export const CHART_PATH = 'scripts/bench/chart-comparison.svg';

/** Mean accuracy over the photo-like kinds both stacks ran. */
function kindsMean(kinds: Record<string, AccuracyFigure>): AccuracyFigure {
  const list = Object.values(kinds);
  const count = list.reduce((s, k) => s + k.count, 0);
  const correct = list.reduce((s, k) => s + k.correct, 0);
  return { count, correct, accuracy: count > 0 ? correct / count : 0, uncertain: 0, errors: 0 };
}

interface ComparedFigure {
  name: string;
  ours: number;
  naive: number;
  unit: 'ms' | 'KB' | 'images/s' | '%';
  /** True when a larger number is better. */
  higherBetter: boolean;
}

export function comparedFigures(c: Comparison, speed: SpeedResult, cold: ColdStart): ComparedFigure[] {
  const n = c.naive;
  return [
    {
      name: 'page start → first answer',
      ours: cold.median,
      naive: n.coldStart.median,
      unit: 'ms',
      higherBetter: false,
    },
    {
      name: 'download before first answer (gzip)',
      ours: cold.totalGzip / 1024,
      naive: n.coldStart.totalGzip / 1024,
      unit: 'KB',
      higherBetter: false,
    },
    {
      name: 'warm classify, 28×28 canvas',
      ours: speed.canvas28.median,
      naive: n.canvas28.median,
      unit: 'ms',
      higherBetter: false,
    },
    {
      name: 'warm classify, 1200×900 photo',
      ours: speed.photo1200x900.median,
      naive: n.photo1200x900.median,
      unit: 'ms',
      higherBetter: false,
    },
    {
      name: 'batch of 100 (28×28)',
      ours: speed.batchImagesPerSecond,
      naive: n.batchImagesPerSecond,
      unit: 'images/s',
      higherBetter: true,
    },
    {
      name: 'MNIST on a white canvas',
      ours: c.ours.mnist.accuracy * 100,
      naive: n.mnist.accuracy * 100,
      unit: '%',
      higherBetter: true,
    },
    {
      name: 'photo-like kinds (mean)',
      ours: kindsMean(c.ours.kinds).accuracy * 100,
      naive: kindsMean(n.kinds).accuracy * 100,
      unit: '%',
      higherBetter: true,
    },
  ];
}

const valueText = (v: number, unit: ComparedFigure['unit']): string =>
  unit === '%'
    ? `${v.toFixed(1)}%`
    : unit === 'ms'
      ? ms(v)
      : unit === 'KB'
        ? `${v.toFixed(0)} KB`
        : `${v.toFixed(0)} images/s`;

/** "4.2× faster" / "12× smaller" / "+3.1 points": ours against the naive stack. */
export function ratioText(f: ComparedFigure): string {
  if (f.unit === '%') {
    const d = f.ours - f.naive;
    return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} points`;
  }
  const r = f.higherBetter ? f.ours / f.naive : f.naive / f.ours;
  const word = f.unit === 'KB' ? (r >= 1 ? 'smaller' : 'larger') : r >= 1 ? 'faster' : 'slower';
  const x = r >= 1 ? r : 1 / r;
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}× ${word}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A grouped horizontal bar chart of the comparison (each figure on its own scale), or null. */
export function renderComparisonChart(r: BenchResults): string | null {
  if (!r.comparison || !r.speed || !r.coldStart) return null;
  const figures = comparedFigures(r.comparison, r.speed, r.coldStart);
  const width = 760;
  const labelWidth = 280;
  const barMax = 330;
  const rowHeight = 58;
  const top = 56;
  const height = top + figures.length * rowHeight + 30;
  const colours = { ours: '#1f77b4', naive: '#d62728' };
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13">',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="600">digit-recognizer CDN bundle vs full tfjs + Keras-style CNN</text>`,
    `<rect x="16" y="34" width="12" height="12" fill="${colours.ours}"/><text x="34" y="45">digit-recognizer (ours)</text>`,
    `<rect x="210" y="34" width="12" height="12" fill="${colours.naive}"/><text x="228" y="45">naive: tf.min.js + 1.2M-parameter CNN</text>`,
  ];
  figures.forEach((f, i) => {
    const y = top + i * rowHeight;
    const max = f.unit === '%' ? 100 : Math.max(f.ours, f.naive);
    parts.push(`<text x="16" y="${y + 20}">${escapeXml(f.name)}</text>`);
    parts.push(
      `<text x="16" y="${y + 38}" fill="#555">${escapeXml(ratioText(f))} (${f.higherBetter ? 'higher' : 'lower'} is better)</text>`,
    );
    (['ours', 'naive'] as const).forEach((side, k) => {
      const v = f[side];
      const w = Math.max(1, (v / max) * barMax);
      const by = y + 6 + k * 22;
      parts.push(`<rect x="${labelWidth}" y="${by}" width="${w.toFixed(1)}" height="18" fill="${colours[side]}"/>`);
      parts.push(
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${by + 14}">${escapeXml(valueText(v, f.unit))}</text>`,
      );
    });
  });
  parts.push(
    `<text x="16" y="${height - 12}" fill="#555">Each row on its own scale. Headless Chromium ${escapeXml(r.machine.chromium)}, ` +
      `${escapeXml(r.machine.cpu)}, ${r.machine.cores} cores; ${escapeXml(r.machine.date)}.</text>`,
    '</svg>',
    '',
  );
  return parts.join('\n');
}

export function comparisonSection(r: BenchResults): string[] {
  const c = r.comparison;
  if (!c || !r.speed || !r.coldStart) return [];
  const points = (a: number, b: number): string => `${a >= b ? '+' : '−'}${(Math.abs(a - b) * 100).toFixed(1)} points`;
  const n = c.naive;
  const t = c.training;
  const figures = comparedFigures(c, r.speed, r.coldStart);
  const byKind = (cold: ColdStart, kind: string): string => {
    const k = cold.byKind[kind];
    return k ? kb(k.gzip) : '—';
  };
  const out = [
    '## 5. Side by side with the naive stack (issue 6)',
    '',
    'What a user would otherwise build: the full `@tensorflow/tfjs` 4.22 browser bundle ' +
      '(`node_modules/@tensorflow/tfjs/dist/tf.min.js`, its default backend) running the Keras-style CNN of the app ' +
      'this project grew out of — conv2d 32 3×3 relu → conv2d 64 3×3 relu → maxpool 2 → dropout 0.25 → flatten → ' +
      `dense 128 relu → dropout 0.5 → dense 10 softmax, ${(t?.parameters ?? 1199882).toLocaleString('en')} parameters, saved ` +
      'in tfjs layers format as float32 — with the preprocessing such apps do: stretch the image to 28×28 with ' +
      '`drawImage`, grayscale (mean of R, G, B) and `1 − gray`, i.e. assume dark ink on light paper. No polarity ' +
      'detection, no crop, no centring. Same Chromium, same server, same images. Pages: ' +
      '`scripts/bench/page/naive.html`, `naive.js`, `naive-first-answer.html`; model: `scripts/bench/naive-model.ts`.',
    '',
    `Both measured in the same run of \`${r.machine.command}\` on ${r.machine.cpu}, ${r.machine.cores} cores, ` +
      `headless Chromium ${r.machine.chromium} (section 7). ` +
      `Backend tfjs picked by default: **${n.backend}**` +
      (n.backend === 'webgl'
        ? " (with `--disable-gpu` and no GPU, that is WebGL on SwiftShader, Chromium's software rasteriser)"
        : '') +
      (n.speedBackend !== n.backend ? `; warm timings ran on ${n.speedBackend}` : '') +
      `. Ours runs on ${r.speed.backend}.`,
    '',
    `![Comparison chart](${CHART_PATH})`,
    '',
    table(
      ['figure', 'digit-recognizer (ours)', 'naive stack', 'ours vs naive'],
      figures.map((f) => [f.name, valueText(f.ours, f.unit), valueText(f.naive, f.unit), ratioText(f)]),
    ),
    '',
    'Timings: medians. Cold first answer: like `first-answer.html` (a 7 drawn on a 280×280 canvas, new browser ' +
      `context, cache off), median of ${n.coldStart.runs.length} visits (naive: ${n.coldStart.runs
        .map((x) => x.toFixed(0))
        .join(
          ', ',
        )} ms; its answer: ${n.coldStart.answerDigit ?? '?'}${n.coldStart.answerCorrect ? ', right' : ', **wrong** (the 7 is stretched, not cropped)'}). Warm timings of the naive ` +
      'stack use random weights (speed does not depend on them) on the same inputs as section 3, preprocessing ' +
      'included; each call awaits its answer (`data()`).',
    '',
    '### Download before the first answer, gzip, by kind',
    '',
    table(
      ['kind', 'ours', 'naive stack'],
      [
        ...['js', 'wasm', 'model json', 'weights'].map((kind) => [
          kind,
          byKind(r.coldStart!, kind),
          kind === 'wasm' && !n.coldStart.byKind.wasm ? 'none' : byKind(n.coldStart, kind),
        ]),
        ['**total**', `**${kb(r.coldStart.totalGzip)}**`, `**${kb(n.coldStart.totalGzip)}**`],
        ['total, uncompressed', kb(r.coldStart.totalBytes), kb(n.coldStart.totalBytes)],
      ],
    ),
    '',
    '### Accuracy on the same images',
    '',
    `MNIST: ${c.mnistCount.toLocaleString('en')} test digits spread evenly over the 10,000, drawn dark on a white 28×28 ` +
      `canvas (a drawing pad), through each stack's whole pipeline. Kinds: ${c.perKind} images each (the first of every ` +
      `${Math.floor(10000 / Math.max(1, c.perKind))} test indices), made exactly as in section 2.`,
    '',
    table(
      ['images', 'ours', 'naive stack', 'difference'],
      [
        [
          'MNIST, dark on a white canvas',
          figure(c.ours.mnist),
          figure(n.mnist),
          points(c.ours.mnist.accuracy, n.mnist.accuracy),
        ],
        ...Object.keys(n.kinds).map((kind) => [
          kind,
          figure(c.ours.kinds[kind]!),
          figure(n.kinds[kind]!),
          points(c.ours.kinds[kind]!.accuracy, n.kinds[kind]!.accuracy),
        ]),
        [
          '**photo-like kinds, all**',
          figure(kindsMean(c.ours.kinds)),
          figure(kindsMean(n.kinds)),
          points(kindsMean(c.ours.kinds).accuracy, kindsMean(n.kinds).accuracy),
        ],
        ['reference: the naive model alone on MNIST values (no preprocessing)', '—', figure(n.modelOnly), '—'],
      ],
    ),
    '',
    "The naive pipeline hands the model exactly MNIST's own values for a dark-on-white 28×28 canvas (`1 − gray` " +
      'undoes the drawing), so its MNIST row equals the model-alone row. ' +
      'The naive model is only briefly trained (below), so its MNIST figure is a floor for that architecture, not its ' +
      'best; its misses on the photo-like kinds come mostly from the pipeline (a stretched, uncropped, ' +
      'never-recentred digit; light ink on dark read inverted), which more training does not fix.',
    '',
  ];
  const s = r.shippedTraining;
  out.push(
    '### Training',
    '',
    table(
      ['model', 'parameters', 'trained on', 'time', 'samples/s', 'where'],
      [
        ...(s
          ? [
              [
                'digit member of the shipped model (`models/mnist-cnn`)',
                s.parameters.toLocaleString('en'),
                `${s.epochs} epochs (from scratch, \`npm run train\`)`,
                `${(s.trainingSeconds / 60).toFixed(1)} min`,
                s.samplesPerSecond.toFixed(0),
                '`models/mnist-cnn/metrics.json`',
              ],
            ]
          : []),
        ...(t
          ? [
              [
                'naive model (`.cache/naive-model`, gitignored)',
                t.parameters.toLocaleString('en'),
                `${t.samples.toLocaleString('en')} samples (${t.epochs.toFixed(2)} epoch), ${t.optimizer}, batch ${t.batchSize}`,
                `${(t.seconds / 60).toFixed(1)} min`,
                t.samplesPerSecond.toFixed(0),
                `\`npx tsx scripts/bench/naive-model.ts\`, tfjs in Node, ${t.backend} backend`,
              ],
            ]
          : []),
      ],
    ),
    '',
  );
  if (t)
    out.push(
      `The naive model's weights: ${kb(t.weightBytes)} float32 (ours: ${kb(r.coldStart.byKind.weights?.bytes ?? NaN)}). ` +
        'Its training stops at one epoch or a time budget (`--seconds`, 240 by default), whichever comes first.',
      '',
    );
  return out;
}
