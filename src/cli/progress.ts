import type { CliIo } from './io.js';

/** A one-line progress display on stderr. */
export interface Progress {
  update(done: number, total: number | undefined): void;
  /** Clears the line. */
  end(): void;
}

const silent: Progress = { update() {}, end() {} };

/** At most this often the line is redrawn; a redraw per network chunk would flood the terminal. */
const redrawMs = 100;

/**
 * Progress for long work (downloads, imports): only on a terminal and without --quiet, so logs
 * and pipes never get carriage returns. `unit` `bytes` shows MB, `items` shows counts.
 */
export function createProgress(io: CliIo, quiet: boolean, label: string, unit: 'bytes' | 'items'): Progress {
  if (quiet || io.stderr.isTTY !== true) return silent;
  let last = 0;
  let drawn = false;
  const amount = (value: number): string => (unit === 'bytes' ? `${(value / 1024 / 1024).toFixed(1)} MB` : String(value));
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < redrawMs && (total === undefined || done < total)) return;
      last = now;
      drawn = true;
      const share = total === undefined || total === 0 ? '' : ` ${Math.min(100, Math.floor((done / total) * 100))}%`;
      io.stderr.write(`\r\u001b[2K${label}${share} ${amount(done)}${total === undefined ? '' : ` / ${amount(total)}`}`);
    },
    end() {
      if (drawn) io.stderr.write('\r\u001b[2K');
    },
  };
}
