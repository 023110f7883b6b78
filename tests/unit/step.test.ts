import { describe, expect, it } from "vitest";
import { CROSSROADS, type ArenaLayout } from "../../shared/arena.ts";
import {
  BULLET_SPEED,
  DASH_COOLDOWN,
  DASH_DURATION,
  DASH_SPEED,
  FIRE_INTERVAL,
  MOVE_AXIS_MAX,
  RAPID_FIRE_INTERVAL,
  POSITION_GRID,
  SHIP_ACCELERATION,
  SHIP_MAX_SPEED,
  SHIP_RADIUS,
  TICK_RATE,
} from "../../shared/constants.ts";
import { NO_CONTROLS, stepShip, ticks, type ShipBody, type ShipControls } from "../../shared/step.ts";

const dt = 1 / TICK_RATE;
const open: ArenaLayout = { ...CROSSROADS, walls: [] };
const IDLE: ShipControls = NO_CONTROLS;
const RIGHT = move(MOVE_AXIS_MAX, 0);

function move(moveX: number, moveY: number): ShipControls {
  return { ...NO_CONTROLS, moveX, moveY };
}

function ship(x = 400, y = 360): ShipBody {
  return { x, y, vx: 0, vy: 0, alive: true, dashTicks: 0, dashCooldown: 0, fireCooldown: 0, speedTicks: 0, rapidTicks: 0 };
}

function run(body: ShipBody, controls: ShipControls, steps: number, layout = open): ShipBody {
  for (let i = 0; i < steps; i++) stepShip(body, controls, layout, dt);
  return body;
}

