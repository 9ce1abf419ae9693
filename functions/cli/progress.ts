import type { AnalysisProgress } from '../core/analysis';
import type { CliIo } from './io';

const INTERVAL_MS = 150;

/** A one-line progress indicator on stderr, redrawn at most every 150 ms; silent off a terminal. */
export function progressReporter(io: CliIo, label: string) {
  let last = 0;
  let shown = false;
  return {
    update(p: AnalysisProgress): void {
      if (!io.isTTY) return;
      const now = Date.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      shown = true;
      const mb = (p.bytes / 1e6).toFixed(1);
      io.stderr.write(
        `\r\x1b[K${label}: ${mb} MB read, ${p.records.toLocaleString('en-US')} records`,
      );
    },
    done(): void {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
