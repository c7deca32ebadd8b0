/**
 * A batch's progress on stderr: redrawn in place on a terminal, a line every
 * few seconds otherwise (logs, CI).
 */
const WIDTH = 30;
const PLAIN_EVERY_MS = 5000;

export interface Progress {
  done: number;
  total: number;
  routed: number;
  failed: number;
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastPlain = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(progress: Progress, final = false): void {
    const line = render(progress, (Date.now() - this.started) / 1000);
    if (this.out.isTTY) {
      this.out.write(`\r${line}${final ? '\n' : ''}`);
    } else if (final || Date.now() - this.lastPlain >= PLAIN_EVERY_MS) {
      this.lastPlain = Date.now();
      this.out.write(`${line}\n`);
    }
  }
}

export function render({ done, total, routed, failed }: Progress, seconds: number): string {
  const share = total > 0 ? done / total : 1;
  const filled = Math.round(share * WIDTH);
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ` +
    `${n(done)}/${n(total)} parcels · ${n(routed)} routed · ${n(failed)} failed · ${n(rate)}/s`
  );
}