describe("stepShip", () => {
  it("accelerates gradually instead of jumping to full speed", () => {
    const body = run(ship(), RIGHT, 1);
    expect(body.vx).toBeCloseTo(SHIP_ACCELERATION * dt, 1);
    expect(body.vx).toBeLessThan(SHIP_MAX_SPEED / 2);
    expect(body.vy).toBe(0);
    const faster = run(body, RIGHT, 3).vx;
    expect(faster).toBeGreaterThan(SHIP_ACCELERATION * dt);
  });

  it("never exceeds the top speed, straight or diagonal", () => {
    expect(run(ship(100, 360), RIGHT, 20).vx).toBeLessThanOrEqual(SHIP_MAX_SPEED);
    const diagonal = run(ship(100, 100), move(MOVE_AXIS_MAX, MOVE_AXIS_MAX), 20);
    expect(Math.hypot(diagonal.vx, diagonal.vy)).toBeLessThanOrEqual(SHIP_MAX_SPEED + 1 / POSITION_GRID);
    expect(Math.hypot(diagonal.vx, diagonal.vy)).toBeGreaterThan(SHIP_MAX_SPEED * 0.95);
  });

  it("thrusts no harder diagonally than straight", () => {
    const straight = run(ship(), RIGHT, 1);
    const diagonal = run(ship(), move(MOVE_AXIS_MAX, MOVE_AXIS_MAX), 1);
    expect(Math.hypot(diagonal.vx, diagonal.vy)).toBeCloseTo(straight.vx, 1);
  });

  it("slows to a stop through friction when the stick is released", () => {
    const body = run(ship(100, 360), RIGHT, 20);
    run(body, IDLE, 5);
    expect(body.vx).toBeGreaterThan(0);
    expect(body.vx).toBeLessThan(SHIP_MAX_SPEED / 2);
    run(body, IDLE, 60);
    expect(body.vx).toBe(0);
  });

  it("stops at the arena edge and loses the speed into it", () => {
    const body = run(ship(open.width - 100, 360), RIGHT, 60);
    expect(body.x).toBe(open.width - SHIP_RADIUS);
    expect(body.vx).toBe(0);
  });

  it("cannot pass through a wall and slides along it", () => {
    const wall = { x: 500, y: 100, w: 40, h: 560 };
    const layout = { ...open, walls: [wall] };
    const body = run(ship(400, 200), move(MOVE_AXIS_MAX, MOVE_AXIS_MAX), 45, layout);
    expect(body.x).toBe(wall.x - SHIP_RADIUS);
    expect(body.vx).toBe(0);
    expect(body.y).toBeGreaterThan(400);
  });

  it("is pushed out through the nearest face when spawned inside a wall", () => {
    const wall = { x: 500, y: 300, w: 40, h: 200 };
    const body = run(ship(505, 400), IDLE, 1, { ...open, walls: [wall] });
    expect(body.x).toBe(wall.x - SHIP_RADIUS);
  });

  it("keeps positions on a grid that float32 stores exactly", () => {
    const body = run(ship(), move(37, -71), 17, CROSSROADS);
    for (const value of [body.x, body.y, body.vx, body.vy]) {
      expect(Math.fround(value)).toBe(value);
      expect(value * POSITION_GRID).toBe(Math.round(value * POSITION_GRID));
    }
  });

  it("gives the same state for the same inputs", () => {
    const inputs: ShipControls[] = Array.from({ length: 600 }, (_, i) => ({
      moveX: ((i * 37) % 201) - 100,
      moveY: ((i * 53) % 201) - 100,
      aimX: ((i * 91) % 2001) - 1000,
      aimY: ((i * 17) % 2001) - 1000,
      fire: i % 3 === 0,
      dash: i % 45 === 0,
    }));
    const play = () => {
      const body = ship(200, 200);
      const trace: number[] = [];
      for (const input of inputs) {
        const shot = stepShip(body, input, CROSSROADS, dt);
        trace.push(body.x, body.y, body.vx, body.vy, shot?.vx ?? 0, shot?.vy ?? 0);
      }
      return trace;
    };
    const first = play();
    expect(play()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(100);
  });

  it("dashes in the stick direction, and the cooldown blocks a second dash", () => {
    const body = ship(200, 400);
    const dash = { ...move(MOVE_AXIS_MAX, 0), dash: true };
    stepShip(body, dash, open, dt);
    expect(body.vx).toBe(DASH_SPEED);
    run(body, RIGHT, ticks(DASH_DURATION, dt));
    const afterBurst = body.x;
    expect(afterBurst - 200).toBeGreaterThan(DASH_SPEED * DASH_DURATION * 0.9);
    run(body, IDLE, 10);
    const coasting = body.vx;
    const dashAlongAim = { ...IDLE, aimX: 1, aimY: 0, dash: true };
    stepShip(body, dashAlongAim, open, dt);
    expect(body.vx).toBeLessThan(coasting);
    expect(body.dashTicks).toBe(0);
    run(body, IDLE, ticks(DASH_COOLDOWN, dt));
    stepShip(body, dashAlongAim, open, dt);
    expect(body.vx).toBe(DASH_SPEED);
  });

  it("dashes towards the aim when the stick is idle", () => {
    const body = ship(600, 400);
    stepShip(body, { ...IDLE, aimX: 0, aimY: -500, dash: true }, open, dt);
    expect(body.vy).toBe(-DASH_SPEED);
    expect(body.vx).toBe(0);
  });

  it("fires along the aim at the fixed rate while the trigger is held", () => {
    const body = ship();
    const trigger = { ...IDLE, aimX: 3, aimY: 4, fire: true };
    const shots = Array.from({ length: TICK_RATE }, () => stepShip(body, trigger, open, dt)).filter((shot) => shot !== null);
    expect(shots).toHaveLength(Math.round(1 / FIRE_INTERVAL));
    const first = shots[0]!;
    expect(first.vx).toBeCloseTo(BULLET_SPEED * 0.6, 1);
    expect(first.vy).toBeCloseTo(BULLET_SPEED * 0.8, 1);
    expect({ x: first.x, y: first.y }).toEqual({ x: 400, y: 360 });
  });

  it("fires twice as often with rapid fire", () => {
    const body = { ...ship(), rapidTicks: 1000 };
    const trigger = { ...IDLE, aimX: 1, aimY: 0, fire: true };
    const shots = Array.from({ length: TICK_RATE }, () => stepShip(body, trigger, open, dt)).filter(Boolean);
    expect(shots).toHaveLength(Math.round(1 / RAPID_FIRE_INTERVAL));
  });

  it("goes faster with the speed boost, until it runs out", () => {
    const boosted = run({ ...ship(100, 360), speedTicks: 40 }, RIGHT, 30);
    expect(boosted.vx).toBeGreaterThan(SHIP_MAX_SPEED * 1.2);
    run(boosted, RIGHT, 30);
    expect(boosted.speedTicks).toBe(0);
    expect(boosted.vx).toBeLessThanOrEqual(SHIP_MAX_SPEED + 1);
  });

  it("does nothing for a knocked-out ship", () => {
    const body = { ...ship(), alive: false };
    expect(stepShip(body, { ...RIGHT, aimX: 1, aimY: 0, fire: true, dash: true }, open, dt)).toBeNull();
    expect(body).toEqual({ ...ship(), alive: false });
  });

  it("cannot dash through a thin wall", () => {
    const wall = { x: 300, y: 300, w: 24, h: 200 };
    const body = ship(270, 400);
    stepShip(body, { ...move(MOVE_AXIS_MAX, 0), dash: true }, { ...open, walls: [wall] }, dt);
    run(body, RIGHT, 5, { ...open, walls: [wall] });
    expect(body.x).toBe(wall.x - SHIP_RADIUS);
  });
});
