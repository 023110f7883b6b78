// A ship's latest shot on the wire (schema.ts's `shot`): where its bullet left the
// gun, how fast it flew, and when, in one 64-bit field. Every value crosses exactly,
// as the client draws the bullet the server flies from it. Knowing the rules is
// what makes it fit: a bullet starts inside the arena, and flies at BULLET_SPEED
// (step.ts's `shotVelocity`), so of its velocity only the smaller component needs
// all its bits; the larger one follows from it to within a grid step.
import { ARENA_HEIGHT, BULLET_SPEED, POSITION_GRID } from "./constants.ts";

/** A shot as a ship carries it: its bullet's start (px), velocity (px/s), and the tick it was fired in. */
export interface ShotOnWire {
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** The tick, modulo SHOT_TICKS (`shotTickAt` tells the full one). */
  tick: number;
}

/** Bits of the field: the tick's, then the start's (x and y as one number), then the velocity's. */
const TICK_BITS = 14;
const START_BITS = 30;
const VELOCITY_BITS = 20;

/**
 * Shot ticks on the wire wrap at this, about 9 minutes: a bullet lives under a
 * second, so its tick is never in doubt, and two of a ship's stops in a row (or two
 * shots from one spot at one aim) look alike only if they are a multiple of 9
 * minutes apart to the tick.
 */
export const SHOT_TICKS = 2 ** TICK_BITS;

/** The tick a shot tick on the wire stands for, in a state at `tick`: the latest one at or before it. */
export function shotTickAt(wire: number, tick: number): number {
  return tick - ((((tick - wire) % SHOT_TICKS) + SHOT_TICKS) % SHOT_TICKS);
}

/** Grid positions down the arena, both walls included: a start is x × DOWN + y, under 2^30 up to the far corner. */
const DOWN = ARENA_HEIGHT * POSITION_GRID + 1;
/** A bullet's speed in grid steps. */
const SPEED = BULLET_SPEED * POSITION_GRID;

/** The larger velocity component (grid steps) of a bullet whose smaller one is `minor`, to within a step. */
function majorFor(minor: number): number {
  return Math.round(Math.sqrt(SPEED * SPEED - minor * minor));
}

/**
 * A velocity at BULLET_SPEED on 20 bits: which axis has the larger component (1 bit),
 * the signs (2), the smaller component (15: at most SPEED/√2), and how far the larger
 * one is from `majorFor` (2: one step either way, as each component was rounded to the grid).
 */
function packVelocity(vx: number, vy: number): number {
  const gx = Math.round(vx * POSITION_GRID);
  const gy = Math.round(vy * POSITION_GRID);
  const alongY = Math.abs(gy) > Math.abs(gx);
  const minor = Math.abs(alongY ? gx : gy);
  const offset = Math.abs(alongY ? gy : gx) - majorFor(minor) + 1;
  return ((((alongY ? 1 : 0) * 2 + (gx < 0 ? 1 : 0)) * 2 + (gy < 0 ? 1 : 0)) * 2 ** 15 + minor) * 4 + offset;
}

function unpackVelocity(bits: number): { vx: number; vy: number } {
  const offset = bits % 4;
  const minor = Math.floor(bits / 4) % 2 ** 15;
  const flags = Math.floor(bits / 2 ** 17);
  const major = majorFor(minor) + offset - 1;
  const alongY = flags >= 4;
  const [gx, gy] = alongY ? [minor, major] : [major, minor];
  // `+ 0`: a zero component is +0, as the step's own `onGrid` makes it.
  return { vx: (flags & 2 ? -gx : gx) / POSITION_GRID + 0, vy: (flags & 1 ? -gy : gy) / POSITION_GRID + 0 };
}

/**
 * A shot in one field: 9 bytes a shot where its start and velocity took 9 and its tick
 * another 3. Never 0, the field's value before a ship's first shot: no ship is at (0, 0).
 */
export function packShot(shot: ShotOnWire): bigint {
  const start = Math.round(shot.x * POSITION_GRID) * DOWN + Math.round(shot.y * POSITION_GRID);
  const low = start * 2 ** VELOCITY_BITS + packVelocity(shot.vx, shot.vy);
  return (BigInt(shot.tick % SHOT_TICKS) << BigInt(START_BITS + VELOCITY_BITS)) | BigInt(low);
}

/** The shot a `shot` field carries. */
export function unpackShot(packed: bigint): ShotOnWire {
  const low = Number(packed & ((1n << BigInt(START_BITS + VELOCITY_BITS)) - 1n));
  const start = Math.floor(low / 2 ** VELOCITY_BITS);
  return {
    x: Math.floor(start / DOWN) / POSITION_GRID,
    y: (start % DOWN) / POSITION_GRID,
    ...unpackVelocity(low % 2 ** VELOCITY_BITS),
    tick: Number(packed >> BigInt(START_BITS + VELOCITY_BITS)),
  };
}
