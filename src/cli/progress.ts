/** The progress bar on a terminal (count, rate, time left) and the summary at the end. */

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export class Progress {
  private readonly started = performance.now();
  private done = 0;
  private failed = 0;
  private lastDraw = 0;

  /** `stream` gets the bar only when it is a terminal. */
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  /** Seconds since the start. */
  get elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Counts one finished file and redraws the bar, at most ten times a second. */
  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    const now = performance.now();
    if (this.done === this.total || now - this.lastDraw > 100) {
      this.lastDraw = now;
      this.draw();
    }
  }

  /** Removes the bar, so a result line can be printed in its place. */
  clear(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }

  /** Draws the bar again after {@link clear}. */
  draw(): void {
    if (!this.enabled) return;
    const width = 24;
    const share = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(share * width);
    const rate = this.done / Math.max(this.elapsed, 1e-3);
    const left = rate > 0 ? (this.total - this.done) / rate : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.stream.write(
      `\r\x1b[K${bar} ${this.done}/${this.total} · ${rate.toFixed(1)} images/s · ${clock(left)} left` +
        (this.failed > 0 ? ` · ${this.failed} failed` : ''),
    );
  }

  /** The last words: how many were read, how fast, and how many failed. */
  summary(): string {
    const read = this.done - this.failed;
    const rate = this.done / Math.max(this.elapsed, 1e-3);
    return (
      `Read ${read} of ${this.total} file${this.total === 1 ? '' : 's'} in ${this.elapsed.toFixed(1)} s ` +
      `(${rate.toFixed(1)} images/s)` +
      (this.failed > 0 ? `; ${this.failed} could not be read.` : '.')
    );
  }
}
