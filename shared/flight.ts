// A bullet's flight: where it is at each tick, and where a wall, the arena's edge
// or the end of its flight stops it. The rules judge bullets by it, and a client
// knows by it when a bullet it draws is gone (only a ship's stopping it is told).
// Kept apart from the rules so the game's first download need not carry them.
import type { ArenaLayout } from "./arena.ts";
import { BULLET_LIFETIME } from "./constants.ts";
import { segmentEntersRect } from "./geometry.ts";
import { ticks } from "./step.ts";

interface Flight {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Where a bullet is `age` ticks after it was fired. */
export function bulletPosition(bullet: Flight, age: number, dt: number): { x: number; y: number } {
  return { x: bullet.x + bullet.vx * age * dt, y: bullet.y + bullet.vy * age * dt };
}

/** How far along its path from `from` to `to` (0 to 1) a bullet meets a wall or leaves the arena; Infinity if it does neither. */
export function wallStop(from: { x: number; y: number }, to: { x: number; y: number }, layout: ArenaLayout): number {
  let stopAt = Infinity;
  for (const wall of layout.walls) {
    const t = segmentEntersRect(from.x, from.y, to.x, to.y, wall);
    if (t !== null && t < stopAt) stopAt = t;
  }
  if (to.x < 0 || to.y < 0 || to.x > layout.width || to.y > layout.height) stopAt = Math.min(stopAt, 1);
  return stopAt;
}

/**
 * How many ticks after it was fired the world stops a bullet at a wall, the arena's
 * edge or the end of its flight, unless a ship stops it first.
 */
export function flightTicks(bullet: Flight, layout: ArenaLayout, dt: number): number {
  const lifetime = ticks(BULLET_LIFETIME, dt);
  for (let age = 1; age < lifetime; age++) {
    if (wallStop(bulletPosition(bullet, age - 1, dt), bulletPosition(bullet, age, dt), layout) !== Infinity) return age;
  }
  return lifetime;
}
