// A match as a test sees it, the same at both levels: ships named by the test,
// given orders by verbs, time passing by ticks, and what happened read back with
// those names. rulesMatch plays it on plain state, roomMatch through a real room.
import type { ArenaLayout, Point } from "../../shared/arena.ts";
import { ARENA_HEIGHT, ARENA_WIDTH, SHIP_RADIUS } from "../../shared/constants.ts";
import { clamp } from "../../shared/geometry.ts";
import type { ModeName } from "../../shared/modes/index.ts";
import type { Scoreboard } from "../../shared/messages.ts";
import { type ScoredState, scoreboardFromState } from "../../shared/scores.ts";
import type { RoomSettings } from "../../shared/settings.ts";
import type { ShipState, WorldEvent, WorldState } from "../../shared/world.ts";
import { Orders } from "./pilot.ts";
import { differences, eventText, type FieldValue, StateMismatch, type WorldValues } from "../../scripts/lib/stateDiff.ts";

/** Events the kit keeps already name their ships. */
const NO_NAMES = new Map<string, string>();

/** A ship as the test sets it up: where it stands (at rest, its spawn shield gone), and what else it starts with. */
export interface ShipSetup {
  at: Point;
  /** Its team in a team mode (otherwise the one it was put on as it joined). */
  team?: 1 | 2;
  health?: number;
}

export interface MatchSetup {
  /** Every ship, by the name the test calls it (its name in the game too). */
  ships: Record<string, ShipSetup>;
  /** The settings the room is created with (the rules level reads the mode, arena, round length and targets). */
  settings?: Partial<RoomSettings> & { mode?: ModeName };
  /** Room level: each player's simulated round trip and jitter, ms. */
  rttMs?: number;
  jitterMs?: number;
}

/** Fails at once, naming the ship, if the setup puts one where a ship cannot be (in or against a wall, or off the arena): the step would push it elsewhere. */
export function checkPlaces(layout: ArenaLayout, setup: MatchSetup): void {
  for (const [name, { at }] of Object.entries(setup.ships)) {
    const off =
      !Number.isFinite(at.x) ||
      !Number.isFinite(at.y) ||
      at.x < SHIP_RADIUS ||
      at.y < SHIP_RADIUS ||
      at.x > ARENA_WIDTH - SHIP_RADIUS ||
      at.y > ARENA_HEIGHT - SHIP_RADIUS;
    const wall = layout.walls.find((w) => Math.hypot(at.x - clamp(at.x, w.x, w.x + w.w), at.y - clamp(at.y, w.y, w.y + w.h)) < SHIP_RADIUS);
    if (off || wall) {
      const where = wall ? `a wall (x ${wall.x}–${wall.x + wall.w}, y ${wall.y}–${wall.y + wall.h})` : "the arena's edge";
      throw new Error(`${name} is set at (${at.x}, ${at.y}) on ${layout.name}, within ${SHIP_RADIUS} px of ${where}: a ship cannot be there.`);
    }
  }
}

/** A ship's state as the test set it up: in place, at rest, its spawn shield gone, and the rest it asked for. */
export function arranged(setup: ShipSetup): Partial<ShipState> {
  return {
    x: setup.at.x,
    y: setup.at.y,
    vx: 0,
    vy: 0,
    shieldUntil: 0,
    fireCooldown: 0,
    dashCooldown: 0,
    ...(setup.team !== undefined && { team: setup.team }),
    ...(setup.health !== undefined && { health: setup.health }),
  };
}

/** A world event with ships named as the test named them, and the tick it happened in. */
export type NamedEvent = WorldEvent & { tick: number };

/** A ship of the match: the verbs that give it orders, and its state as the rules (or the server) have it. */
export class MatchShip extends Orders {
  readonly name: string;
  readonly id: string;
  private readonly read: () => ShipState;

  constructor(name: string, id: string, read: () => ShipState) {
    super();
    this.name = name;
    this.id = id;
    this.read = read;
  }

  get state(): ShipState {
    return this.read();
  }
}

export interface Match {
  readonly level: "rules" | "room";
  /** The authoritative world: the rules' state, or the server room's. */
  readonly world: WorldState;
  /** Every event since the match was set up, ships named by the test's names. */
  readonly events: readonly NamedEvent[];
  ship(name: string): MatchShip;
  /** Where `viewer` sees `name`: the truth at the rules level; its client's interpolated (or predicted) view at the room level. */
  seen(viewer: string, name: string): Point | undefined;
  /** Lets `ticks` ticks of the match pass, every ship following its orders. */
  wait(ticks: number): Promise<void>;
  /** Plays on until `condition` holds; fails, naming `what`, if `maxTicks` pass first. */
  until(condition: () => boolean, what: string, maxTicks?: number): Promise<void>;
  /** Fails with a diff (the tick, each ship and field not as expected, the scoreboard) unless every ship has these values. */
  expectShips(expected: Record<string, Partial<Record<keyof ShipState, FieldValue>>>): void;
  scoreboard(): Pick<Scoreboard, "mode" | "teams" | "ships" | "round" | "phase">;
  close(): Promise<void>;
}

