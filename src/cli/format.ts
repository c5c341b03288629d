/** One output line per file (per line of digits with `--lines`): plain text, JSON Lines or CSV. */
import type { FileResult } from './protocol.js';

export type Format = 'text' | 'json' | 'csv';

function percent(confidence: number): string {
  return `${(confidence * 100).toFixed(1)}%`;
}

function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV header, or `null` for formats without one. */
export function header(format: Format, number: boolean, lines = false): string | null {
  if (format !== 'csv') return null;
  return lines
    ? 'file,line,text,confidence,uncertain,error'
    : `file,${number ? 'text' : 'digit'},confidence,uncertain,error`;
}

/** A file read with `--lines`: one output line per line of digits (none when it has none). */
function formatLines(result: FileResult, format: Format): string {
  const { file, lines = [], error } = result;
  if (error) {
    if (format === 'json') return JSON.stringify({ file, error });
    if (format === 'csv')
      return [file, undefined, undefined, undefined, undefined, `${error.code}: ${error.message}`]
        .map(csvField)
        .join(',');
    return `${file}: ${error.code} ${error.message}`;
  }
  return lines
    .map(({ text, confidence, uncertain }, i) => {
      const line = i + 1;
      if (format === 'json') return JSON.stringify({ file, line, text, confidence, uncertain });
      if (format === 'csv') return [file, line, text, confidence, uncertain, undefined].map(csvField).join(',');
      return `${file}:${line}: ${text} (${percent(confidence)}${uncertain ? ', not sure' : ''})`;
    })
    .join('\n');
}

/** `result` as output: one line, or with `lines` (`--lines`) one per line of digits read. */
export function formatResult(result: FileResult, format: Format, lines = false): string {
  if (lines) return formatLines(result, format);
  const { file, digit, text, confidence, uncertain, error } = result;
  const answer = text ?? digit;
  if (format === 'json') {
    if (error) return JSON.stringify({ file, error });
    return JSON.stringify({ file, ...(text !== undefined ? { text } : { digit }), confidence, uncertain });
  }
  if (format === 'csv') {
    const fields = [file, answer, confidence, uncertain, error ? `${error.code}: ${error.message}` : undefined];
    return fields.map(csvField).join(',');
  }
  if (error) return `${file}: ${error.code} ${error.message}`;
  return `${file}: ${String(answer)} (${percent(confidence ?? 0)}${uncertain ? ', not sure' : ''})`;
}
