// What a failure says: the tick, the entities and the fields that differ there
// (what was expected beside what is), and the scoreboards side by side. A pinned
// replay and a scenario's own expectations both fail this way.
import { BULLET_FIELDS, type FieldTable, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS } from "../../shared/entities.ts";
import { clockText } from "../../shared/scores.ts";
import type { WorldEvent, WorldState } from "../../shared/world.ts";

/** A value of a field as the checksum reads it. */
export type FieldValue = number | string | boolean;

/** Every entity of a world by key ("round", "ship:ID", "bullet:ID", "pickup:ID"), with the fields the checksum covers. */
export type WorldValues = Map<string, Record<string, FieldValue>>;

/** The fields of each table that the replay checksum covers: what makes two worlds the same. */
const CHECKED = {
  round: checkedFields(ROUND_FIELDS),
  ship: checkedFields(SHIP_FIELDS),
  bullet: checkedFields(BULLET_FIELDS),
  pickup: checkedFields(PICKUP_FIELDS),
};

function checkedFields(table: FieldTable): string[] {
  return Object.entries(table)
    .filter(([, field]) => field.checksum !== undefined)
    .map(([name]) => name);
}

function pick(entity: object, fields: readonly string[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const name of fields) values[name] = (entity as Record<string, FieldValue>)[name]!;
  return values;
}

/** The world's checked fields, entity by entity; ships also keep their name, to be told apart in a report. */
export function worldValues(world: WorldState): WorldValues {
  const values: WorldValues = new Map([["round", pick(world, CHECKED.round)]]);
  for (const [id, ship] of world.ships.entries()) values.set(`ship:${id}`, { ...pick(ship, CHECKED.ship), name: ship.name });
  for (const [id, bullet] of world.bullets.entries()) values.set(`bullet:${id}`, { ...pick(bullet, CHECKED.bullet), owner: bullet.owner });
  for (const [id, pickup] of world.pickups.entries()) values.set(`pickup:${id}`, { ...pick(pickup, CHECKED.pickup), kind: pickup.kind });
  return values;
}

/** One thing that is not as expected: a field's value, or an entity that is missing or should not be there. */
export interface Difference {
  entity: string;
  field: string | null;
  expected: FieldValue | undefined;
  actual: FieldValue | undefined;
}

/** How `actual` differs from `expected`: every expected field, entity by entity (fields `actual` has beyond them are not compared). */
export function differences(expected: WorldValues, actual: WorldValues, compareEntities = true): Difference[] {
  const found: Difference[] = [];
  for (const [entity, fields] of expected) {
    const now = actual.get(entity);
    if (!now) {
      if (compareEntities) found.push({ entity, field: null, expected: "present", actual: "absent" });
      continue;
    }
    for (const [field, value] of Object.entries(fields)) if (now[field] !== value) found.push({ entity, field, expected: value, actual: now[field] });
  }
  if (compareEntities)
    for (const entity of actual.keys()) if (!expected.has(entity)) found.push({ entity, field: null, expected: "absent", actual: "present" });
  return found;
}

/** An entity's key as a person reads it: a ship by its name, a bullet by its shooter. */
function entityLabel(entity: string, names: ReadonlyMap<string, string>): string {
  const [kind, id] = entity.split(":") as [string, string | undefined];
  if (kind === "ship") return `ship ${names.get(id!) ?? id}`;
  if (kind === "bullet") return `bullet ${id}`;
  if (kind === "pickup") return `pickup ${id}`;
  return "the round";
}

export interface Scoreline {
  name: string;
  kos: number;
  deaths: number;
  team?: number;
}

export interface DiffReport {
  /** What was compared, said first ("The re-simulation of match.replay parts from the recording"). */
  headline: string;
  tick: number;
  /** Where that tick is in the round, when known: its round and the seconds played. */
  round?: number;
  secondsIn?: number;
  differences: readonly Difference[];
  /** Ship ids to names, for the report. */
  names: ReadonlyMap<string, string>;
  scoreboards?: { expected: readonly Scoreline[]; actual: readonly Scoreline[]; expectedTitle: string; actualTitle: string };
  /** Anything else worth reading beside the diff (what happened just before). */
  context?: readonly string[];
}

/** The report as text: the headline, the tick, a table of the differences, and the two scoreboards side by side. */
export function formatDiff(report: DiffReport): string {
  const where = report.round !== undefined ? ` (round ${report.round}, ${clockText(report.secondsIn ?? 0)} in)` : "";
  const ships = [...new Set(report.differences.filter((d) => d.entity.startsWith("ship:")).map((d) => entityLabel(d.entity, report.names).slice(5)))];
  const lines = [
    `${report.headline} at tick ${report.tick}${where}.`,
    ships.length > 0 ? `Ships that differ there: ${ships.join(", ")}.` : "No ship differs there.",
    "",
    table(
      ["", "field", "expected", "now"],
      report.differences.map((d) => [entityLabel(d.entity, report.names), d.field ?? "(the entity)", show(d.expected), show(d.actual)]),
    ),
  ];
  if (report.scoreboards) {
    const { expected, actual, expectedTitle, actualTitle } = report.scoreboards;
    lines.push("", sideBySide(scoreTable(expectedTitle, expected), scoreTable(actualTitle, actual)));
  }
  if (report.context?.length) lines.push("", ...report.context);
  return lines.join("\n");
}

function show(value: FieldValue | undefined): string {
  if (value === undefined) return "—";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function scoreTable(title: string, scores: readonly Scoreline[]): string[] {
  const rows = scores.map((ship) => [ship.name, String(ship.kos), String(ship.deaths), ship.team ? String(ship.team) : ""]);
  return [title, ...table(["pilot", "KOs", "deaths", "team"], rows).split("\n")];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")}`.trimEnd()).join("\n");
}

function sideBySide(left: string[], right: string[]): string {
  const width = Math.max(...left.map((line) => line.length)) + 4;
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => `${(left[i] ?? "").padEnd(width)}${right[i] ?? ""}`.trimEnd()).join("\n");
}

/** Thrown by the kit when a match is not as a test expects: its message is the diff. */
export class StateMismatch extends Error {
  readonly report: DiffReport;

  constructor(report: DiffReport) {
    super(formatDiff(report));
    this.name = "StateMismatch";
    this.report = report;
  }
}

/** An event as a line, ships by name ("hit: Bot Orion → Grace, 25"). */
export function eventText(event: WorldEvent, names: ReadonlyMap<string, string>): string {
  const name = (id: string | null) => (id === null ? "nobody" : (names.get(id) ?? id));
  switch (event.type) {
    case "shot":
      return `${name(event.shooter)} fired`;
    case "hit":
      return `${name(event.shooter)} hit ${name(event.target)} for ${event.damage}`;
    case "deflect":
      return `${name(event.target)}'s shield turned ${name(event.shooter)}'s shot away`;
    case "ko":
      return `${name(event.killer)} knocked out ${name(event.victim)}`;
    case "pickup":
      return `${name(event.ship)} took ${event.kind}`;
    case "respawn":
      return `${name(event.ship)} came back`;
    case "round-over":
      return `round ${event.round} over`;
    case "round-start":
      return `round ${event.round} began on ${event.layout}`;
  }
}
