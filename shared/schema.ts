// The synchronised state and the input message. Imports only @colyseus/schema so
// the client bundle never pulls in the server framework.
import { schema, t, type SchemaType } from "@colyseus/schema";

// float32 is exact here: the step keeps positions and velocities on a 1/64 grid.
export const Ship = schema({
  x: t.float32().default(0),
  y: t.float32().default(0),
  vx: t.float32().default(0),
  vy: t.float32().default(0),
  name: t.string().default(""),
  /** Index into the client's ship palette. */
  hue: t.uint8().default(0),
}, "Ship");
export type Ship = SchemaType<typeof Ship>;

export const ArenaState = schema({
  /** Ships keyed by the owner's session id. */
  ships: t.map(Ship),
  /** Name of the arena layout being played (see shared/arena.ts). */
  layout: t.string().default(""),
}, "ArenaState");
export type ArenaState = SchemaType<typeof ArenaState>;

/** What a client sends once per fixed step. Flat primitives only. */
export const ShipInput = schema({
  moveX: t.int8().default(0),
  moveY: t.int8().default(0),
}, "ShipInput");
export type ShipInput = SchemaType<typeof ShipInput>;
