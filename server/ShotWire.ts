// Puts the room's shots on the wire. Bullets themselves are the server's (the state
// does not send them): a bullet never changes after it is fired, so a client draws
// it from its shot, which the shooter's ship carries (schema.ts's shot fields).
// Where the server stops a bullet, a client sees the rest: its walls and the end of
// its flight from the layout and the tick, a ship it struck from the shooter's
// `shotStopped`, its shooter leaving, and a round's end. A shot costs a patch some
// ten bytes; the bullet as an entity of its own cost some fifty, and more to remove.
import type { ArenaState } from "../shared/schema.ts";
import { packShot, SHOT_TICKS, type ShotOnWire } from "../shared/shotField.ts";
import type { WorldEvent } from "../shared/world.ts";

/**
 * What a shooter's ship tells the clients about its bullets: a shot (where and how
 * it flew off, and when), or a stop (which of its bullets a ship stopped).
 */
type Told = ({ kind: "shot" } & ShotOnWire) | { kind: "stop"; tick: number };

export class ShotWire {
  private readonly state: ArenaState;
  /** The tick each bullet in flight was fired in, kept past the bullet so a hit can name it. */
  private readonly firedAt = new Map<string, number>();
  /**
   * A ship's shot fields and its stop field each hold one value, and a client reads
   * them once a patch: a second shot or stop before the patch would overwrite the
   * first, and the client would never hear of it (two of a ship's bullets stopped
   * between two patches: one was drawn flying on through the ship it hit). So each
   * shooter tells at most one shot and one stop a patch, the rest wait, in order
   * (a stop never before its shot), for the next.
   */
  private readonly waiting = new Map<string, Told[]>();
  private readonly shotTold = new Set<string>();
  private readonly stopTold = new Set<string>();

  constructor(state: ArenaState) {
    this.state = state;
  }

  /**
   * `shooter` fired `bullet` in the tick being stepped: its ship carries the shot from now on.
   * A player's shot is told as it is fired, before a ship can stop it in the same tick: their
   * client must hear of every one, to hand each of its predictions over to the right bullet.
   */
  fired(shooter: string, bullet: string): void {
    const flying = this.state.bullets.get(bullet);
    if (!this.state.ships.has(shooter) || !flying) return;
    this.firedAt.set(bullet, flying.spawnTick);
    this.tell(shooter, { kind: "shot", x: flying.x, y: flying.y, vx: flying.vx, vy: flying.vy, tick: flying.spawnTick % SHOT_TICKS });
  }

  /**
   * After each tick: the bots' shots (fired in the tick, not told as they were), and the shooter of
   * each bullet that stopped at a ship says which one it was. A bot's bullet that a ship stopped in
   * the tick it was fired never flew: it is not sent (nor is its stop, as it was never told).
   * A round's end clears the arena: what waits to be told of the round is dropped.
   */
  endTick(events: readonly WorldEvent[]): void {
    for (const event of events) {
      if (event.type === "round-over" || event.type === "round-start") this.waiting.clear();
      if (event.type === "shot" && !this.firedAt.has(event.bullet)) this.fired(event.shooter, event.bullet);
      if (event.type !== "hit" && event.type !== "deflect") continue;
      const firedAt = this.firedAt.get(event.bullet);
      if (firedAt !== undefined && this.state.ships.has(event.shooter)) this.tell(event.shooter, { kind: "stop", tick: firedAt % SHOT_TICKS });
    }
    if (this.firedAt.size === this.state.bullets.size) return;
    for (const bullet of this.firedAt.keys()) if (!this.state.bullets.has(bullet)) this.firedAt.delete(bullet);
  }

  /** A patch went out: each shooter tells what waited for it. */
  patchSent(): void {
    this.shotTold.clear();
    this.stopTold.clear();
    for (const shooter of this.waiting.keys()) this.flush(shooter);
  }

  private tell(shooter: string, told: Told): void {
    const queue = this.waiting.get(shooter);
    if (queue) queue.push(told);
    else this.waiting.set(shooter, [told]);
    this.flush(shooter);
  }

  /** Writes the shooter's waiting shots and stops onto its ship, as many as the next patch can carry. */
  private flush(shooter: string): void {
    const queue = this.waiting.get(shooter)!;
    const ship = this.state.ships.get(shooter);
    while (ship && queue.length > 0) {
      const told = queue[0]!;
      const sent = told.kind === "shot" ? this.shotTold : this.stopTold;
      if (sent.has(shooter)) break;
      sent.add(shooter);
      queue.shift();
      if (told.kind === "stop") {
        ship.shotStopped = told.tick;
        continue;
      }
      ship.shot = packShot(told);
    }
    if (!ship || queue.length === 0) this.waiting.delete(shooter);
  }
}
