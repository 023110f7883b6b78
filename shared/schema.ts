// The synchronised state and the input message. Imports only @colyseus/schema (and
// types) so the client bundle never pulls in the server framework. Field meanings are
// documented in the entities' tables (entities.ts), which these match field for field
// (tests/unit/entities.test.ts); the order here is the wire's.
import { schema, t, type SchemaType } from "@colyseus/schema";
import type { PickupKind } from "./arena.ts";
import type { HillState } from "./modes/koth.ts";
import type { ModeName } from "./modes/index.ts";
import { POSITION_GRID, TICK_RATE } from "./constants.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import type { ShipControls } from "./step.ts";
import type { BulletState, Phase } from "./world.ts";

/**
 * View tag of the fields only a ship's own player receives: what their client needs
 * to predict the ship. Everyone else draws it from its position alone.
 */
export const OWNER_VIEW = 1;

/**
 * A position in px, 0 to 2048 (the arena is 1280 × 720), on 16 bits. The range is
 * chosen so one wire step is exactly one grid step: every grid value crosses
 * unchanged, and the step's results are the client's.
 */
const coordinate = () => t.quantized({ min: 0, max: 0xffff / POSITION_GRID });

export const Ship = schema(
  {
    x: coordinate().default(0),
    y: coordinate().default(0),
    // float32 is exact here: the step keeps velocities on the position grid.
    vx: t.float32().view(OWNER_VIEW).default(0),
    vy: t.float32().view(OWNER_VIEW).default(0),
    alive: t.boolean().default(false),
    dashTicks: t.uint8().view(OWNER_VIEW).default(0),
    dashCooldown: t.uint8().view(OWNER_VIEW).default(0),
    fireCooldown: t.uint8().view(OWNER_VIEW).default(0),
    speedTicks: t.uint16().view(OWNER_VIEW).default(0),
    rapidTicks: t.uint16().view(OWNER_VIEW).default(0),
    /** The rules' aim (entities.ts): the server's alone; everyone draws the ship's `heading`. */
    aim: t.angle({ bits: 8 }).noSync().default(0),
    health: t.uint8().default(0),
    kos: t.uint16().default(0),
    deaths: t.uint16().default(0),
    shieldUntil: t.uint32().default(0),
    respawnTick: t.uint32().default(0),
    koBy: t.string().default(""),
    name: t.string().default(""),
    /** Index into the client's ship palette. */
    hue: t.uint8().default(0),
    bot: t.boolean().default(false),
    /** The player's connection dropped: the ship waits, out of play, for them to come back. */
    away: t.boolean().default(false),
    /** Round trip to the server as the player's client last reported it, ms. */
    ping: t.uint16().default(0),
    /** 1 or 2 in a team mode, 0 otherwise: a byte that changes as a ship joins or switches sides. */
    team: t.uint8().default(0),
    // Bullets do not cross the wire (ArenaState.bullets is the server's): each follows
    // from its shot, which its ship carries until the next one, a few bytes where a
    // bullet of its own cost some fifty (server/ShotWire.ts writes them, game/net/ShotFeed.ts reads them).
    /** The ship's latest shot: where its bullet left the gun, its velocity and its tick (shotField.ts packs them). */
    shot: t.biguint64().default(0n),
    /**
     * The tick (modulo SHOT_TICKS) of the ship's latest bullet to stop at a ship it hit,
     * or at a shield: a stop is told by a change, so two in a row must never look alike.
     */
    shotStopped: t.uint16().default(0),
    /**
     * Where the hull points, as everyone draws it: the aim, sent only once it has turned
     * by more than HEADING_TOLERANCE (server/Headings.ts). A hull drawn a few degrees
     * off costs nothing; an aim sent as it turns cost every moving mouse a byte or two a patch.
     */
    heading: t.angle({ bits: 8 }).default(0),
  },
  "Ship",
);

export type Ship = SchemaType<typeof Ship>;

/**
 * The bullets in flight, the server's alone: plain values by id, as none crosses the
 * wire (each follows from its shot, which its ship carries). A schema map kept an
 * entry for every bullet ever fired, as only encoding a map clears those and a map
 * that is never sent is never encoded, and took every field through a change-tracking setter.
 */
