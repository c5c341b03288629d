/** BENCHMARKS.md's `readNumber()` section. */
import { figure, kb, met, ms, pct, table } from './format.js';
import { TARGETS, withinMs } from './report-targets.js';
import type { BenchResults } from './types.js';

/** BENCHMARKS.md's section on `readNumber()`: composed numbers, their accuracy and speed. */
export function readNumberSection(r: BenchResults): string[] {
  const a = r.readNumber;
  const sp = r.readNumberSpeed;
  if (!a && !sp) return [];
  const out = ['## 6. `readNumber()` (issue 7)', ''];
  if (a) {
    out.push(
      `Numbers composed from MNIST *test* digits with \`composeNumber()\` (\`test/fixtures/compose-number.ts\`): ${a.settings}. ` +
        `Each as luminance pixels through \`readNumber()\` of the built \`${a.entry}\`; a number counts when the whole ` +
        'text is read exactly. The same numbers were composed again with no touching pair (`touching: 0`) and with ' +
        'every pair touching (`touching: 1`).',
      '',
      table(
        ['figure', 'measured', 'target', 'met?'],
        [
          [
            'numbers read exactly',
            figure(a.numbers),
            `≥ ${pct(TARGETS.readNumberExact, 0)}`,
            met(a.numbers.accuracy >= TARGETS.readNumberExact),
          ],
          ...Object.entries(a.byLength).map(([k, v]) => [`— ${k}`, figure(v), '—', '—']),
          ['— with some pair of digits touching', figure(a.withTouchingPair), '—', '—'],
          ['— with no pair touching', figure(a.withoutTouchingPair), '—', '—'],
          ['same numbers, no pair touching', figure(a.noneTouching), '—', '—'],
          ['same numbers, every pair touching', figure(a.allTouching), '—', '—'],
          ['digits read right (1 − edit distance / digits)', figure(a.digits), '—', '—'],
        ],
      ),
      '',
    );
    if (a.checker)
      out.push(
        `Touching digits are cut where the segment checker (\`models/segment-checker\`, ` +
          `${a.checker.parameters.toLocaleString('en')} parameters, ${kb(a.checker.gzipBytes)} gzip, loaded by ` +
          '`readNumber()` only) and the digit model together find two whole digits more likely than one. The ' +
          `checker labels ${pct(a.checker.validationAccuracy)} of ${a.checker.validationPieces.toLocaleString('en')} ` +
          'held-out pieces right (one whole digit or not); it was trained on lines of MNIST *training* digits ' +
          `(\`${a.checker.command}\`), so the numbers above are new to it.`,
        '',
      );
    if (a.misreads.length > 0)
      out.push(
        'Some misreads (true → read): ' +
          a.misreads
            .map(
              (m) =>
                `${m.text} → ${m.read || '(nothing)'}${m.touching ? ' (touching)' : ''}${m.underline ? ' (underlined)' : ''}${m.specks ? ` (${m.specks} specks)` : ''}`,
            )
            .join(', ') +
          '.',
        '',
      );
  }
  if (sp)
    out.push(
      table(
        ['figure', 'measured', 'target', 'met?'],
        [
          [
            `warm \`readNumber()\` in Chromium, ${sp.text.length}-digit number (${sp.width}×${sp.height} canvas)`,
            `median ${ms(sp.timing.median)}, p10 ${ms(sp.timing.p10)}, p90 ${ms(sp.timing.p90)} (${sp.timing.runs} runs)`,
            `≤ ${TARGETS.readNumberMs} ms median`,
            met(withinMs(sp.timing.median, TARGETS.readNumberMs)),
          ],
          ['read as', `${sp.read} (true ${sp.text})`, '—', sp.read === sp.text ? 'right' : '**wrong**'],
        ],
      ),
      '',
      'The number is composed in Node (same generator, `touching: 0.15`) and drawn on a canvas in the bench page as ' +
        'grey pixels; `DigitRecognizer.readNumber(canvas)` of the CDN bundle, warm (after 10 calls).',
      '',
    );
  return out;
}
