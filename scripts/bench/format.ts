/** Markdown helpers shared by the report's sections. */
import type { AccuracyFigure } from './types.js';

export const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;
export const ms = (x: number): string => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const met = (ok: boolean): string => (ok ? 'yes' : '**no**');

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function figure(a: AccuracyFigure): string {
  return `${pct(a.accuracy)} (${a.correct}/${a.count})`;
}
