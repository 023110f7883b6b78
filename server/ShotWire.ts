// Puts the room's shots on the wire. Bullets themselves are the server's (the state
// does not send them): a bullet never changes after it is fired, so a client draws
// it from its shot, which the shooter's ship carries (schema.ts's shot fields).
// Where the server stops a bullet, a client sees the rest: its walls and the end of
// its flight from the layout and the tick, a ship it struck from the shooter's
// `shotStopped`, its shooter leaving, and a round's end. A shot costs a patch some
// fifteen bytes; the bullet as an entity of its own cost some fifty, and more to remove.
import { type ArenaState, SHOT_TICKS } from "../shared/schema.ts";
import type { WorldEvent } from "../shared/world.ts";

export class ShotWire {
  private readonly state: ArenaState;
  /** The tick each bullet in flight was fired in, kept past the bullet so a hit can name it. */
  private readonly firedAt = new Map<string, number>();

  constructor(state: ArenaState) {
    this.state = state;
  }

  /**
   * `shooter` fired `bullet` in the tick being stepped: its ship carries the shot from now on.
   * A player's shot is told as it is fired, before a ship can stop it in the same tick: their
   * client must hear of every one, to hand each of its predictions over to the right bullet.
   */
  fired(shooter: string, bullet: string): void {
    const ship = this.state.ships.get(shooter);
    const flying = this.state.bullets.get(bullet);
    if (!ship || !flying) return;
    ship.shotX = flying.x;
    ship.shotY = flying.y;
    ship.shotVx = flying.vx;
    ship.shotVy = flying.vy;
    ship.shotTick = flying.spawnTick % SHOT_TICKS;
    this.firedAt.set(bullet, flying.spawnTick);
  }

  /**
   * After each tick: the bots' shots (fired in the tick, not told as they were), and the shooter of
   * each bullet that stopped at a ship says which one it was. A bot's bullet that a ship stopped in
   * the tick it was fired never flew: it is not sent (nor is its stop, as it was never told).
   */
  endTick(events: readonly WorldEvent[]): void {
    for (const event of events) {
      if (event.type === "shot" && !this.firedAt.has(event.bullet)) this.fired(event.shooter, event.bullet);
      if (event.type !== "hit" && event.type !== "deflect") continue;
      const firedAt = this.firedAt.get(event.bullet);
      const shooter = this.state.ships.get(event.shooter);
      if (firedAt !== undefined && shooter) shooter.shotStopped = firedAt % SHOT_TICKS;
    }
    if (this.firedAt.size === this.state.bullets.size) return;
    for (const bullet of this.firedAt.keys()) if (!this.state.bullets.has(bullet)) this.firedAt.delete(bullet);
  }
}
