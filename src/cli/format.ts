/** One output line per file: plain text, JSON Lines or CSV. */
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
export function header(format: Format, number: boolean): string | null {
  return format === 'csv' ? `file,${number ? 'text' : 'digit'},confidence,uncertain,error` : null;
}

export function formatResult(result: FileResult, format: Format): string {
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
