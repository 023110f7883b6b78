// Every field of every entity (ship, bullet, pickup, and the round itself), once,
// in one ordered table per entity. Each field says what it is: its codec (how a
// replay stores it), whether only the ship's own player receives it, whether the
// client predicts it, whether it is set once at a ship's join, and where the
// state's checksum covers it. The rules' types, the replay's writer and reader,
// the keyframe copy, the checksum and the predicted-field list all follow from
// these tables; the wire schema (schema.ts) is checked against them by a test.
//
// Order matters: a table's order is the replay's byte order (docs/replays.md), and
// `checksum` gives each covered field its place in the checksum. Both are fixed by
// the replays already recorded: a new field goes last, with `since` the replay
// version that first stores it (older replays are read without it).
import { PICKUP_KINDS } from "./arena.ts";
import { NAME_MAX_LENGTH } from "./constants.ts";
import { HILL_STATES } from "./modes/koth.ts";
import { MODE_NAMES } from "./modes/index.ts";
import { ARENAS } from "./settings.ts";

/** A name's UTF-8 bytes at most: NAME_MAX_LENGTH characters of up to 4 bytes each. */
export const NAME_BYTES = NAME_MAX_LENGTH * 4;

/** How a replay stores a value, and so how the checksum reads it. */
export type Codec<Value> = { readonly initial: Value } & (
  | { readonly kind: "text"; readonly maxBytes: number }
  | { readonly kind: "count"; readonly max: number }
  | { readonly kind: "grid" }
  | { readonly kind: "angle" }
  | { readonly kind: "flag" }
  | { readonly kind: "choice"; readonly choices: readonly string[] }
  | { readonly kind: "ship" }
);

/** Text of at most `maxBytes` UTF-8 bytes; stored as its length and bytes. */
export const text = (maxBytes: number): Codec<string> => ({ kind: "text", maxBytes, initial: "" });
/** A whole number from 0 to `max`; stored as an unsigned varint. */
export const count = (max: number): Codec<number> => ({ kind: "count", max, initial: 0 });
/** A position or velocity on the game's grid (1/POSITION_GRID px); stored exactly, as a signed varint. */
export const grid: Codec<number> = { kind: "grid", initial: 0 };
/** An angle in radians; stored as its exact float64. */
export const angle: Codec<number> = { kind: "angle", initial: 0 };
/** Yes or no; an entity's flags are stored together, one bit each, where its first flag is. */
export const flag: Codec<boolean> = { kind: "flag", initial: false };
/** One of a few names (the first is the initial value); stored as its index. */
export const choice = <Choice extends string>(choices: readonly [Choice, ...Choice[]]): Codec<Choice> => ({ kind: "choice", choices, initial: choices[0] });
/** A ship's id; a replay stores the ship's slot. */
export const shipId: Codec<string> = { kind: "ship", initial: "" };

/** What a field is, besides its codec. */
export interface Traits {
  /** Only the ship's own player receives it (schema.ts's OWNER_VIEW): what their client needs to predict it. */
  readonly owner?: true;
  /** The client predicts it: the ship step reads or writes it, and the reconciler adopts it from the server. */
  readonly predicted?: true;
  /** Set once, as the ship joins: recorded with the join, never changed after. */
  readonly identity?: true;
  /** Its place in the state's checksum (1 first); a field without one is not covered. */
  readonly checksum?: number;
  /** The replay version that first stores it (older replays are read without it, as its initial value). */
  readonly since?: number;
}

export type Field<Value = unknown> = Traits & { readonly codec: Codec<Value> };
export type FieldTable = Readonly<Record<string, Field>>;

function field<Value, const T extends Traits = Record<never, never>>(codec: Codec<Value>, traits: T = {} as T): { readonly codec: Codec<Value> } & T {
  return { codec, ...traits };
}

/** The values of a table's fields: an entity as the rules see it. */
export type Values<Table extends FieldTable> = { -readonly [Name in keyof Table]: Table[Name] extends Field<infer Value> ? Value : never };

