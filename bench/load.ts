import { performance } from 'node:perf_hooks';

export interface LoadResult {
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `operation` from `concurrency` loops for `seconds`, printing progress each second. */
export async function sustain(label: string, operation: (i: number) => Promise<boolean>, { concurrency, seconds }: { concurrency: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let issued = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const progress = setInterval(() => process.stdout.write(`  ${label}: ${latencies.length} done, ${failed} failed\r`), 1000);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await operation(issued++).catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else failed += 1;
      }
    }),
  );
  clearInterval(progress);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { completed: latencies.length, failed, seconds: elapsed, perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

export function describe(label: string, r: LoadResult): string {
  return `${label}: ${r.perSecond.toFixed(0)}/s over ${r.seconds.toFixed(1)} s (${r.completed} ok, ${r.failed} failed), p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`;
}
