// The rules level: the match's own step on plain objects, without a server. It is
// synchronous and takes milliseconds; a wait of a minute of play is a loop.
import { type ArenaLayout, CROSSROADS, layoutByName, type Point } from "../../shared/arena.ts";
import { TICK_RATE } from "../../shared/constants.ts";
import { BULLET_FIELDS, initialValues, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS } from "../../shared/entities.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";
import { stepWorld } from "../../shared/stepWorld.ts";
import {
  addShip,
  advanceWorld,
  applyControls,
  DEFAULT_RULES,
  type EntityFactory,
  liveSight,
  type MatchRules,
  type ShipState,
  startWorld,
  type WorldEvent,
  type WorldState,
} from "../../shared/world.ts";
import { arranged, checkPlaces, MatchBase, type MatchSetup } from "./match.ts";

/** One tick, s. */
export const dt = 1 / TICK_RATE;

export const plainFactory: EntityFactory = {
  ship: () => initialValues(SHIP_FIELDS),
  bullet: () => initialValues(BULLET_FIELDS),
  pickup: () => initialValues(PICKUP_FIELDS),
};

/** A world playing round 1 on `layout`, by `rules` (the default ones, or a mode and targets over them). */
export function newWorld(layout: ArenaLayout = CROSSROADS, rules: Partial<MatchRules> = {}): WorldState {
  const world: WorldState = {
    ...initialValues(ROUND_FIELDS),
    ships: new Map(),
    bullets: new Map(),
    pickups: new Map(),
  };
  startWorld(world, plainFactory, dt, { ...DEFAULT_RULES, ...rules }, layout);
  return world;
}

/** Adds a ship (if it is not there yet) and puts it at (x, y), at rest, with its spawn shield gone. */
export function place(world: WorldState, id: string, x: number, y: number): ShipState {
  const ship = world.ships.get(id) ?? addShip(world, id, { name: id, hue: world.ships.size, bot: false }, plainFactory, dt);
  Object.assign(ship, { x, y, vx: 0, vy: 0, shieldUntil: 0 });
  return ship;
}

export function controls(overrides: Partial<ShipControls>): ShipControls {
  return { ...NO_CONTROLS, ...overrides };
}

export const FIRE_RIGHT = controls({ aimX: 1, aimY: 0, fire: true });

/** Plays `count` ticks; each ship, bots too, gets the controls named for it (or none), then the world advances. */
export function play(world: WorldState, count: number, controlsFor: (id: string, tick: number) => ShipControls | undefined = () => undefined): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (let i = 0; i < count; i++) {
    for (const id of [...world.ships.keys()]) applyControls(world, id, controlsFor(id, world.tick) ?? NO_CONTROLS, plainFactory, dt, events);
    advanceWorld(world, plainFactory, dt, events);
  }
  return events;
}

/** A match at the rules level: its ships fly by their orders, a tick at a time. */
export class RulesMatch extends MatchBase {
  readonly level = "rules";
  readonly world: WorldState;
  protected readonly tickRate = TICK_RATE;

  constructor(setup: MatchSetup) {
    super();
    const { mode, arena, roundSeconds, koTarget, holdTarget } = setup.settings ?? {};
    const rules = {
      ...DEFAULT_RULES,
      ...(mode && { mode }),
      ...(roundSeconds && { roundSeconds }),
      ...(koTarget && { koTarget }),
      ...(holdTarget && { holdTarget }),
    };
    const layout = arena && arena !== "rotate" ? layoutByName(arena) : CROSSROADS;
    checkPlaces(layout, setup);
    this.world = newWorld(layout, { ...rules, arena: layout.name });
    for (const [name, ship] of Object.entries(setup.ships)) {
      this.addShip(name, name);
      Object.assign(place(this.world, name, ship.at.x, ship.at.y), arranged(ship));
    }
  }

  async wait(ticks: number): Promise<void> {
    for (let i = 0; i < ticks; i++) this.step();
  }

  async until(condition: () => boolean, what: string, maxTicks = 10 * TICK_RATE): Promise<void> {
    for (let i = 0; !condition(); i++) {
      if (i >= maxTicks) throw new Error(`${maxTicks} ticks passed without ${what}.`);
      this.step();
    }
  }

  seen(_viewer: string, name: string): Point | undefined {
    return this.sighting(name);
  }

  async close(): Promise<void> {}

  private step(): void {
    const decided = new Map<string, ShipControls>();
    for (const ship of this.ships.values()) {
      const own = this.sighting(ship.name);
      if (own)
        decided.set(
          ship.id,
          ship.controls(own, (name) => this.sighting(name)),
        );
    }
    const events: WorldEvent[] = [];
    stepWorld(this.world, plainFactory, dt, events, (id) => [decided.get(id) ?? NO_CONTROLS], liveSight(dt));
    this.heard(events, this.world.tick);
  }
}

export function rulesMatch(setup: MatchSetup): RulesMatch {
  return new RulesMatch(setup);
}