/** The fields of a table that have trait `trait`. */
export type NamesWith<Table extends FieldTable, Trait extends keyof Traits> = {
  [Name in keyof Table]: Table[Name] extends { readonly [K in Trait]: true } ? Name : never;
}[keyof Table] &
  string;

export const SHIP_FIELDS = {
  name: field(text(NAME_BYTES), { identity: true }),
  /** Index into the client's ship palette. */
  hue: field(count(255), { identity: true, checksum: 16 }),
  bot: field(flag, { identity: true, checksum: 19 }),
  alive: field(flag, { predicted: true, checksum: 17 }),
  /** Its player's connection dropped: out of play (no hits, no pickups) until they are back. */
  away: field(flag, { checksum: 18 }),
  x: field(grid, { predicted: true, checksum: 2 }),
  y: field(grid, { predicted: true, checksum: 3 }),
  vx: field(grid, { owner: true, predicted: true, checksum: 4 }),
  vy: field(grid, { owner: true, predicted: true, checksum: 5 }),
  /**
   * Aim direction in radians, for drawing the ship's gun. Not in the checksum: it
   * only draws the hull, and Math.atan2 is not exactly specified across engines.
   */
  aim: field(angle),
  health: field(count(2 ** 32 - 1), { checksum: 6 }),
  kos: field(count(2 ** 32 - 1), { checksum: 7 }),
  deaths: field(count(2 ** 32 - 1), { checksum: 8 }),
  /** The ship takes no damage while the world tick is below this. */
  shieldUntil: field(count(2 ** 32 - 1), { checksum: 9 }),
  /** Tick at which a knocked-out ship comes back. */
  respawnTick: field(count(2 ** 32 - 1), { checksum: 10 }),
  /** Steps left in the current dash burst. */
  dashTicks: field(count(2 ** 32 - 1), { owner: true, predicted: true, checksum: 11 }),
  /** Steps until the next dash is allowed. */
  dashCooldown: field(count(2 ** 32 - 1), { owner: true, predicted: true, checksum: 12 }),
  /** Steps until the gun can fire again. */
  fireCooldown: field(count(2 ** 32 - 1), { owner: true, predicted: true, checksum: 13 }),
  /** Steps left of the speed pickup. */
  speedTicks: field(count(2 ** 32 - 1), { owner: true, predicted: true, checksum: 14 }),
  /** Steps left of the rapid-fire pickup. */
  rapidTicks: field(count(2 ** 32 - 1), { owner: true, predicted: true, checksum: 15 }),
  /** Name of whoever knocked this ship out last. */
  koBy: field(text(NAME_BYTES), { checksum: 1 }),
  /** 1 or 2 in a mode played in teams (modes/teams.ts), 0 otherwise. Set as the ship joins, moved to keep teams even. */
  team: field(count(2), { checksum: 20, since: 3 }),
} as const;

/** A bullet never changes after it is fired: where it is follows from its start, velocity and age. */
export const BULLET_FIELDS = {
  x: field(grid, { checksum: 1 }),
  y: field(grid, { checksum: 2 }),
  vx: field(grid, { checksum: 3 }),
  vy: field(grid, { checksum: 4 }),
  /** Set once, as it is fired: left out of the checksum. */
  owner: field(shipId),
  spawnTick: field(count(2 ** 32 - 1), { checksum: 5 }),
} as const;

export const PICKUP_FIELDS = {
  kind: field(choice(PICKUP_KINDS)),
  x: field(grid),
  y: field(grid),
  /** The pickup can be taken once the world tick reaches this. */
  readyTick: field(count(2 ** 32 - 1), { checksum: 1 }),
} as const;

