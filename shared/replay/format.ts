// The replay format, version 1: what a round needs to be re-simulated exactly.
// docs/replays.md describes it byte by byte; this file is its one implementation.
//
// A replay is the world as it stood at one tick (a keyframe), then for every
// later tick what entered the simulation from outside: ships joining, leaving,
// dropping and coming back, each player's inputs as the room applied them, and
// what lag compensation decided for players' bullets. Bots need nothing: they
// decide from the state. Every tick carries the low byte of the state's checksum,
// and every CHECKSUM_INTERVAL ticks the whole checksum is kept: a re-simulation
// that parts from the match is caught at the tick where it does.
import { LAYOUTS } from "../arena.ts";
import { AIM_AXIS_MAX, BULLET_LIFETIME, MAX_CATCH_UP_STEPS, MOVE_AXIS_MAX, POSITION_GRID } from "../constants.ts";
import {
  BULLET_FIELDS,
  fieldsWith,
  NAME_BYTES,
  packFlags,
  unpackFlags,
  PICKUP_FIELDS,
  ROUND_FIELDS,
  SHIP_FIELDS,
  type FieldTable,
  type Values,
} from "../entities.ts";
import { type ShipControls, ticks } from "../step.ts";
import { ByteReader, ByteWriter, ReplayError } from "./bytes.ts";

const TABLES = [ROUND_FIELDS, SHIP_FIELDS, BULLET_FIELDS, PICKUP_FIELDS];
/** The format's version: the newest that stores a field of the entities' tables (entities.ts). */
export const REPLAY_VERSION = Math.max(1, ...TABLES.flatMap((table) => Object.values(table).map((field) => field.since ?? 1)));
const MAGIC = [0x53, 0x4b, 0x52, 0x50]; // "SKRP"

/** A state checksum is kept every this many ticks. */
export const CHECKSUM_INTERVAL = 30;

/** Limits a replay must keep; a file past them is refused before anything is allocated for it. */
export const REPLAY_LIMITS = {
  /** Bytes of a replay as stored (uncompressed). */
  bytes: 8 * 1024 * 1024,
  /** An hour at 120 ticks a second: the longest round a host can set. */
  ticks: 3600 * 120,
  ships: 64,
  bullets: 4096,
  pickups: 64,
  changesPerTick: 256,
  nameBytes: NAME_BYTES,
} as const;

/** What a ship is from its join on: recorded with the join. */
const IDENTITY_FIELDS = fieldsWith(SHIP_FIELDS, "identity");
export type ShipIdentity = Values<typeof IDENTITY_FIELDS>;

/** Every field of a ship (entities.ts). */
export interface ShipSnapshot extends Values<typeof SHIP_FIELDS> {
  id: string;
}

export interface BulletSnapshot extends Values<typeof BULLET_FIELDS> {
  id: string;
  /** Judged by lag compensation: its hits are read from the replay, not worked out again. */
  compensated: boolean;
}

export interface PickupSnapshot extends Values<typeof PICKUP_FIELDS> {
  id: string;
}

/** The whole world at one tick. */
export interface Keyframe extends Values<typeof ROUND_FIELDS> {
  ships: ShipSnapshot[];
  bullets: BulletSnapshot[];
  pickups: PickupSnapshot[];
}

/** Something that happened to the ships between two ticks. */
export type ShipChange =
  | ({ type: "join"; id: string } & ShipIdentity)
  | { type: "leave"; id: string }
  | { type: "away"; id: string }
  | { type: "back"; id: string }
  /** The player switched teams (since version 3). */
  | { type: "team"; id: string };

/** Something that entered the simulation between two ticks: a ship's change, or the host ending the round's phase (since version 2). */
export type Change = ShipChange | { type: "end-phase" };

/** What entered the simulation for one tick: the changes before it, then what the step used. */
export interface TickRecord {
  changes: Change[];
  /** Each player's inputs the room applied this tick, in order (none, one, or a few after a stall). */
  inputs: Array<{ ship: string; controls: ShipControls[] }>;
  /** Players' compensated bullets that struck a ship this tick, and which. */
  struck: Array<{ bullet: string; target: string }>;
  /** Players' bullets fired this tick that lag compensation did not judge (no usable render time). */
  uncompensated: string[];
  /** The low byte of the state's checksum after this tick (see worldChecksum). */
  check: number;
}

