// Scripted players: a ship's standing orders (go to a point or follow a path, keep
// the aim on a ship or a point and lead it if it moves, pull the trigger, dash)
// turned into one step's controls. The same orders drive a ship at the rules level,
// from the world as it is, and a player at the room level, from what its client sees.
import type { Point } from "../../shared/arena.ts";
import { AIM_AXIS_MAX, BULLET_SPEED, MOVE_AXIS_MAX, SHIP_ACCELERATION, SHIP_FRICTION, SHIP_MAX_SPEED } from "../../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";

/** A ship as the pilot sees it: where it is and how fast it moves (px, px/s). */
export interface Sighting extends Point {
  vx: number;
  vy: number;
  /** Steps until its gun can fire again (known of one's own ship). */
  fireCooldown?: number;
}

/** A ship (by the name the test gave it) or a point in the arena. */
export type AimTarget = string | Point;

/** Close enough to a waypoint to count as there, px. */
const ARRIVED = 4;
/** Close enough to a waypoint on the way to count as passed, px: a ship at full speed moves under this in a step. */
const PASSED = 16;
/** Slower than this, px/s, a ship at its waypoint counts as stopped there. */
const SETTLED = 20;
/** How sharply the pilot slows down into a waypoint: its wanted speed is this × the distance left, per second. */
const APPROACH = 5;
/** How hard the pilot closes the gap between the speed it has and the speed it wants, per second. */
const CATCH_UP = 10;

export class Orders {
  private path: Point[] = [];
  private looping = false;
  private aim: { target: AimTarget; lead: boolean } | null = null;
  private triggers = 0;
  private holding = false;
  private dashes = 0;

  /** Goes to `point` and stops there (any path under way is dropped). */
  moveTo(point: Point): void {
    this.follow([point]);
  }

  /** Goes through `points` in turn; with `loop`, back to the first after the last, for ever. */
  follow(points: readonly Point[], loop = false): void {
    this.path = points.map(({ x, y }) => ({ x, y }));
    this.looping = loop;
  }

  /** Keeps the aim on `target`; with `lead`, where a bullet fired now meets it. */
  aimAt(target: AimTarget, lead = false): void {
    this.aim = { target, lead };
  }

  /** One shot at the next step (or, with `hold`, a shot every time the gun is ready until `ceaseFire`). */
  fire(hold = false): void {
    if (hold) this.holding = true;
    else this.triggers++;
  }

  ceaseFire(): void {
    this.holding = false;
    this.triggers = 0;
  }

  /** A dash at the next step, along the way it is going (or its aim, standing still). */
  dash(): void {
    this.dashes++;
  }

  /** Stands still, aims at nothing and holds fire. */
  stop(): void {
    this.path = [];
    this.aim = null;
    this.ceaseFire();
  }

  /** Whether the ship has a waypoint still to reach. */
  get moving(): boolean {
    return this.path.length > 0;
  }

  /**
   * One step's controls for a ship at `own`; `find` says where a ship named as a
   * target is seen (undefined: not seen, and the aim is kept as it was).
   */
  controls(own: Sighting, find: (name: string) => Sighting | undefined): ShipControls {
    const controls: ShipControls = { ...NO_CONTROLS, ...this.steer(own) };
    const aim = this.aimFrom(own, find);
    if (aim) Object.assign(controls, aim);
    if (this.dashes > 0) {
      this.dashes--;
      controls.dash = true;
    }
    // A shot asked for waits until the gun is ready (the step counts its cooldown down before it fires).
    const ready = (own.fireCooldown ?? 0) <= 1;
    if ((controls.aimX !== 0 || controls.aimY !== 0) && ready) {
      if (this.triggers > 0 || this.holding) controls.fire = true;
      if (this.triggers > 0) this.triggers--;
    }
    return controls;
  }

  private steer(own: Sighting): Pick<ShipControls, "moveX" | "moveY"> {
    const next = this.nextWaypoint(own);
    if (!next) return { moveX: 0, moveY: 0 };
    const dx = next.x - own.x;
    const dy = next.y - own.y;
    const distance = Math.hypot(dx, dy);
    // The speed wanted: full speed while far, slowing into the last waypoint; the stick makes up the difference.
    const last = this.path.length === 1 && !this.looping;
    const speed = distance === 0 ? 0 : last ? Math.min(SHIP_MAX_SPEED, distance * APPROACH) : SHIP_MAX_SPEED;
    const wantX = distance === 0 ? 0 : (dx / distance) * speed;
    const wantY = distance === 0 ? 0 : (dy / distance) * speed;
    // Enough thrust to hold the wanted speed against drag, and more (or less) to close the gap to it.
    const push = (want: number, have: number) =>
      Math.round(Math.max(-1, Math.min(1, (SHIP_FRICTION * want + (want - have) * CATCH_UP) / SHIP_ACCELERATION)) * MOVE_AXIS_MAX);
    return { moveX: push(wantX, own.vx), moveY: push(wantY, own.vy) };
  }

  /** The waypoint to head for, once those reached are dropped (or, looping, sent to the back). */
  private nextWaypoint(own: Sighting): Point | undefined {
    for (let turns = 0; turns < this.path.length; turns++) {
      const next = this.path[0]!;
      const distance = Math.hypot(next.x - own.x, next.y - own.y);
      // A waypoint on the way is passed at speed; the last one is reached, and stopped at.
      const last = this.path.length === 1 && !this.looping;
      const reached = last ? distance < ARRIVED && Math.hypot(own.vx, own.vy) < SETTLED : distance < PASSED;
      if (!reached) return next;
      this.path.shift();
      if (this.looping) this.path.push(next);
    }
    return this.path[0];
  }

  private aimFrom(own: Sighting, find: (name: string) => Sighting | undefined): Pick<ShipControls, "aimX" | "aimY"> | null {
    if (!this.aim) return null;
    const { target, lead } = this.aim;
    const seen: Sighting | undefined = typeof target === "string" ? find(target) : { ...target, vx: 0, vy: 0 };
    if (!seen) return null;
    const at = lead ? leadPoint(own, seen) : seen;
    return aimControls(at.x - own.x, at.y - own.y);
  }
}

/** Where a bullet fired from `own` now meets `target`, if it keeps its course. */
export function leadPoint(own: Point, target: Sighting): Point {
  let at: Point = target;
  for (let i = 0; i < 4; i++) {
    const flight = Math.hypot(at.x - own.x, at.y - own.y) / BULLET_SPEED;
    at = { x: target.x + target.vx * flight, y: target.y + target.vy * flight };
  }
  return at;
}

/** The aim controls pointing along (dx, dy), as precisely as the wire carries them. */
export function aimControls(dx: number, dy: number): Pick<ShipControls, "aimX" | "aimY"> {
  const scale = AIM_AXIS_MAX / Math.max(Math.abs(dx), Math.abs(dy), 1e-9);
  return { aimX: Math.round(dx * scale), aimY: Math.round(dy * scale) };
}
