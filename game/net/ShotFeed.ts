// The server's bullets, made from the shots its ships carry (bullets do not cross
// the wire: see server/ShotWire.ts). Each new shot becomes a bullet of the SDK's
// spawn store, handed to our prediction of it if it is ours, and each leaves the
// store where the server stopped it: at a ship (its shooter names it), at a wall,
// the arena's edge or the end of its flight (the layout says when), with its
// shooter, or as a round ends.
import { Callbacks, type PredictedSpawns } from "@colyseus/sdk";
import type { ArenaLayout } from "../../shared/arena.ts";
import { flightTicks } from "../../shared/flight.ts";
import type { ArenaState, Ship } from "../../shared/schema.ts";
import { shotTickAt, unpackShot } from "../../shared/shotField.ts";
import type { BulletState } from "../../shared/world.ts";
import type { ArenaRoom } from "./gameClient.ts";

type Subscriber = Parameters<PredictedSpawns<BulletState, unknown>["attach"]>[0];
type Handler = Parameters<Subscriber>[0];

export class ShotFeed {
  private readonly room: ArenaRoom;
  private readonly layout: () => ArenaLayout;
  private readonly stepSeconds: () => number;
  /** Bullets in flight by shooter and tick, with the tick the world stops them at unless a ship does. */
  private readonly flying = new Map<string, { bullet: BulletState; endTick: number }>();
  private add: Handler = () => {};
  private remove: Handler = () => {};
  private readonly firedListeners: Array<(bullet: BulletState) => void> = [];
  /** Taking the room's state as it stood at the join: the bullets in flight then were not fired now. */
  private joining = false;

  constructor(room: ArenaRoom, layout: () => ArenaLayout, stepSeconds: () => number) {
    this.room = room;
    this.layout = layout;
    this.stepSeconds = stepSeconds;
  }

  /** For the spawn store's `attach`: feeds it the server's bullets as they are fired and stopped. */
  readonly subscribe: Subscriber = (onAdd, onRemove) => {
    this.add = onAdd;
    this.remove = onRemove;
    const callbacks = Callbacks.get(this.room);
    // Each ship's listeners go with it: the server hands a ship's place on the wire to the next ship to join.
    const shipListeners = new Map<string, Array<() => void>>();
    const forget = (id: string) => {
      for (const off of shipListeners.get(id) ?? []) off();
      shipListeners.delete(id);
    };
    this.joining = true;
    const offs = [
      callbacks.onAdd("ships", (ship, id) => {
        forget(id);
        shipListeners.set(id, [
          callbacks.listen(ship, "shot", () => this.fired(ship, id)),
          callbacks.listen(ship, "shotStopped", (tick) => this.stop(`${id}:${this.fullTick(tick)}`)),
        ]);
      }),
      callbacks.onRemove("ships", (_ship, id) => {
        forget(id);
        for (const [key, { bullet }] of this.flying) if (bullet.owner === id) this.stop(key);
      }),
      // A round's end and the next round's start clear the arena of bullets.
      callbacks.listen("phase", () => {
        for (const key of [...this.flying.keys()]) this.stop(key);
      }),
    ];
    this.joining = false;
    return () => {
      for (const off of [...offs, ...[...shipListeners.values()].flat()]) off();
    };
  };

  /** The server's bullets in flight, as far as this client knows. */
  *inFlight(): Iterable<BulletState> {
    for (const { bullet } of this.flying.values()) yield bullet;
  }

  /** Another player's bullet was fired (for its muzzle flash; ours flash as we predict them). */
  onFired(listener: (bullet: BulletState) => void): void {
    this.firedListeners.push(listener);
  }

  /** Each frame: bullets the world has stopped at a wall or the end of their flight by `tick` (the server's) leave the store. */
  expire(tick: number): void {
    for (const [key, { endTick }] of this.flying) if (tick > endTick) this.stop(key);
  }

  private fired(ship: Ship, owner: string): void {
    // A ship that has never fired carries no shot.
    if (ship.shot === 0n) return;
    const state: ArenaState = this.room.state;
    const { tick, ...start } = unpackShot(ship.shot);
    const bullet: BulletState = { ...start, owner, spawnTick: this.fullTick(tick) };
    const endTick = bullet.spawnTick + flightTicks(bullet, this.layout(), this.stepSeconds());
    // A shot in the state of a room just joined whose bullet is gone is not one to draw. Any other
    // is added, even if its bullet is gone by now: ours must meet the prediction they correlate with.
    const key = `${owner}:${bullet.spawnTick}`;
    if ((this.joining && state.tick > endTick) || this.flying.has(key)) return;
    this.flying.set(key, { bullet, endTick });
    this.add(bullet, key);
    if (!this.joining && owner !== this.room.sessionId) for (const listener of this.firedListeners) listener(bullet);
  }

  private stop(key: string): void {
    const flying = this.flying.get(key);
    if (!flying) return;
    this.flying.delete(key);
    this.remove(flying.bullet, key);
  }

  /** The tick a shot tick on the wire stands for, now. */
  private fullTick(wire: number): number {
    return shotTickAt(wire, this.room.state.tick);
  }
}