export interface Replay {
  /** The format version it was written in: it says which fields it stores (entities.ts's `since`), and its checksums cover. */
  version: number;
  room: string;
  round: number;
  tickRate: number;
  /** Wall-clock time the recording started, ms since the epoch (to the second). */
  recordedAt: number;
  /** The round was played to its end (false: cut short, or a report's slice of it). */
  complete: boolean;
  start: Keyframe;
  /** ticks[i] takes the world from tick start.tick + i to start.tick + i + 1. */
  ticks: TickRecord[];
  /** The state's checksum after some ticks (see worldChecksum). */
  checksums: Array<{ tick: number; value: number }>;
}

export function emptyTick(): TickRecord {
  return { changes: [], inputs: [], struck: [], uncompensated: [], check: 0 };
}

const NO_INPUT: ShipControls = { moveX: 0, moveY: 0, aimX: 0, aimY: 0, fire: false, dash: false };

/** Ships are named by slot in the ticks: their place in the keyframe, then in order of joining. */
class SlotTable {
  private readonly slots = new Map<string, number>();
  readonly ids: string[] = [];
  readonly lastInput: ShipControls[] = [];

  add(id: string): void {
    if (this.slots.has(id)) return;
    this.slots.set(id, this.ids.length);
    this.ids.push(id);
    this.lastInput.push(NO_INPUT);
  }

  slotOf(id: string): number {
    const slot = this.slots.get(id);
    if (slot === undefined) throw new RangeError(`ship ${id} is not in the replay`);
    return slot;
  }

  idAt(slot: number): string {
    const id = this.ids[slot];
    if (id === undefined) throw new ReplayError(`The replay is corrupt: it names ship ${slot} of ${this.ids.length}.`);
    return id;
  }
}

/**
 * Writes a replay as it is recorded: the keyframe, then a tick at a time, so a
 * long round is held as bytes rather than objects. `finish` puts the header first.
 */
export class ReplayWriter {
  private readonly keyframe = new ByteWriter();
  private readonly body = new ByteWriter();
  private readonly slots = new SlotTable();
  private tickCount = 0;
  readonly start: Keyframe;
  readonly version: number;

  constructor(start: Keyframe, version = REPLAY_VERSION) {
    this.start = start;
    this.version = version;
    writeKeyframe(this.keyframe, start, this.slots, version);
  }

  /** Bytes written so far (the header adds a few dozen). */
  get size(): number {
    return this.keyframe.size + this.body.size;
  }

  get ticks(): number {
    return this.tickCount;
  }

  tick(record: TickRecord): void {
    writeTick(this.body, record, this.slots, this.version);
    this.tickCount++;
  }

  finish(header: Omit<Replay, "version" | "start" | "ticks" | "checksums">, checksums: Replay["checksums"]): Uint8Array {
    const out = new ByteWriter();
    out.bytes(Uint8Array.from(MAGIC));
    out.u8(this.version);
    out.text(header.room);
    out.varuint(header.round);
    out.varuint(header.tickRate);
    out.varuint(Math.floor(header.recordedAt / 1000));
    out.u8(header.complete ? 1 : 0);
    out.bytes(this.keyframe.finish());
    out.varuint(this.tickCount);
    out.bytes(this.body.finish());
    out.varuint(checksums.length);
    let previous = this.start.tick;
    for (const { tick, value } of checksums) {
      out.varuint(tick - previous);
      out.u32(value);
      previous = tick;
    }
    return out.finish();
  }
}

export function encodeReplay(replay: Replay): Uint8Array {
  const writer = new ReplayWriter(replay.start, replay.version);
  for (const record of replay.ticks) writer.tick(record);
  return writer.finish(replay, replay.checksums);
}

