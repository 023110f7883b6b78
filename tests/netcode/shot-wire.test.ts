// A ship carries one shot and one stop at a time (server/ShotWire.ts), and a client
// reads them once a patch. Two of a ship's shots, or two of its bullets stopped,
// between one patch and the next must both reach the client: here each shot and
// stop is read from the patches a client decodes, in the order it happened.
import { Decoder, Encoder } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { ShotWire } from "../../server/ShotWire.ts";
import { BULLET_SPEED } from "../../shared/constants.ts";
import { ArenaState, Ship } from "../../shared/schema.ts";
import { unpackShot } from "../../shared/shotField.ts";
import type { WorldEvent } from "../../shared/world.ts";

/** A room's state with one shooter, its wire, and a client that reads each patch: what it was told, in order. */
function wired() {
  const state = new ArenaState();
  const encoder = new Encoder(state);
  state.ships.set("shooter", new Ship());
  const wire = new ShotWire(state);
  const client = new Decoder(new ArenaState());
  const full = { offset: 0 };
  client.decode(encoder.encodeAll(full));
  encoder.discardChanges();
  const told: string[] = [];
  let last = { shot: 0n, shotStopped: 0 };
  /** A patch goes out, as the room sends one: the client reads the shooter's shot and stop. */
  const patch = () => {
    const it = { offset: 0 };
    client.decode(encoder.encode(it));
    encoder.discardChanges();
    wire.patchSent();
    const ship = (client.state as ArenaState).ships.get("shooter")!;
    if (ship.shot !== last.shot) {
      const shot = unpackShot(ship.shot);
      told.push(`shot ${shot.tick} from ${shot.x},${shot.y}`);
    }
    if (ship.shotStopped !== last.shotStopped) told.push(`stop ${ship.shotStopped}`);
    last = { shot: ship.shot, shotStopped: ship.shotStopped };
  };
  /** The shooter fires a bullet in `tick` (as a player's shot is told: as it is fired). */
  const fire = (id: string, tick: number) => {
    state.bullets.set(id, { x: tick, y: 2 * tick, vx: BULLET_SPEED, vy: 0, owner: "shooter", spawnTick: tick });
    wire.fired("shooter", id);
  };
  const hit = (bullet: string): WorldEvent => ({ type: "hit", shooter: "shooter", target: "target", bullet, damage: 1 });
  return { state, wire, patch, fire, hit, told };
}

describe("the shot wire", () => {
  it("tells one shot a patch: a second one between two patches comes in the next", () => {
    const { wire, patch, fire, told } = wired();
    fire("b1", 10);
    wire.endTick([]);
    fire("b2", 11);
    wire.endTick([]);
    patch();
    patch();
    patch();
    expect(told).toEqual(["shot 10 from 10,20", "shot 11 from 11,22"]);
  });

  it("tells every bullet a ship stopped, one a patch, when two are stopped between two patches", () => {
    const { state, wire, patch, fire, hit, told } = wired();
    fire("b1", 10);
    patch();
    fire("b2", 13);
    patch();
    // Both bullets stop at ships in one tick: the rules take them out of the arena.
    wire.endTick([hit("b1"), hit("b2")]);
    state.bullets.clear();
    patch();
    patch();
    expect(told).toEqual(["shot 10 from 10,20", "shot 13 from 13,26", "stop 10", "stop 13"]);
  });

  it("never tells a stop before its shot", () => {
    const { state, wire, patch, fire, hit, told } = wired();
    fire("b1", 10);
    fire("b2", 11);
    // The second shot waits for the next patch; its bullet is stopped before that.
    wire.endTick([hit("b2")]);
    state.bullets.delete("b2");
    patch();
    patch();
    patch();
    expect(told).toEqual(["shot 10 from 10,20", "shot 11 from 11,22", "stop 11"]);
  });

  it("drops what waits when the round ends: the arena is cleared", () => {
    const { wire, patch, fire, told } = wired();
    fire("b1", 10);
    fire("b2", 11);
    wire.endTick([{ type: "round-over", round: 1, winner: null, team: 0 }]);
    patch();
    patch();
    // The control: the wire still tells the next round's shots.
    fire("b3", 40);
    patch();
    expect(told).toEqual(["shot 10 from 10,20", "shot 40 from 40,80"]);
  });
});
