// The ship step: one input applied to one ship. The server (authority) and the
// client (prediction and rollback replay) run it unchanged, so it must stay
// deterministic: only + - * /, comparisons and Math.sqrt/round/trunc/ceil (exactly
// specified by IEEE 754 and ECMAScript), no clocks, no randomness, no schema or
// engine imports. Values are snapped to the grid with `+ 0` so a negative zero
// never reaches the wire.
import type { ArenaLayout, Wall } from "./arena.ts";
import {
  BULLET_SPEED,
  DASH_COOLDOWN,
  DASH_DURATION,
  DASH_SPEED,
  FIRE_INTERVAL,
  MAX_MOVE_PER_SUBSTEP,
  MOVE_AXIS_MAX,
  POSITION_GRID,
  RAPID_FIRE_INTERVAL,
  SHIP_ACCELERATION,
  SHIP_FRICTION,
  SHIP_MAX_SPEED,
  SHIP_RADIUS,
  SPEED_BOOST_FACTOR,
} from "./constants.ts";
import type { NamesWith, SHIP_FIELDS, Values } from "./entities.ts";
import { clamp } from "./geometry.ts";

/** Where something is (px) and how fast it goes (px/s). */
export interface Motion {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/**
 * What the step reads and writes on a ship: the fields its table marks predicted
 * (entities.ts), which the client predicts. Schema instances satisfy it structurally.
 */
export type ShipBody = Pick<Values<typeof SHIP_FIELDS>, NamesWith<typeof SHIP_FIELDS, "predicted">>;

/** One step of a player's controls, as carried by the input message. */
export interface ShipControls {
  /** Stick deflection, -MOVE_AXIS_MAX..MOVE_AXIS_MAX on each axis. */
  moveX: number;
  moveY: number;
  /** Where the player aims, relative to the ship; only the direction matters. */
  aimX: number;
  aimY: number;
  fire: boolean;
  dash: boolean;
}

/** A bullet the step fired: where it starts and its velocity. */
export type Shot = Motion;

export const NO_CONTROLS: Readonly<ShipControls> = Object.freeze({
  moveX: 0,
  moveY: 0,
  aimX: 0,
  aimY: 0,
  fire: false,
  dash: false,
});

/** A duration in whole steps of length `dt` (at least one). */
export function ticks(seconds: number, dt: number): number {
  return Math.max(1, Math.round(seconds / dt));
}

/** Applies one input to a ship; returns the shot it fired, if any. Knocked-out ships do nothing. */
export function stepShip(ship: ShipBody, controls: ShipControls, layout: ArenaLayout, dt: number): Shot | null {
  if (!ship.alive) return null;
  countDown(ship);

  const stick = stickDirection(controls);
  const aim = aimDirection(controls);
  // The step works on a copy and writes back only grid values: a synchronised
  // ship snaps its coordinates to the wire's grid on every write.
  const motion: Motion = { x: ship.x, y: ship.y, vx: ship.vx, vy: ship.vy };
  if (controls.dash && ship.dashCooldown === 0) startDash(ship, motion, stick, aim, dt);
  if (ship.dashTicks > 0) ship.dashTicks--;
  else accelerate(motion, ship.speedTicks > 0, stick, dt);

  move(motion, layout, dt);
  ship.x = onGrid(motion.x);
  ship.y = onGrid(motion.y);
  ship.vx = towardZeroOnGrid(motion.vx);
  ship.vy = towardZeroOnGrid(motion.vy);

  if (!controls.fire || !aim || ship.fireCooldown > 0) return null;
  ship.fireCooldown = ticks(ship.rapidTicks > 0 ? RAPID_FIRE_INTERVAL : FIRE_INTERVAL, dt);
  return { x: ship.x, y: ship.y, ...shotVelocity(aim) };
}

/** A bullet's velocity, fired along `aim` (of length 1): at BULLET_SPEED, on the grid. */
export function shotVelocity(aim: Vector): { vx: number; vy: number } {
  return { vx: onGrid(aim.x * BULLET_SPEED), vy: onGrid(aim.y * BULLET_SPEED) };
}

function countDown(ship: ShipBody): void {
  if (ship.fireCooldown > 0) ship.fireCooldown--;
  if (ship.dashCooldown > 0) ship.dashCooldown--;
  if (ship.speedTicks > 0) ship.speedTicks--;
  if (ship.rapidTicks > 0) ship.rapidTicks--;
}

interface Vector {
  x: number;
  y: number;
}

/** The stick as a vector no longer than 1 (an over-long diagonal is shortened, not clipped). */
function stickDirection(controls: ShipControls): Vector {
  const x = controls.moveX / MOVE_AXIS_MAX;
  const y = controls.moveY / MOVE_AXIS_MAX;
  const length = Math.sqrt(x * x + y * y);
  return length > 1 ? { x: x / length, y: y / length } : { x, y };
}

function aimDirection(controls: ShipControls): Vector | null {
  const length = Math.sqrt(controls.aimX * controls.aimX + controls.aimY * controls.aimY);
  return length === 0 ? null : { x: controls.aimX / length, y: controls.aimY / length };
}

function startDash(ship: ShipBody, motion: Motion, stick: Vector, aim: Vector | null, dt: number): void {
  const stickLength = Math.sqrt(stick.x * stick.x + stick.y * stick.y);
  const direction = stickLength > 0 ? { x: stick.x / stickLength, y: stick.y / stickLength } : aim;
  if (!direction) return;
  motion.vx = direction.x * DASH_SPEED;
  motion.vy = direction.y * DASH_SPEED;
  ship.dashTicks = ticks(DASH_DURATION, dt);
  ship.dashCooldown = ticks(DASH_COOLDOWN, dt);
}

function accelerate(motion: Motion, boosted: boolean, stick: Vector, dt: number): void {
  const boost = boosted ? SPEED_BOOST_FACTOR : 1;
  const drag = 1 - SHIP_FRICTION * dt;
  const speedBefore = Math.sqrt(motion.vx * motion.vx + motion.vy * motion.vy);
  motion.vx = motion.vx * drag + stick.x * SHIP_ACCELERATION * boost * dt;
  motion.vy = motion.vy * drag + stick.y * SHIP_ACCELERATION * boost * dt;
  // Thrust cannot push past top speed, but a faster ship (after a dash or a hit) slows down through drag.
  const limit = Math.max(SHIP_MAX_SPEED * boost, speedBefore * drag);
  const speed = Math.sqrt(motion.vx * motion.vx + motion.vy * motion.vy);
  if (speed > limit) {
    motion.vx *= limit / speed;
    motion.vy *= limit / speed;
  }
}

/** Moves in sub-steps short enough that no wall can be skipped, resolving collisions after each. */
function move(motion: Motion, layout: ArenaLayout, dt: number): void {
  const distance = Math.max(Math.abs(motion.vx), Math.abs(motion.vy)) * dt;
  const substeps = Math.max(1, Math.ceil(distance / MAX_MOVE_PER_SUBSTEP));
  for (let i = 0; i < substeps; i++) {
    motion.x += (motion.vx * dt) / substeps;
    motion.y += (motion.vy * dt) / substeps;
    for (const wall of layout.walls) pushOutOfWall(motion, wall);
    keepInsideArena(motion, layout);
  }
}

/** Moves a ship that overlaps a wall back to its surface and cancels the speed into it. */
function pushOutOfWall(motion: Motion, wall: Wall): void {
  const dx = motion.x - clamp(motion.x, wall.x, wall.x + wall.w);
  const dy = motion.y - clamp(motion.y, wall.y, wall.y + wall.h);
  const distanceSquared = dx * dx + dy * dy;
  if (distanceSquared >= SHIP_RADIUS * SHIP_RADIUS) return;

  let nx: number;
  let ny: number;
  let depth: number;
  if (distanceSquared > 0) {
    const distance = Math.sqrt(distanceSquared);
    nx = dx / distance;
    ny = dy / distance;
    depth = SHIP_RADIUS - distance;
  } else {
    // The centre is inside the block: leave through the nearest face.
    const left = motion.x - wall.x;
    const right = wall.x + wall.w - motion.x;
    const top = motion.y - wall.y;
    const bottom = wall.y + wall.h - motion.y;
    const least = Math.min(left, right, top, bottom);
    nx = least === left ? -1 : least === right ? 1 : 0;
    ny = nx !== 0 ? 0 : least === top ? -1 : 1;
    depth = least + SHIP_RADIUS;
  }
  motion.x += nx * depth;
  motion.y += ny * depth;
  const inward = motion.vx * nx + motion.vy * ny;
  if (inward < 0) {
    motion.vx -= inward * nx;
    motion.vy -= inward * ny;
  }
}

function keepInsideArena(motion: Motion, layout: ArenaLayout): void {
  const maxX = layout.width - SHIP_RADIUS;
  const maxY = layout.height - SHIP_RADIUS;
  if (motion.x < SHIP_RADIUS) {
    motion.x = SHIP_RADIUS;
    if (motion.vx < 0) motion.vx = 0;
  } else if (motion.x > maxX) {
    motion.x = maxX;
    if (motion.vx > 0) motion.vx = 0;
  }
  if (motion.y < SHIP_RADIUS) {
    motion.y = SHIP_RADIUS;
    if (motion.vy < 0) motion.vy = 0;
  } else if (motion.y > maxY) {
    motion.y = maxY;
    if (motion.vy > 0) motion.vy = 0;
  }
}

export function onGrid(value: number): number {
  return Math.round(value * POSITION_GRID) / POSITION_GRID + 0;
}

/** Towards zero, so friction brings a coasting ship to a real stop. */
function towardZeroOnGrid(value: number): number {
  return Math.trunc(value * POSITION_GRID) / POSITION_GRID + 0;
}