/** Reads a replay (uncompressed), or throws a ReplayError saying what is wrong with it. */
export function decodeReplay(bytes: Uint8Array): Replay {
  if (bytes.length > REPLAY_LIMITS.bytes) throw new ReplayError(`The replay is too large (${bytes.length} bytes; at most ${REPLAY_LIMITS.bytes}).`);
  const reader = new ByteReader(bytes);
  for (const expected of MAGIC) {
    if (reader.remaining === 0 || reader.u8() !== expected) throw new ReplayError("This is not a Skirmish replay.");
  }
  const version = reader.u8();
  if (version < 1 || version > REPLAY_VERSION)
    throw new ReplayError(
      `This replay is format version ${version}; this game reads ${REPLAY_VERSION === 1 ? "version 1" : `versions 1 to ${REPLAY_VERSION}`}.`,
    );
  const room = reader.text(16);
  const round = reader.varuint(1_000_000);
  const tickRate = reader.varuint(240);
  if (tickRate < 1) throw new ReplayError("The replay is corrupt: its tick rate is 0.");
  const recordedAt = reader.varuint() * 1000;
  const complete = reader.u8() === 1;
  const slots = new SlotTable();
  const start = readKeyframe(reader, slots, tickRate, version);
  const tickCount = reader.count(REPLAY_LIMITS.ticks, 2);
  const ticks: TickRecord[] = [];
  for (let i = 0; i < tickCount; i++) ticks.push(readTick(reader, slots, version));
  const checksumCount = reader.count(tickCount + 1, 5);
  const checksums: Replay["checksums"] = [];
  let tick = start.tick;
  for (let i = 0; i < checksumCount; i++) {
    tick += reader.varuint(tickCount);
    if (tick > start.tick + tickCount) throw new ReplayError("The replay is corrupt: a checksum lies past its last tick.");
    checksums.push({ tick, value: reader.u32() });
  }
  if (reader.remaining !== 0) throw new ReplayError("The replay is corrupt: there are bytes after its end.");
  return { version, room, round, tickRate, recordedAt, complete, start, ticks, checksums };
}

function writeKeyframe(out: ByteWriter, frame: Keyframe, slots: SlotTable, version: number): void {
  writeFields(out, ROUND_FIELDS, frame, slots, version);
  out.varuint(frame.ships.length);
  for (const ship of frame.ships) {
    slots.add(ship.id);
    out.text(ship.id);
    writeFields(out, SHIP_FIELDS, ship, slots, version);
  }
  out.varuint(frame.bullets.length);
  for (const bullet of frame.bullets) {
    out.varuint(serialOf(bullet.id));
    writeFields(out, BULLET_FIELDS, bullet, slots, version);
    out.u8(bullet.compensated ? 1 : 0);
  }
  out.varuint(frame.pickups.length);
  for (const pickup of frame.pickups) {
    out.text(pickup.id);
    writeFields(out, PICKUP_FIELDS, pickup, slots, version);
  }
}

function readKeyframe(reader: ByteReader, slots: SlotTable, tickRate: number, version: number): Keyframe {
  const limit = REPLAY_LIMITS.ticks * 4;
  const round = readFields(reader, ROUND_FIELDS, slots, version);
  if (!LAYOUTS.some((known) => known.name === round.layout)) throw new ReplayError(`The replay is of an arena this game does not have ("${round.layout}").`);
  const ships: ShipSnapshot[] = [];
  const shipCount = reader.count(REPLAY_LIMITS.ships, 20);
  for (let i = 0; i < shipCount; i++) {
    const id = reader.text(REPLAY_LIMITS.nameBytes);
    if (slots.ids.includes(id)) throw new ReplayError(`The replay is corrupt: ship ${id} is in it twice.`);
    slots.add(id);
    ships.push({ id, ...readFields(reader, SHIP_FIELDS, slots, version) });
  }
  const bullets: BulletSnapshot[] = [];
  const bulletCount = reader.count(REPLAY_LIMITS.bullets, 8);
  for (let i = 0; i < bulletCount; i++) {
    const id = reader.varuint(2 ** 32 - 1).toString(36);
    bullets.push({ id, ...readFields(reader, BULLET_FIELDS, slots, version), compensated: reader.u8() === 1 });
  }
  const pickups: PickupSnapshot[] = [];
  const pickupCount = reader.count(REPLAY_LIMITS.pickups, 5);
  for (let i = 0; i < pickupCount; i++) {
    const id = reader.text(8);
    pickups.push({ id, ...readFields(reader, PICKUP_FIELDS, slots, version) });
  }
  if (round.phaseEndTick > round.tick + limit) throw new ReplayError("The replay is corrupt: its round ends implausibly late.");
  // A bullet lives under a second: one fired after the keyframe's tick, or long before it, is not a real one.
  const lifetime = ticks(BULLET_LIFETIME, 1 / tickRate);
  if (bullets.some((bullet) => bullet.spawnTick > round.tick || bullet.spawnTick + lifetime < round.tick))
    throw new ReplayError("The replay is corrupt: a bullet out of its time.");
  return { ...round, ships, bullets, pickups };
}

