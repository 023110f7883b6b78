// The wire schema (shared/schema.ts) and the entities' tables (shared/entities.ts)
// describe the same entities: a field added to one and not the other, or seen by
// other players in one and by its owner alone in the other, fails here.
import { describe, expect, it } from "vitest";
import { BULLET_FIELDS, namesWith, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS, type FieldTable } from "../../shared/entities.ts";
import { ArenaState, OWNER_VIEW, Pickup, Ship } from "../../shared/schema.ts";

/** A schema's fields as @colyseus/schema keeps them: by index, each with its name and view tag. */
function wireFields(schema: object): Array<{ name: string; tag?: number }> {
  const metadata = (schema as Record<symbol, Record<number, { name: string; tag?: number }> | undefined>)[Symbol.metadata]!;
  const fields = [];
  for (let index = 0; metadata[index]; index++) fields.push(metadata[index]!);
  return fields;
}

/** Each entity's schema and table, with the fields only one of them has, and why. */
const ENTITIES: Array<{ name: string; schema: new () => object; table: FieldTable; wireOnly: string[]; notSent: string[] }> = [
  // A player's round trip is shown on the scoreboard; the rules never read it. A ship's latest
  // shot carries its bullet over the wire (server/ShotWire.ts): the rules have the bullet itself.
  // The aim stays on the server: everyone draws the hull at the heading (server/Headings.ts).
  {
    name: "Ship",
    schema: Ship,
    table: SHIP_FIELDS,
    wireOnly: ["heading", "ping", "shot", "shotStopped"],
    notSent: ["aim"],
  },
  { name: "Pickup", schema: Pickup, table: PICKUP_FIELDS, wireOnly: [], notSent: [] },
  // The collections hold the other entities; the tick rate turns ticks into time for the client. The
  // counter behind bullet ids is the server's (declared noSync): clients never make ids. So are the
  // bullets (noSync, and not on the wire): clients draw them from their ships' shots.
  {
    name: "ArenaState",
    schema: ArenaState,
    table: ROUND_FIELDS,
    wireOnly: ["hostId", "locked", "pickups", "settings", "ships", "tickRate"],
    notSent: ["serial", "arena", "nextMode", "hillTicks"],
  },
];

describe.each(ENTITIES)("the wire's $name and its table", ({ schema, table, wireOnly, notSent }) => {
  it("have the same fields, but for the wire's own and the server's own", () => {
    const names = wireFields(schema).map((field) => field.name);
    expect(Object.keys(table).filter((name) => !names.includes(name))).toEqual(notSent);
    expect(names.filter((name) => !(name in table)).sort()).toEqual(wireOnly);
  });

  it("start every field at the same value", () => {
    const entity = new schema() as Record<string, unknown>;
    for (const [name, { codec }] of Object.entries(table)) expect(entity[name], name).toEqual(codec.initial);
  });

  it("send to the owner alone just the fields the table marks owner", () => {
    const ownerOnly = wireFields(schema)
      .filter((field) => field.tag === OWNER_VIEW)
      .map((field) => field.name);
    expect(ownerOnly.sort()).toEqual(namesWith(table, "owner").sort());
  });
});

describe("the ship's table", () => {
  it("gives every field the checksum covers a place of its own", () => {
    for (const table of [SHIP_FIELDS, BULLET_FIELDS, PICKUP_FIELDS, ROUND_FIELDS]) {
      const places = Object.values(table as FieldTable).flatMap((field) => (field.checksum === undefined ? [] : [field.checksum]));
      expect(places.sort((a, b) => a - b)).toEqual(places.map((_, i) => i + 1));
    }
  });

  it("predicts what only the owner receives, and where the ship is", () => {
    // The owner's view carries what prediction needs; everyone sees position and whether it is in play.
    expect(namesWith(SHIP_FIELDS, "predicted").sort()).toEqual([...namesWith(SHIP_FIELDS, "owner"), "alive", "x", "y"].sort());
  });
});
