// The match rules on plain objects, without a server: a world built from Maps
// and a factory of plain entities, plus helpers to play ticks.
import { CROSSROADS } from "../../shared/arena.ts";
import { TICK_RATE } from "../../shared/constants.ts";
import { BULLET_FIELDS, initialValues, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS } from "../../shared/entities.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";
import {
  addShip,
  advanceWorld,
  applyControls,
  startWorld,
  DEFAULT_RULES,
  type EntityFactory,
  type MatchRules,
  type ShipState,
  type WorldEvent,
  type WorldState,
} from "../../shared/world.ts";

export const dt = 1 / TICK_RATE;

export const plainFactory: EntityFactory = {
  ship: () => initialValues(SHIP_FIELDS),
  bullet: () => initialValues(BULLET_FIELDS),
  pickup: () => initialValues(PICKUP_FIELDS),
};

/** A world playing round 1 on `layout`, by `rules` (the default ones, or a mode and targets over them). */
export function newWorld(layout = CROSSROADS, rules: Partial<MatchRules> = {}): WorldState {
  const world: WorldState = {
    ...initialValues(ROUND_FIELDS),
    ships: new Map(),
    bullets: new Map(),
    pickups: new Map(),
  };
  startWorld(world, plainFactory, dt, { ...DEFAULT_RULES, ...rules }, layout);
  return world;
}

/** Adds a ship and puts it at (x, y) with its spawn shield already gone. */
export function place(world: WorldState, id: string, x: number, y: number): ShipState {
  const ship = world.ships.get(id) ?? addShip(world, id, { name: id, hue: 0, bot: false }, plainFactory, dt);
  Object.assign(ship, { x, y, vx: 0, vy: 0, shieldUntil: 0 });
  return ship;
}

export function controls(overrides: Partial<ShipControls>): ShipControls {
  return { ...NO_CONTROLS, ...overrides };
}

/** Plays `count` ticks; each ship gets the controls named for it (or none), then the world advances. */
export function play(world: WorldState, count: number, controlsFor: (id: string, tick: number) => ShipControls | undefined = () => undefined): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (let i = 0; i < count; i++) {
    for (const id of [...world.ships.keys()]) {
      applyControls(world, id, controlsFor(id, world.tick) ?? NO_CONTROLS, plainFactory, dt, events);
    }
    advanceWorld(world, plainFactory, dt, events);
  }
  return events;
}

export const FIRE_RIGHT = controls({ aimX: 1, aimY: 0, fire: true });
