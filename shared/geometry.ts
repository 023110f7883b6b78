// Deterministic 2D helpers for the rules: arithmetic, min/max and square roots,
// which IEEE 754 rounds exactly, so every machine gets the same answers.
import type { Wall } from "./arena.ts";

/** An axis-aligned box: every point from (minX, minY) to (maxX, maxY). */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The smallest box holding the segment from (x0,y0) to (x1,y1). */
export function boxAround(x0: number, y0: number, x1: number, y1: number): Box {
  return { minX: Math.min(x0, x1), minY: Math.min(y0, y1), maxX: Math.max(x0, x1), maxY: Math.max(y0, y1) };
}

/** The smallest box holding both boxes. */
export function enclosingBox(a: Box, b: Box): Box {
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}

/** Whether the segment from (x0,y0) to (x1,y1) stays farther than `margin` from `box` along the x or the y axis. */
export function segmentClearsBox(x0: number, y0: number, x1: number, y1: number, box: Box, margin: number): boolean {
  return (
    Math.max(x0, x1) < box.minX - margin || Math.min(x0, x1) > box.maxX + margin || Math.max(y0, y1) < box.minY - margin || Math.min(y0, y1) > box.maxY + margin
  );
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The turn from angle `from` to angle `to` the shorter way round, radians in [-π, π). */
export function angleBetween(from: number, to: number): number {
  return ((((to - from) % (2 * Math.PI)) + 3 * Math.PI) % (2 * Math.PI)) - Math.PI;
}

/**
 * Where the segment from (x0,y0) to (x1,y1) first enters the rectangle grown by
 * `margin` on every side, as a fraction 0..1 of the segment; null if it never does.
 * Runs for every bullet against every wall each tick, so it allocates nothing.
 */
export function segmentEntersRect(x0: number, y0: number, x1: number, y1: number, wall: Wall, margin = 0): number | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const left = wall.x - margin;
  const right = wall.x + wall.w + margin;
  const top = wall.y - margin;
  const bottom = wall.y + wall.h + margin;
  const enter = Math.max(0, slabEnter(x0, dx, left, right), slabEnter(y0, dy, top, bottom));
  const exit = Math.min(1, slabExit(x0, dx, left, right), slabExit(y0, dy, top, bottom));
  return enter <= exit ? enter : null;
}

/**
 * Along one axis, the fraction of the segment at which it comes between `min` and
 * `max`: -Infinity if it is between them all along, Infinity if never.
 */
function slabEnter(start: number, delta: number, min: number, max: number): number {
  if (delta === 0) return start < min || start > max ? Infinity : -Infinity;
  return Math.min((min - start) / delta, (max - start) / delta);
}

/** Along one axis, the fraction at which the segment leaves the span `min`..`max` (see slabEnter). */
function slabExit(start: number, delta: number, min: number, max: number): number {
  if (delta === 0) return start < min || start > max ? -Infinity : Infinity;
  return Math.max((min - start) / delta, (max - start) / delta);
}

/** Fraction 0..1 along the segment where it first comes within `radius` of (cx,cy); null if never. */
export function segmentNearPoint(x0: number, y0: number, x1: number, y1: number, cx: number, cy: number, radius: number): number | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const fx = x0 - cx;
  const fy = y0 - cy;
  const c = fx * fx + fy * fy - radius * radius;
  if (c <= 0) return 0;
  const a = dx * dx + dy * dy;
  if (a === 0) return null;
  const b = 2 * (fx * dx + fy * dy);
  const discriminant = b * b - 4 * a * c;
  if (discriminant < 0) return null;
  const t = (-b - Math.sqrt(discriminant)) / (2 * a);
  return t >= 0 && t <= 1 ? t : null;
}

/** Whether the straight line between two points clears every wall. */
export function hasLineOfSight(walls: readonly Wall[], x0: number, y0: number, x1: number, y1: number): boolean {
  return walls.every((wall) => segmentEntersRect(x0, y0, x1, y1, wall) === null);
}

export function distanceSquared(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return dx * dx + dy * dy;
}

/** The squared distance from a point to the nearest point of a rectangle (0 inside it). */
export function distanceSquaredToRect(x: number, y: number, rect: Wall): number {
  const dx = x - clamp(x, rect.x, rect.x + rect.w);
  const dy = y - clamp(y, rect.y, rect.y + rect.h);
  return dx * dx + dy * dy;
}
