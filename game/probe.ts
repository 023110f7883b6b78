// A read-only window into the running game for browser tests: they wait on
// game state through it instead of sleeping.
import type { ShipView } from "./connection.ts";

export interface ProbeSnapshot {
  ready: boolean;
  frames: number;
  renderer: "webgl" | "canvas" | "none";
  sessionId: string | null;
  status: string;
  ships: ReadonlyArray<Readonly<Pick<ShipView, "id" | "name" | "own" | "x" | "y">>>;
}

declare global {
  interface Window {
    __probe?: Readonly<ProbeSnapshot>;
  }
}

/** Publishes a frozen snapshot each frame, so page scripts can read but never steer the game. */
export function publishProbe(snapshot: ProbeSnapshot): void {
  const ships = Object.freeze(snapshot.ships.map(({ id, name, own, x, y }) => Object.freeze({ id, name, own, x, y })));
  window.__probe = Object.freeze({ ...snapshot, ships });
}