/** The fields of `table` a replay of `version` stores, in the table's order, and which of them are flags. */
function stored(table: FieldTable, version: number): { fields: Array<[string, FieldTable[string]]>; flags: string[] } {
  const fields = Object.entries(table).filter(([, field]) => (field.since ?? 1) <= version);
  return { fields, flags: fields.filter(([, { codec }]) => codec.kind === "flag").map(([name]) => name) };
}

/** Writes an entity's fields, in its table's order; its flags go together in one byte where the first of them is. */
function writeFields(out: ByteWriter, table: FieldTable, entity: object, slots: SlotTable, version: number): void {
  const values = entity as Record<string, unknown>;
  const { fields, flags } = stored(table, version);
  for (const [name, { codec }] of fields) {
    const value = values[name];
    switch (codec.kind) {
      case "text":
        out.text(value as string);
        break;
      case "count":
        out.varuint(value as number);
        break;
      case "grid":
        out.varint(onWire(value as number));
        break;
      case "angle":
        out.f64(value as number);
        break;
      case "choice":
        out.u8(codec.choices.indexOf(value as string));
        break;
      case "ship":
        out.varuint(slots.slotOf(value as string));
        break;
      case "flag":
        if (name === flags[0]) out.u8(packFlags(flags, values));
        break;
    }
  }
}

/** Reads what writeFields wrote; a field the replay's version does not store keeps its initial value. */
function readFields<Table extends FieldTable>(reader: ByteReader, table: Table, slots: SlotTable, version: number): Values<Table> {
  const values: Record<string, unknown> = {};
  for (const [name, { codec }] of Object.entries(table)) values[name] = codec.initial;
  const { fields, flags } = stored(table, version);
  for (const [name, { codec }] of fields) {
    switch (codec.kind) {
      case "text":
        values[name] = reader.text(codec.maxBytes);
        break;
      case "count":
        values[name] = reader.varuint(codec.max);
        break;
      case "grid":
        values[name] = reader.varint(2 ** 30) / POSITION_GRID;
        break;
      case "angle":
        values[name] = reader.f64();
        break;
      case "choice": {
        const choice = codec.choices[reader.u8()];
        if (choice === undefined) throw new ReplayError(`The replay is corrupt: its ${name} is of no known kind.`);
        values[name] = choice;
        break;
      }
      case "ship":
        values[name] = slots.idAt(reader.varuint(slots.ids.length));
        break;
      case "flag":
        if (name === flags[0]) unpackFlags(flags, reader.u8(), values);
        break;
    }
  }
  return values as Values<Table>;
}

const CHANGE_KINDS = ["join", "leave", "away", "back", "end-phase", "team"] as const;
/** The replay version that first stores a change of the kind. */
const CHANGE_SINCE: Partial<Record<Change["type"], number>> = { "end-phase": 2, team: 3 };
const FIRE = 1;
const DASH = 2;
const NEW_MOVE = 4;
const NEW_AIM = 8;

function writeTick(out: ByteWriter, record: TickRecord, slots: SlotTable, version: number): void {
  const flags = (record.changes.length ? 1 : 0) | (record.inputs.length ? 2 : 0) | (record.struck.length ? 4 : 0) | (record.uncompensated.length ? 8 : 0);
  out.u8(flags);
  if (record.changes.length) {
    out.varuint(record.changes.length);
    for (const change of record.changes) {
      out.u8(CHANGE_KINDS.indexOf(change.type));
      if (change.type === "end-phase") continue;
      if (change.type === "join") {
        slots.add(change.id);
        out.text(change.id);
        writeFields(out, IDENTITY_FIELDS, change, slots, version);
      } else out.varuint(slots.slotOf(change.id));
    }
  }
  if (record.inputs.length) {
    out.varuint(record.inputs.length);
    for (const { ship, controls } of record.inputs) {
      const slot = slots.slotOf(ship);
      out.varuint(slot);
      out.varuint(controls.length);
      for (const input of controls) {
        const last = slots.lastInput[slot]!;
        const newMove = input.moveX !== last.moveX || input.moveY !== last.moveY;
        const newAim = input.aimX !== last.aimX || input.aimY !== last.aimY;
        out.u8((input.fire ? FIRE : 0) | (input.dash ? DASH : 0) | (newMove ? NEW_MOVE : 0) | (newAim ? NEW_AIM : 0));
        if (newMove) {
          out.varint(input.moveX);
          out.varint(input.moveY);
        }
        if (newAim) {
          out.varint(input.aimX - last.aimX);
          out.varint(input.aimY - last.aimY);
        }
        slots.lastInput[slot] = { ...input };
      }
    }
  }
  if (record.struck.length) {
    out.varuint(record.struck.length);
    for (const { bullet, target } of record.struck) {
      out.varuint(serialOf(bullet));
      out.varuint(slots.slotOf(target));
    }
  }
  if (record.uncompensated.length) {
    out.varuint(record.uncompensated.length);
    for (const bullet of record.uncompensated) out.varuint(serialOf(bullet));
  }
  out.u8(record.check);
}

