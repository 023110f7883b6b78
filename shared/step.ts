// The ship simulation step, run unchanged by the server (authority) and by the
// client (prediction and replay). It must stay deterministic: only + - * / and
// Math.sqrt/round/trunc (exactly specified by IEEE 754 and ECMAScript), no clocks, no
// randomness, no schema or engine imports. Values are snapped to the grid with
// `+ 0` so a negative zero never reaches the wire.
import type { ArenaLayout, Wall } from "./arena.ts";
import {
  MOVE_AXIS_MAX,
  POSITION_GRID,
  SHIP_ACCELERATION,
  SHIP_FRICTION,
  SHIP_MAX_SPEED,
  SHIP_RADIUS,
} from "./constants.ts";

/** The part of a ship the step moves. Schema instances satisfy it structurally. */
export interface ShipBody {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** One tick of a player's controls, as carried by the input message. */
export interface ShipControls {
  /** Stick deflection, -MOVE_AXIS_MAX..MOVE_AXIS_MAX on each axis. */
  moveX: number;
  moveY: number;
}

export function stepShip(ship: ShipBody, controls: ShipControls, layout: ArenaLayout, dt: number): void {
  accelerate(ship, controls, dt);
  ship.x += ship.vx * dt;
  ship.y += ship.vy * dt;
  for (const wall of layout.walls) pushOutOfWall(ship, wall);
  keepInsideArena(ship, layout);
  ship.x = Math.round(ship.x * POSITION_GRID) / POSITION_GRID + 0;
  ship.y = Math.round(ship.y * POSITION_GRID) / POSITION_GRID + 0;
  // Towards zero, so friction brings a coasting ship to a real stop.
  ship.vx = Math.trunc(ship.vx * POSITION_GRID) / POSITION_GRID + 0;
  ship.vy = Math.trunc(ship.vy * POSITION_GRID) / POSITION_GRID + 0;
}

function accelerate(ship: ShipBody, controls: ShipControls, dt: number): void {
  let ax = controls.moveX / MOVE_AXIS_MAX;
  let ay = controls.moveY / MOVE_AXIS_MAX;
  // A diagonal (or an over-long analogue stick) must not thrust harder than straight.
  const deflection = Math.sqrt(ax * ax + ay * ay);
  if (deflection > 1) {
    ax /= deflection;
    ay /= deflection;
  }
  const drag = 1 - SHIP_FRICTION * dt;
  ship.vx = ship.vx * drag + ax * SHIP_ACCELERATION * dt;
  ship.vy = ship.vy * drag + ay * SHIP_ACCELERATION * dt;
  const speed = Math.sqrt(ship.vx * ship.vx + ship.vy * ship.vy);
  if (speed > SHIP_MAX_SPEED) {
    ship.vx *= SHIP_MAX_SPEED / speed;
    ship.vy *= SHIP_MAX_SPEED / speed;
  }
}

/** Moves a ship that overlaps a wall back to its surface and cancels the speed into it. */
function pushOutOfWall(ship: ShipBody, wall: Wall): void {
  const closestX = clamp(ship.x, wall.x, wall.x + wall.w);
  const closestY = clamp(ship.y, wall.y, wall.y + wall.h);
  const dx = ship.x - closestX;
  const dy = ship.y - closestY;
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
    const left = ship.x - wall.x;
    const right = wall.x + wall.w - ship.x;
    const top = ship.y - wall.y;
    const bottom = wall.y + wall.h - ship.y;
    const least = Math.min(left, right, top, bottom);
    nx = least === left ? -1 : least === right ? 1 : 0;
    ny = nx !== 0 ? 0 : least === top ? -1 : 1;
    depth = least + SHIP_RADIUS;
  }
  ship.x += nx * depth;
  ship.y += ny * depth;
  const inward = ship.vx * nx + ship.vy * ny;
  if (inward < 0) {
    ship.vx -= inward * nx;
    ship.vy -= inward * ny;
  }
}

function keepInsideArena(ship: ShipBody, layout: ArenaLayout): void {
  const maxX = layout.width - SHIP_RADIUS;
  const maxY = layout.height - SHIP_RADIUS;
  if (ship.x < SHIP_RADIUS) {
    ship.x = SHIP_RADIUS;
    if (ship.vx < 0) ship.vx = 0;
  } else if (ship.x > maxX) {
    ship.x = maxX;
    if (ship.vx > 0) ship.vx = 0;
  }
  if (ship.y < SHIP_RADIUS) {
    ship.y = SHIP_RADIUS;
    if (ship.vy < 0) ship.vy = 0;
  } else if (ship.y > maxY) {
    ship.y = maxY;
    if (ship.vy > 0) ship.vy = 0;
  }
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