export class Bullets extends Map<string, BulletState> {}

export const Pickup = schema(
  {
    kind: t.string<PickupKind>().default("heal"),
    x: coordinate().default(0),
    y: coordinate().default(0),
    readyTick: t.uint32().default(0),
  },
  "Pickup",
);
export type Pickup = SchemaType<typeof Pickup>;

/** A room's settings (settings.ts), as the room plays by them from its next round on. */
export const RoomSettings = schema(
  {
    roundSeconds: t.uint16().default(DEFAULT_SETTINGS.roundSeconds),
    koTarget: t.uint16().default(DEFAULT_SETTINGS.koTarget),
    holdTarget: t.uint16().default(DEFAULT_SETTINGS.holdTarget),
    mode: t.string<ModeName>().default(DEFAULT_SETTINGS.mode),
    bots: t.uint8().default(DEFAULT_SETTINGS.bots),
    maxPlayers: t.uint8().default(DEFAULT_SETTINGS.maxPlayers),
    arena: t.string().default(DEFAULT_SETTINGS.arena),
    wordFilter: t.boolean().default(DEFAULT_SETTINGS.wordFilter),
  },
  "RoomSettings",
);
export type RoomSettings = SchemaType<typeof RoomSettings>;

export const ArenaState = schema(
  {
    tick: t.uint32().default(0),
    /** Ticks per second, to turn tick counts into time. */
    tickRate: t.uint8().default(TICK_RATE),
    round: t.uint16().default(0),
    phase: t.string<Phase>().default("playing"),
    phaseEndTick: t.uint32().default(0),
    roundSeconds: t.uint16().default(0),
    koTarget: t.uint16().default(0),
    /** Name of the arena layout being played (see shared/arena.ts). */
    layout: t.string().default(""),
    serial: t.uint32().noSync().default(0),
    /** The rules' copy of settings.arena, taken between rounds: clients read the settings. */
    arena: t.string().noSync().default("rotate"),
    /** The round's mode (the settings hold the next rounds'). */
    mode: t.string<ModeName>().default("ffa"),
    /** The rules' copy of settings.mode, taken between rounds. */
    nextMode: t.string<ModeName>().noSync().default("ffa"),
    holdTarget: t.uint16().default(0),
    redScore: t.uint16().default(0),
    blueScore: t.uint16().default(0),
    hill: t.string<HillState>().default("neutral"),
    hillTicks: t.uint32().noSync().default(0),
    settings: t.ref(RoomSettings),
    /** The host's session id: who created a private room, then whoever has been in it longest. Empty in public rooms. */
    hostId: t.string().default(""),
    /** The host locked the room: no new players (spectators still come in). */
    locked: t.boolean().default(false),
    /** Ships keyed by the owner's session id (bots: "bot-N"). */
    ships: t.map(Ship),
    /** The bullets in flight (Bullets). */
    bullets: t
      .ref(Bullets)
      .noSync()
      .default(() => new Bullets()),
    pickups: t.map(Pickup),
  },
  "ArenaState",
);
export type ArenaState = SchemaType<typeof ArenaState>;

/** What a client sends once per fixed step. Flat primitives only. */
export const ShipInput = schema(
  {
    moveX: t.int8().default(0),
    moveY: t.int8().default(0),
    aimX: t.int16().default(0),
    aimY: t.int16().default(0),
    fire: t.boolean().default(false),
    dash: t.boolean().default(false),
    /**
     * The copy the server's input buffer keeps of each input (the decoder reuses its
     * instance): the values alone. Schema's own clone builds a change-tracked schema,
     * field by field through its setters: two fifths of the server's work on each input
     * at 1,000 players. The rules read only the values.
     */
    clone(): ShipControls {
      return { moveX: this.moveX, moveY: this.moveY, aimX: this.aimX, aimY: this.aimY, fire: this.fire, dash: this.dash };
    },
  },
  "ShipInput",
);
export type ShipInput = SchemaType<typeof ShipInput>;
