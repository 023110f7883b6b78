// What this process spends: fixed-step and patch-send times, CPU and memory.
// Read through GET /admin/metrics (behind the admin password) by `npm run loadtest`.

const SAMPLES = 4096;

class Timings {
  private readonly values = new Float64Array(SAMPLES);
  private count = 0;

  add(ms: number): void {
    this.values[this.count++ % SAMPLES] = ms;
  }

  /** Samples taken since the last reset, in every room of this process. */
  get total(): number {
    return this.count;
  }

  /** p50 and p99 of the latest samples, ms. */
  summary(): { p50: number; p99: number; samples: number } {
    const n = Math.min(this.count, SAMPLES);
    const sorted = Array.from(this.values.subarray(0, n)).sort((a, b) => a - b);
    const at = (q: number) => (n === 0 ? 0 : Math.round(sorted[Math.min(n - 1, Math.floor(q * n))]! * 1000) / 1000);
    return { p50: at(0.5), p99: at(0.99), samples: n };
  }

  reset(): void {
    this.count = 0;
  }
}

export const stepTimes = new Timings();
export const patchTimes = new Timings();

let cpuFrom = process.cpuUsage();
let cpuAt = performance.now();
let rssPeak = process.memoryUsage().rss;
setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 250).unref();

/** Figures since the last reset (CPU as % of one core). */
export function metrics() {
  const cpu = process.cpuUsage(cpuFrom);
  const elapsedMs = performance.now() - cpuAt;
  return {
    cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 1000) / 10,
    rssMB: Math.round(process.memoryUsage().rss / 1e5) / 10,
    rssPeakMB: Math.round(rssPeak / 1e5) / 10,
    stepMs: stepTimes.summary(),
    patchMs: patchTimes.summary(),
    steps: stepTimes.total,
    patches: patchTimes.total,
  };
}

export function resetMetrics(): void {
  cpuFrom = process.cpuUsage();
  cpuAt = performance.now();
  rssPeak = process.memoryUsage().rss;
  stepTimes.reset();
  patchTimes.reset();
}
