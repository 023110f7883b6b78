// A read-only window into the running game for browser tests: they wait on
// game state through it instead of sleeping.

export interface ProbeShip {
  id: string;
  name: string;
  own: boolean;
  bot: boolean;
  away: boolean;
  x: number;
  y: number;
  alive: boolean;
  health: number;
  kos: number;
  deaths: number;
}

export interface ProbeSnapshot {
  ready: boolean;
  frames: number;
  renderer: "webgl" | "canvas";
  sessionId: string | null;
  roomCode: string | null;
  status: string;
  round: number;
  phase: string;
  ships: readonly ProbeShip[];
  /** Kill feed lines as shown, newest first. */
  feed: readonly string[];
  /** What the network panel measures, whether or not it is open. */
  net: {
    panelOpen: boolean;
    rttMs: number | null;
    inputsPerSecond: number;
    upBytesPerSecond: number;
    patchesPerSecond: number;
    downBytesPerSecond: number;
    simulatedRttMs: number;
    corrections: number;
  };
}

declare global {
  interface Window {
    __probe?: Readonly<ProbeSnapshot>;
  }
}

/** Publishes a frozen snapshot each frame, so page scripts can read but never steer the game. */
export function publishProbe(snapshot: ProbeSnapshot): void {
  window.__probe = Object.freeze({
    ...snapshot,
    ships: Object.freeze(snapshot.ships.map((ship) => Object.freeze({ ...ship }))),
    feed: Object.freeze([...snapshot.feed]),
    net: Object.freeze({ ...snapshot.net }),
  });
}
