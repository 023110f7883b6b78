// The wire never rounds what the step computed: every position and velocity the
// step can produce crosses the encoder and decoder unchanged, so the client's
// prediction and the server's ship agree to the bit.
import { Decoder, Encoder, StateView } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { ARENA_HEIGHT, ARENA_WIDTH, BULLET_SPEED, DASH_SPEED, HIT_KNOCKBACK, POSITION_GRID, SHIP_RADIUS } from "../../shared/constants.ts";
import { ArenaState, OWNER_VIEW, Ship } from "../../shared/schema.ts";
import { packShot, SHOT_TICKS, unpackShot } from "../../shared/shotField.ts";
import { shotVelocity } from "../../shared/step.ts";

/** Every grid value from `from` to `to` in steps of `every` grid steps, both ends included. */
function gridValues(from: number, to: number, every = 1): number[] {
  const values: number[] = [];
  for (let k = Math.ceil(from * POSITION_GRID); k <= to * POSITION_GRID; k += every) values.push(k / POSITION_GRID);
  values.push(to);
  return values;
}

/** Sends `values` through one field of a synchronised entity, patch by patch, and returns what the client read. */
function throughTheWire<T extends Ship, V extends number | bigint>(entity: T, collection: "ships", field: keyof T & string, values: V[]): V[] {
  const state = new ArenaState();
  const encoder = new Encoder(state);
  (state[collection] as unknown as Map<string, T>).set("a", entity);
  const view = new StateView();
  if (entity instanceof Ship) view.add(entity, OWNER_VIEW);
  const client = new Decoder(new ArenaState());
  const it = { offset: 0 };
  encoder.encodeAll(it);
  client.decode(encoder.encodeAllView(view, it.offset, { ...it }));
  encoder.discardChanges();
  const read = (client.state as ArenaState)[collection].get("a") as unknown as Record<string, V>;
  return values.map((value) => {
    (entity as unknown as Record<string, V>)[field] = value;
    const patch = { offset: 0 };
    encoder.encode(patch);
    client.decode(encoder.encodeView(view, patch.offset, patch));
    encoder.discardChanges();
    return read[field]!;
  });
}

describe("the wire", () => {
  it("carries every grid position in the arena exactly", () => {
    const across = gridValues(0, ARENA_WIDTH);
    expect(throughTheWire(new Ship(), "ships", "x", across)).toEqual(across);
    const down = gridValues(0, ARENA_HEIGHT);
    expect(throughTheWire(new Ship(), "ships", "y", down)).toEqual(down);
  });

  it("carries a ship's velocity exactly to its own player, up to a dash with a knock-back on top", () => {
    const fastest = DASH_SPEED + HIT_KNOCKBACK;
    const velocities = gridValues(-fastest, fastest, 7);
    expect(throughTheWire(new Ship(), "ships", "vx", velocities)).toEqual(velocities);
  });

  it("carries every bullet's start, velocity and tick exactly, as its ship's shot", () => {
    // Aims a tenth of a grid step apart at the bullet's speed: every velocity a shot can have, and more than once.
    const aims = Math.ceil(2 * Math.PI * BULLET_SPEED * POSITION_GRID * 10);
    const velocities = new Map<string, { vx: number; vy: number }>();
    for (let i = 0; i < aims; i++) {
      const angle = (2 * Math.PI * i) / aims;
      const velocity = shotVelocity({ x: Math.cos(angle), y: Math.sin(angle) });
      velocities.set(`${velocity.vx},${velocity.vy}`, velocity);
    }
    const across = gridValues(0, ARENA_WIDTH, 3);
    const down = gridValues(0, ARENA_HEIGHT, 3);
    // Every velocity, every third position on each axis and every tick, each in its place in the packed field.
    const shots = [...velocities.values()].map((velocity, i) => ({
      x: across[i % across.length]!,
      y: down[(7 * i) % down.length]!,
      ...velocity,
      tick: i % SHOT_TICKS,
    }));
    shots.push({ x: ARENA_WIDTH, y: ARENA_HEIGHT, ...shotVelocity({ x: -1, y: 0 }), tick: SHOT_TICKS - 1 });
    expect(shots.length).toBeGreaterThan(4 * BULLET_SPEED * POSITION_GRID);
    expect(shots.map(packShot).map(unpackShot)).toEqual(shots);
    // The field itself, on a sample: each shot a patch, as a ship carries them.
    const sample = shots.filter((_, i) => i % 97 === 0);
    expect(throughTheWire(new Ship(), "ships", "shot", sample.map(packShot)).map(unpackShot)).toEqual(sample);
  });

  it("tells two shots from one spot at one aim apart by their ticks (until they wrap), and is never 0, the field before a first shot", () => {
    const still = { x: SHIP_RADIUS, y: SHIP_RADIUS, ...shotVelocity({ x: 1, y: 0 }) };
    const packed = [0, 1, SHOT_TICKS - 1, SHOT_TICKS].map((tick) => packShot({ ...still, tick }));
    expect(new Set(packed).size).toBe(3);
    expect(packed[0]).toBe(packed[3]);
    expect(packed).not.toContain(0n);
  });

  it("costs 2 bytes for a position", () => {
    const state = new ArenaState();
    const encoder = new Encoder(state);
    const ship = new Ship();
    state.ships.set("a", ship);
    encoder.encodeAll();
    encoder.discardChanges();
    ship.x = 640.5;
    // A switch to the ship (2 bytes), then the field's index (1) and its value (2).
    expect(encoder.encode().byteLength).toBe(5);
  });
});
