// What this process does and spends, in two forms:
// - Prometheus metrics (prom-client) at GET /metrics, behind the admin password:
//   rooms, players, spectators, joins and refusals by reason, kicks by close code,
//   messages in and bytes out, fixed-step and patch-send time histograms, and
//   Node's default metrics (event-loop lag, heap, GC, CPU).
// - A JSON summary at GET /admin/metrics (p50/p99, CPU, memory, with a reset) that
//   `npm run loadtest`, `bench` and `soak` read for their reports.
import { matchMaker } from "@colyseus/core";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

new Gauge({
  name: "skirmish_rooms",
  help: "Rooms hosted by this process (arena and lobby).",
  registers: [registry],
  collect() {
    this.set(matchMaker.stats.local.roomCount);
  },
});
export const playersInRooms = new Gauge({
  name: "skirmish_players",
  help: "Players with a ship in this process's rooms (held seats included).",
  registers: [registry],
});
export const spectatorsInRooms = new Gauge({ name: "skirmish_spectators", help: "Spectators watching this process's rooms.", registers: [registry] });
export const joins = new Counter({ name: "skirmish_joins_total", help: "Completed joins, by kind.", labelNames: ["kind"] as const, registers: [registry] });
export const refusals = new Counter({
  name: "skirmish_join_refusals_total",
  help: "Joins and matchmaking requests refused, by reason.",
  labelNames: ["reason"] as const,
  registers: [registry],
});
export const kicks = new Counter({
  name: "skirmish_kicks_total",
  help: "Connections the server closed, by close code.",
  labelNames: ["code"] as const,
  registers: [registry],
});
export const messagesIn = new Counter({ name: "skirmish_messages_in_total", help: "WebSocket messages received by rooms.", registers: [registry] });
export const bytesOut = new Counter({
  name: "skirmish_bytes_out_total",
  help: "Bytes sent to clients over room WebSockets (patches, messages, handshakes).",
  registers: [registry],
});
const MS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 33];
const stepSeconds = new Histogram({
  name: "skirmish_fixed_step_seconds",
  help: "Time one fixed step of a room takes.",
  buckets: MS_BUCKETS.map((ms) => ms / 1000),
  registers: [registry],
});
const patchSeconds = new Histogram({
  name: "skirmish_patch_send_seconds",
  help: "Time one room takes to encode and send a patch.",
  buckets: MS_BUCKETS.map((ms) => ms / 1000),
  registers: [registry],
});

const SAMPLES = 4096;

class Timings {
  private readonly values = new Float64Array(SAMPLES);
  private count = 0;
  private readonly histogram: Histogram;

  constructor(histogram: Histogram) {
    this.histogram = histogram;
  }

  add(ms: number): void {
    this.values[this.count++ % SAMPLES] = ms;
    this.histogram.observe(ms / 1000);
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

export const stepTimes = new Timings(stepSeconds);
export const patchTimes = new Timings(patchSeconds);

let cpuFrom = process.cpuUsage();
let cpuAt = performance.now();
let rssPeak = process.memoryUsage().rss;
setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 250).unref();

/** Figures since the last reset (CPU as % of one core), for the load scripts. */
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
