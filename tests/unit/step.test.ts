import { describe, expect, it } from "vitest";
import { CROSSROADS, type ArenaLayout } from "../../shared/arena.ts";
import {
  MOVE_AXIS_MAX,
  POSITION_GRID,
  SHIP_ACCELERATION,
  SHIP_MAX_SPEED,
  SHIP_RADIUS,
  TICK_RATE,
} from "../../shared/constants.ts";
import { stepShip, type ShipBody, type ShipControls } from "../../shared/step.ts";

const dt = 1 / TICK_RATE;
const open: ArenaLayout = { ...CROSSROADS, walls: [] };
const RIGHT: ShipControls = { moveX: MOVE_AXIS_MAX, moveY: 0 };
const IDLE: ShipControls = { moveX: 0, moveY: 0 };

function ship(x = 400, y = 360): ShipBody {
  return { x, y, vx: 0, vy: 0 };
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
    const diagonal = run(ship(100, 100), { moveX: MOVE_AXIS_MAX, moveY: MOVE_AXIS_MAX }, 20);
    expect(Math.hypot(diagonal.vx, diagonal.vy)).toBeLessThanOrEqual(SHIP_MAX_SPEED + 1 / POSITION_GRID);
    expect(Math.hypot(diagonal.vx, diagonal.vy)).toBeGreaterThan(SHIP_MAX_SPEED * 0.95);
  });

  it("thrusts no harder diagonally than straight", () => {
    const straight = run(ship(), RIGHT, 1);
    const diagonal = run(ship(), { moveX: MOVE_AXIS_MAX, moveY: MOVE_AXIS_MAX }, 1);
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
    const body = run(ship(400, 200), { moveX: MOVE_AXIS_MAX, moveY: MOVE_AXIS_MAX }, 45, layout);
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
    const body = run(ship(), { moveX: 37, moveY: -71 }, 17, CROSSROADS);
    for (const value of [body.x, body.y, body.vx, body.vy]) {
      expect(Math.fround(value)).toBe(value);
      expect(value * POSITION_GRID).toBe(Math.round(value * POSITION_GRID));
    }
  });

  it("gives the same state for the same inputs", () => {
    const inputs: ShipControls[] = Array.from({ length: 600 }, (_, i) => ({
      moveX: ((i * 37) % 201) - 100,
      moveY: ((i * 53) % 201) - 100,
    }));
    const play = () => {
      const body = ship(200, 200);
      const trace: number[] = [];
      for (const input of inputs) {
        stepShip(body, input, CROSSROADS, dt);
        trace.push(body.x, body.y, body.vx, body.vy);
      }
      return trace;
    };
    const first = play();
    expect(play()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(100);
  });
});