/** Shared by both levels: names, orders, events and expectations over a world. */
export abstract class MatchBase implements Match {
  abstract readonly level: "rules" | "room";
  abstract readonly world: WorldState;
  abstract wait(ticks: number): Promise<void>;
  abstract until(condition: () => boolean, what: string, maxTicks?: number): Promise<void>;
  abstract seen(viewer: string, name: string): Point | undefined;
  abstract close(): Promise<void>;
  protected abstract readonly tickRate: number;

  readonly events: NamedEvent[] = [];
  protected readonly ships = new Map<string, MatchShip>();
  /** Ship ids to the test's names (the same at the rules level; session ids at the room level). */
  protected readonly names = new Map<string, string>();

  ship(name: string): MatchShip {
    const ship = this.ships.get(name);
    if (!ship) throw new Error(`No ship named ${name} in this match (it has ${[...this.ships.keys()].join(", ")}).`);
    return ship;
  }

  protected addShip(name: string, id: string): MatchShip {
    const ship = new MatchShip(name, id, () => {
      const state = this.world.ships.get(id);
      if (!state) throw new Error(`Ship ${name} is no longer in the match.`);
      return state;
    });
    this.ships.set(name, ship);
    this.names.set(id, name);
    return ship;
  }

  /** Records events with the test's names for ships. */
  protected heard(events: readonly WorldEvent[], tick: number): void {
    for (const event of events) {
      const named: Record<string, unknown> = { ...event, tick };
      for (const key of ["shooter", "target", "killer", "victim", "ship", "winner"]) {
        const id = named[key];
        if (typeof id === "string") named[key] = this.names.get(id) ?? id;
      }
      this.events.push(named as NamedEvent);
    }
  }

  /** Where a ship the orders name is, for a pilot: the truth here; the room level reads its players' views. */
  protected sighting(name: string) {
    const ship = this.ships.get(name);
    const state = ship && this.world.ships.get(ship.id);
    return state?.alive ? { x: state.x, y: state.y, vx: state.vx, vy: state.vy, fireCooldown: state.fireCooldown } : undefined;
  }

  expectShips(expected: Record<string, Partial<Record<keyof ShipState, FieldValue>>>): void {
    const wanted: WorldValues = new Map();
    const actual: WorldValues = new Map();
    for (const [name, fields] of Object.entries(expected)) {
      const ship = this.ship(name);
      wanted.set(`ship:${ship.id}`, fields as Record<string, FieldValue>);
      const state = ship.state as unknown as Record<string, FieldValue>;
      actual.set(`ship:${ship.id}`, Object.fromEntries(Object.keys(fields).map((field) => [field, state[field]!])));
    }
    const found = differences(wanted, actual, false);
    if (found.length === 0) return;
    const board = this.scoreboard().ships;
    throw new StateMismatch({
      headline: `The match is not as the test expects (${this.level} level)`,
      tick: this.world.tick,
      round: this.world.round,
      secondsIn: this.secondsIn(),
      differences: found,
      names: this.names,
      context: [
        "What happened in the last second:",
        ...this.recentEvents().map((line) => `  ${line}`),
        "",
        "Scoreboard now:",
        ...board.map((s) => `  ${s.name} ${s.kos} KOs ${s.deaths} deaths`),
      ],
    });
  }

  scoreboard() {
    // The room's state is a schema (its fields are accessors, lost to a spread) and has its tick rate; plain state has not.
    const world = this.world;
    return scoreboardFromState("tickRate" in world ? (world as unknown as ScoredState) : { ...world, tickRate: this.tickRate });
  }

  private secondsIn(): number {
    const world = this.world;
    return world.phase === "playing" ? world.roundSeconds - (world.phaseEndTick - world.tick) / this.tickRate : world.roundSeconds;
  }

  /** The events of the last second, as lines ("hit: a → b, 20"). */
  private recentEvents(): string[] {
    const since = this.world.tick - this.tickRate;
    const recent = this.events.filter((event) => event.tick > since).map((event) => `tick ${event.tick}: ${eventText(event, NO_NAMES)}`);
    return recent.length > 0 ? recent : ["(nothing)"];
  }
}