function readTick(reader: ByteReader, slots: SlotTable, version: number): TickRecord {
  const record = emptyTick();
  const flags = reader.u8();
  if (flags > 15) throw new ReplayError("The replay is corrupt: a tick starts with unknown flags.");
  if (flags & 1) {
    const count = reader.count(REPLAY_LIMITS.changesPerTick, 2);
    for (let i = 0; i < count; i++) {
      const type = CHANGE_KINDS[reader.u8()];
      if (type === undefined || (CHANGE_SINCE[type] ?? 1) > version) throw new ReplayError("The replay is corrupt: a change of no known kind.");
      if (type === "end-phase") record.changes.push({ type });
      else if (type === "join") {
        if (slots.ids.length >= REPLAY_LIMITS.ships * 64) throw new ReplayError("The replay is corrupt: too many ships join.");
        const id = reader.text(REPLAY_LIMITS.nameBytes);
        const identity = readFields(reader, IDENTITY_FIELDS, slots, version);
        slots.add(id);
        record.changes.push({ type, id, ...identity });
      } else record.changes.push({ type, id: slots.idAt(reader.varuint(slots.ids.length)) });
    }
  }
  if (flags & 2) {
    const count = reader.count(REPLAY_LIMITS.ships, 3);
    for (let i = 0; i < count; i++) {
      const slot = reader.varuint(slots.ids.length);
      const ship = slots.idAt(slot);
      const inputs = reader.count(MAX_CATCH_UP_STEPS, 1);
      const controls: ShipControls[] = [];
      for (let n = 0; n < inputs; n++) {
        const bits = reader.u8();
        if (bits > 15) throw new ReplayError("The replay is corrupt: an input with unknown flags.");
        const last = slots.lastInput[slot]!;
        const input: ShipControls = { ...last, fire: (bits & FIRE) !== 0, dash: (bits & DASH) !== 0 };
        if (bits & NEW_MOVE) {
          input.moveX = reader.varint(MOVE_AXIS_MAX);
          input.moveY = reader.varint(MOVE_AXIS_MAX);
        }
        if (bits & NEW_AIM) {
          input.aimX = last.aimX + reader.varint(2 * AIM_AXIS_MAX);
          input.aimY = last.aimY + reader.varint(2 * AIM_AXIS_MAX);
        }
        if (
          Math.abs(input.moveX) > MOVE_AXIS_MAX ||
          Math.abs(input.moveY) > MOVE_AXIS_MAX ||
          Math.abs(input.aimX) > AIM_AXIS_MAX ||
          Math.abs(input.aimY) > AIM_AXIS_MAX
        ) {
          throw new ReplayError("The replay is corrupt: an input out of range.");
        }
        slots.lastInput[slot] = input;
        controls.push(input);
      }
      record.inputs.push({ ship, controls });
    }
  }
  if (flags & 4) {
    const count = reader.count(REPLAY_LIMITS.bullets, 2);
    for (let i = 0; i < count; i++) {
      const bullet = reader.varuint(2 ** 32 - 1).toString(36);
      record.struck.push({ bullet, target: slots.idAt(reader.varuint(slots.ids.length)) });
    }
  }
  if (flags & 8) {
    const count = reader.count(REPLAY_LIMITS.bullets, 1);
    for (let i = 0; i < count; i++) record.uncompensated.push(reader.varuint(2 ** 32 - 1).toString(36));
  }
  record.check = reader.u8();
  return record;
}

/** A grid value (1/POSITION_GRID px) as the integer the format stores. */
function onWire(value: number): number {
  const scaled = value * POSITION_GRID;
  if (!Number.isInteger(scaled)) throw new RangeError(`${value} is not on the position grid`);
  return scaled;
}

/** Bullet ids are their serial number in base 36 (see applyControls). */
function serialOf(id: string): number {
  const serial = Number.parseInt(id, 36);
  if (!Number.isInteger(serial) || serial.toString(36) !== id) throw new RangeError(`bullet id ${id} is not a serial number`);
  return serial;
}
