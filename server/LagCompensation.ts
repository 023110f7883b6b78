// Lag compensation: a player's bullet is judged against the ships as that player's
// screen showed them while the bullet flew, rewound at most MAX_REWIND_MS, through
// the framework's rewind history. Bots' bullets, and shots whose render-time stamp
// cannot be trusted, see the live arena. A ship a bullet cannot reach is not looked
// up at all (RewindBounds): most are not, and the lookups were the step's main cost
// in a loaded server.
import type { Rewind } from "@colyseus/core";
import { MAX_REWIND_MS } from "../shared/constants.ts";
import { BULLET_REACH, liveSight, type BulletState, type SeenMotion, type ShipState, type Sight } from "../shared/world.ts";
import { type Box, RewindBounds } from "./RewindBounds.ts";

/** Where a ship out of a bullet's reach is said to be: far from every path. */
const NOWHERE: SeenMotion = { x0: 1e9, y0: 1e9, x1: 1e9, y1: 1e9 };

/** Whether the bullet's path this tick (from age - 1 to age) stays more than BULLET_REACH from every point of `box`. */
function outOfReach(bullet: BulletState, age: number, dt: number, box: Box): boolean {
  // bulletPosition's arithmetic, without its objects: this runs for every bullet and ship, every tick.
  const x0 = bullet.x + bullet.vx * (age - 1) * dt;
  const x1 = bullet.x + bullet.vx * age * dt;
  const y0 = bullet.y + bullet.vy * (age - 1) * dt;
  const y1 = bullet.y + bullet.vy * age * dt;
  return (
    Math.max(x0, x1) < box.minX - BULLET_REACH ||
    Math.min(x0, x1) > box.maxX + BULLET_REACH ||
    Math.max(y0, y1) < box.minY - BULLET_REACH ||
    Math.min(y0, y1) > box.maxY + BULLET_REACH
  );
}

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
  constructor(rewind: Rewind | null, dt: number, now: () => number, ships: () => Iterable<ShipState> = () => []) {
    this.now = now;
    this.rewinds = rewind !== null;
    const live = liveSight(dt);
    if (!rewind) {
      this.sight = live;
      return;
    }
    const tickMs = dt * 1000;
    const bounds = new RewindBounds(rewind, ships);
    this.sight = (bullet, age, target, bulletId, targetId) => {
      const firedAt = this.seenAt.get(bullet);
      if (firedAt === undefined) return live(bullet, age, target, bulletId, targetId);
      // Most ships are nowhere near a bullet: those are not looked up in the history (the hit test finds nothing either way).
      const box = bounds.of(target);
      if (box && outOfReach(bullet, age, dt, box)) return NOWHERE;
      const start = rewind.at(firedAt + (age - 1) * tickMs);
      const end = rewind.at(firedAt + age * tickMs);
      return { x0: start.value(target, "x"), y0: start.value(target, "y"), x1: end.value(target, "x"), y1: end.value(target, "y") };
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

  /** The bullet is gone (its instance goes back to the pool). */
  forget(bullet: BulletState): void {
    this.seenAt.delete(bullet);
  }
}
