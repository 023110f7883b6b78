// What the network panel, the HUD and the scoreboard show of the link: the round
// trip and its jitter, and how often prediction had to be corrected.
import type { ArenaRoom } from "./gameClient.ts";

/** How often the round trip is measured and reported for the scoreboard. */
const PING_INTERVAL_MS = 1000;
/** Weight of a new sample in the jitter average. */
const JITTER_SMOOTHING = 0.2;
/** Corrections are counted over this window for the per-second figure. */
const CORRECTION_WINDOW_MS = 5000;

export class LinkStats {
  /** Last measured network round trip in ms; null before the first. */
  pingMs: number | null = null;
  /** Round trips measured so far. */
  pings = 0;
  /** Average change between successive round trips, ms. */
  jitterMs = 0;
  /** Reconciles that had to correct our predicted ship. */
  corrections = 0;
  /** When recent corrections happened, for the per-second figure. */
  private readonly correctionTimes: number[] = [];

  /**
   * Measures the round trip with a WebSocket ping every second and reports it to
   * the server, until the room is left. room.clock's RTT runs from an input to its
   * acknowledgement, so it includes the wait for the next tick and patch; a ping
   * measures the network alone.
   */
  constructor(room: ArenaRoom) {
    const measure = () =>
      room.ping((ms) => {
        if (this.pingMs !== null) this.jitterMs += (Math.abs(ms - this.pingMs) - this.jitterMs) * JITTER_SMOOTHING;
        this.pingMs = ms;
        this.pings++;
        // Not while the SDK re-joins after a drop (see ArenaConnection.linkUp).
        if (!room.reconnection.isReconnecting) room.send("ping", { ms: Math.round(ms) });
      });
    measure();
    const pinger = setInterval(measure, PING_INTERVAL_MS);
    room.onLeave(() => clearInterval(pinger));
  }

  noteCorrection(now: number): void {
    this.corrections++;
    this.correctionTimes.push(now);
  }

  /** Corrections of our predicted ship per second, lately. */
  correctionsPerSecond(now: number): number {
    while (this.correctionTimes.length > 0 && now - this.correctionTimes[0]! > CORRECTION_WINDOW_MS) this.correctionTimes.shift();
    return this.correctionTimes.length / (CORRECTION_WINDOW_MS / 1000);
  }
}
