// Lag compensation: a player's bullet is judged against the ships as that player's
// screen showed them while the bullet flew, rewound at most MAX_REWIND_MS, through
// the framework's rewind history. Bots' bullets, and shots whose render-time stamp
// cannot be trusted, see the live arena. The rules look up only the ships a bullet
// can reach (RewindBounds keeps where each can be rewound to): most cannot, and the
// lookups were the step's main cost in a loaded server.
import type { Rewind } from "@colyseus/core";
import { MAX_REWIND_MS } from "../shared/constants.ts";
import { enclosingBox } from "../shared/geometry.ts";
import { liveSight, type BulletState, type ShipState, type Sight } from "../shared/world.ts";
import { RewindBounds } from "./RewindBounds.ts";

export class LagCompensation {
  /** How a bullet sees its target in a given tick of its flight; the world step asks this. */
  readonly sight: Sight;
  /** When (server ms) each player's shot saw the world: the render time of the input that fired it. */
  private readonly seenAt = new WeakMap<BulletState, number>();
  private readonly now: () => number;
  private readonly rewinds: boolean;

  /**
   * `rewind` is the room's rewind history of the ships' positions (`ships`, the ships it
   * samples); null judges every shot live (for comparison).
   */
  constructor(rewind: Rewind | null, dt: number, now: () => number, ships: () => Iterable<ShipState>) {
    this.now = now;
    this.rewinds = rewind !== null;
    const live = liveSight(dt);
    if (!rewind) {
      this.sight = live;
      return;
    }
    const tickMs = dt * 1000;
    const bounds = new RewindBounds(rewind, ships);
    this.sight = {
      see: (bullet, age, target, bulletId, targetId) => {
        const firedAt = this.seenAt.get(bullet);
        if (firedAt === undefined) return live.see(bullet, age, target, bulletId, targetId);
        const start = rewind.at(firedAt + (age - 1) * tickMs);
        const end = rewind.at(firedAt + age * tickMs);
        return { x0: start.value(target, "x"), y0: start.value(target, "y"), x1: end.value(target, "x"), y1: end.value(target, "y") };
      },
      // A bullet sees the ship live, or rewound: in its history's box, or, with no history yet, where it is.
      bounds: (target) => {
        const rewound = bounds.of(target);
        return rewound ? enclosingBox(live.bounds(target), rewound) : live.bounds(target);
      },
    };
  }

  /**
   * A player fired `bullet` with an input stamped with the render time `stamp`.
   * The stamp comes off the wire: only a real instant within MAX_REWIND_MS of now
   * is rewound to (clamped into that window); a garbled or hostile one leaves the
   * shot judged live rather than looked up at an arbitrary time. Returns whether
   * the shot will be judged where its shooter saw the ships.
   */
  noteShot(bullet: BulletState, stamp: number): boolean {
    if (!this.rewinds || !Number.isFinite(stamp) || stamp <= 0) return false;
    const now = this.now();
    this.seenAt.set(bullet, Math.min(now, Math.max(now - MAX_REWIND_MS, stamp)));
    return true;
  }
}
