/** A one-line progress bar with loss, accuracy and time left; plain lines when not a TTY. */
export class Progress {
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(
    private readonly totalSteps: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(step: number, label: string, metrics: Record<string, string>): void {
    const fraction = Math.min(1, step / this.totalSteps);
    const elapsed = (Date.now() - this.started) / 1000;
    const left = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : NaN;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = '='.repeat(filled) + (filled < width ? '>' : '') + ' '.repeat(Math.max(0, width - filled - 1));
    const text =
      `${label} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      Object.entries(metrics)
        .map(([k, v]) => `${k} ${v}`)
        .join('  ') +
      `  ${formatDuration(left)} left`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${text.padEnd(this.stream.columns ? this.stream.columns - 1 : 100)}`);
    } else if (Date.now() - this.lastLine > 15000 || step === this.totalSteps) {
      this.stream.write(`${text}\n`);
      this.lastLine = Date.now();
    }
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
}