/** The round: the world's own fields, beside its ships, bullets and pickups. */
export const ROUND_FIELDS = {
  tick: field(count(2 ** 32 - 1), { checksum: 1 }),
  round: field(count(1_000_000), { checksum: 2 }),
  /** A round is played, then its results show until the next one starts. */
  phase: field(choice(["playing", "results"]), { checksum: 7 }),
  /** Tick at which the current phase ends. */
  phaseEndTick: field(count(2 ** 32 - 1), { checksum: 3 }),
  /** Length of a round, seconds. */
  roundSeconds: field(count(3600), { checksum: 4 }),
  /** KOs that win a round before its time is up. */
  koTarget: field(count(65_535), { checksum: 5 }),
  /** Name of the arena layout being played (see arena.ts). */
  layout: field(text(32), { checksum: 8 }),
  /** Counter behind bullet ids. */
  serial: field(count(2 ** 32 - 1), { checksum: 6 }),
  /** Where the next rounds are played: a layout's name, or "rotate" (settings.ts). */
  arena: field(choice(ARENAS), { checksum: 9, since: 2 }),
  /** The mode this round is played in (modes/index.ts). */
  mode: field(choice(MODE_NAMES), { checksum: 10, since: 3 }),
  /** The mode of the next rounds (settings.ts): it takes over as a round begins. */
  nextMode: field(choice(MODE_NAMES), { checksum: 11, since: 3 }),
  /** Points that win a King of the Hill round before its time is up. */
  holdTarget: field(count(65_535), { checksum: 12, since: 3 }),
  /** The teams' scores this round (modes/teams.ts's TEAMS). */
  redScore: field(count(65_535), { checksum: 13, since: 3 }),
  blueScore: field(count(65_535), { checksum: 14, since: 3 }),
  /** Who has King of the Hill's hill: no one, one team alone, or both. */
  hill: field(choice(HILL_STATES), { checksum: 15, since: 3 }),
  /** Ticks the hill has been held by one team without a break, towards its next point. */
  hillTicks: field(count(2 ** 32 - 1), { checksum: 16, since: 3 }),
} as const;

/** The names of a table's fields with `trait`, in the table's order. */
export function namesWith<Table extends FieldTable, Trait extends keyof Traits>(table: Table, trait: Trait): Array<NamesWith<Table, Trait>> {
  return Object.keys(table).filter((name) => table[name]![trait] !== undefined) as Array<NamesWith<Table, Trait>>;
}

/** The part of `table` with `trait`, in its order. */
export function fieldsWith<Table extends FieldTable, Trait extends keyof Traits>(table: Table, trait: Trait): Pick<Table, NamesWith<Table, Trait>> {
  return Object.fromEntries(namesWith(table, trait).map((name) => [name, table[name]])) as Pick<Table, NamesWith<Table, Trait>>;
}

/** A new entity of `table`, every field at its initial value. */
export function initialValues<Table extends FieldTable>(table: Table): Values<Table> {
  return Object.fromEntries(Object.entries(table).map(([name, { codec }]) => [name, codec.initial])) as unknown as Values<Table>;
}

/** A copy of `entity`'s fields of `table` (a schema instance's too, whose fields are accessors). */
export function copyValues<Table extends FieldTable>(table: Table, entity: Values<Table>): Values<Table> {
  const copy: Record<string, unknown> = {};
  for (const name in table) copy[name] = entity[name];
  return copy as Values<Table>;
}

/** Flags `names` of `entity` as bits, the first the lowest: how a replay (a byte) and the checksum (a word) store them. */
export function packFlags(names: readonly string[], entity: object): number {
  const values = entity as Record<string, unknown>;
  let bits = 0;
  for (let bit = 0; bit < names.length; bit++) if (values[names[bit]!]) bits |= 1 << bit;
  return bits;
}

/** Sets flags `names` of `entity` from what packFlags made. */
export function unpackFlags(names: readonly string[], bits: number, entity: Record<string, unknown>): void {
  for (const [bit, name] of names.entries()) entity[name] = (bits & (1 << bit)) !== 0;
}
