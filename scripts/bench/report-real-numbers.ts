/** The report's section on real-looking numbers (issue 13), and its Summary rows. */
import { met, pct, table } from './format.js';
import type { RealKindResult, RealNumbersResult, RealNumbersRun } from './types-real-numbers.js';

/** Issue 13's targets: each kind read exactly, and wrong readings marked `uncertain`. */
const EXACT_TARGET = 0.93;
const FLAGGED_TARGET = 0.8;

const NAMES: Record<string, string> = {
  'cheque-amount': 'cheque amount',
  'boxed-form': 'boxed form',
  'number-on-page': 'number on a page',
  'sheet-askew': 'sheet held askew',
};

/** Kinds of our own, with no issue's target: measured, not judged. */
const UNTARGETED = new Set(['sheet-askew']);

const exactText = (k: RealKindResult): string => `${pct(k.exact / k.count, 1)} (${k.exact}/${k.count})`;
const inPlace = (k: RealKindResult): string => pct(k.digitsRight / Math.max(1, k.digits), 1);
const flagged = (k: RealKindResult): string =>
  k.wrong === 0 ? '—' : `${pct(k.wrongUncertain / k.wrong, 0)} (${k.wrongUncertain}/${k.wrong})`;

export function realNumbersSummaryRows(r: { realNumbers?: RealNumbersResult | null }): string[][] {
  const run = r.realNumbers?.test;
  if (!run) return [];
  return run.kinds.flatMap((k) => [
    [
      `\`readNumber()\`: ${NAMES[k.kind] ?? k.kind} read exactly (Node)`,
      exactText(k),
      UNTARGETED.has(k.kind) ? '—' : `≥ ${pct(EXACT_TARGET, 0)}`,
      UNTARGETED.has(k.kind) ? '—' : met(k.exact / k.count >= EXACT_TARGET),
    ],
    [
      `\`readNumber()\`: ${NAMES[k.kind] ?? k.kind}, wrong readings marked \`uncertain\``,
      flagged(k),
      UNTARGETED.has(k.kind) ? '—' : `≥ ${pct(FLAGGED_TARGET, 0)}`,
      UNTARGETED.has(k.kind) ? '—' : met(k.wrong === 0 || k.wrongUncertain / k.wrong >= FLAGGED_TARGET),
    ],
  ]);
}

function runTable(run: RealNumbersRun, before?: RealNumbersRun): string {
  return table(
    [
      'kind',
      'read exactly',
      'digits in place',
      'wrong ones `uncertain`',
      'rejected',
      'right but `uncertain`',
      'mean time',
      ...(before ? ['before (exact / in place / `uncertain`)'] : []),
    ],
    run.kinds.map((k) => {
      const b = before?.kinds.find((x) => x.kind === k.kind);
      return [
        NAMES[k.kind] ?? k.kind,
        exactText(k),
        inPlace(k),
        flagged(k),
        String(k.rejected),
        String(k.rightUncertain),
        `${k.meanMs.toFixed(0)} ms`,
        ...(before ? [b ? `${pct(b.exact / b.count, 1)} / ${inPlace(b)} / ${flagged(b)}` : '—'] : []),
      ];
    }),
  );
}

function groupTable(run: RealNumbersRun): string {
  const rows: string[][] = [];
  for (const k of run.kinds) {
    for (const [g, b] of Object.entries(k.groups).sort((x, y) => x[0].localeCompare(y[0], 'en', { numeric: true }))) {
      rows.push([NAMES[k.kind] ?? k.kind, g, String(b.count), pct(b.correct / b.count, 1)]);
    }
  }
  return table(['kind', 'variant', 'numbers', 'read exactly'], rows);
}

export function realNumbersSection(r: { realNumbers?: RealNumbersResult | null }): string[] {
  const x = r.realNumbers;
  if (!x) return [];
  const { test, validation, baseline } = x;
  const misreads = test.kinds
    .flatMap((k) =>
      k.misreads
        .slice(0, 4)
        .map(
          (m) =>
            `${m.text} → ${m.read || '(nothing)'}${m.uncertain ? ' (uncertain)' : ''} (${NAMES[k.kind] ?? k.kind})`,
        ),
    )
    .join(', ');
  return [
    '## 10. Real-looking numbers: cheques, forms, pages, sheets askew (issue 13)',
    '',
    'Numbers written with MNIST digits the way real ones come (test/fixtures/real-numbers/), read in Node with ' +
      `\`readNumber()\` of \`${test.entry}\`; every other image goes in as a JPEG file (quality 55–90), the rest as RGBA pixels. ` +
      '**Cheque amount**: 2–7 digits 34–72 px tall in an amount field over a coloured gradient tint, fine guilloche waves ' +
      '(one family or two crossing), micro-print rows and a tint screen on some, a printed box or underline, digits ' +
      'touching or joined along the baseline on some cheques, noise, turned ±2°. **Boxed form**: 3–9 digits one per printed ' +
      'box, in a comb, or on a ruled line (lines black, grey, drop-out red or blue), a digit too big for its box crossing its ' +
      'lines now and then, a printed label beside the field on half. **Number on a page**: a photo (900–1300 px wide) of a ' +
      'whole sheet, ruled or plain, with a 4–10 digit number 2–5% of the page tall, printed paragraphs, a shorter number ' +
      'written smaller, a signature, turned ±2° in perspective on a desk under uneven light. **Sheet held askew** (our own ' +
      'yardstick, no issue names it): a 3–8 digit number 6–13% of the photo tall, written level on a sheet photographed ' +
      'turned by −45…45° (held up to a webcam at a slant), the desk past its edges, uneven light. A number counts when its ' +
      'text is read exactly; "digits in place" is 1 − edit distance / digits; a rejection (`EMPTY_IMAGE`) counts as wrong.',
    '',
    `### Reported split: ${test.count} per kind, MNIST test digits, seeds from ${test.seedBase.toLocaleString('en')}`,
    '',
    runTable(test, baseline?.test),
    '',
    `### Validation split (tune on this one): ${validation.count} per kind, MNIST training digits, seeds from ${validation.seedBase.toLocaleString('en')}`,
    '',
    runTable(validation, baseline?.validation),
    '',
    ...(baseline
      ? [`"Before" is the baseline measured ${baseline.date}, before issue 13's changes to \`readNumber()\`.`, '']
      : []),
    '### By variant (reported split)',
    '',
    groupTable(test),
    '',
    `Some misreads (written → read): ${misreads}.`,
    '',
    'Run: `npx tsx scripts/bench/run.ts --update=real-numbers` (this section, both splits, into results.json; ' +
      '`--real-count=N` numbers per kind, `--as-baseline` to store the run as the baseline). Tune with ' +
      '`npx tsx scripts/bench/real-numbers.ts --split=validation --count=100 --src --sheet=/tmp/misreads.png`.',
    '',
  ];
}
