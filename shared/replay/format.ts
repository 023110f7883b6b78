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
import { LAYOUTS, PICKUP_KINDS, type PickupKind } from "../arena.ts";
import { AIM_AXIS_MAX, BULLET_LIFETIME, MAX_CATCH_UP_STEPS, MOVE_AXIS_MAX, POSITION_GRID } from "../constants.ts";
import { type ShipControls, ticks } from "../step.ts";
import type { Phase } from "../world.ts";
import { ByteReader, ByteWriter, ReplayError } from "./bytes.ts";

export const REPLAY_VERSION = 1;
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
  nameBytes: 64,
} as const;

export interface ShipIdentity {
  name: string;
  hue: number;
  bot: boolean;
}

/** Every field of a ship the rules read or write (not its ping). */
export interface ShipSnapshot extends ShipIdentity {
  id: string;
  x: number;
  y: number;
  vx: number;
  vy: number;
  aim: number;
  alive: boolean;
  away: boolean;
  health: number;
  kos: number;
  deaths: number;
  shieldUntil: number;
  respawnTick: number;
  dashTicks: number;
  dashCooldown: number;
  fireCooldown: number;
  speedTicks: number;
  rapidTicks: number;
  koBy: string;
}

export interface BulletSnapshot {
  id: string;
  x: number;
  y: number;
  vx: number;
  vy: number;
  owner: string;
  spawnTick: number;
  /** Judged by lag compensation: its hits are read from the replay, not worked out again. */
  compensated: boolean;
}

export interface PickupSnapshot {
  id: string;
  kind: PickupKind;
  x: number;
  y: number;
  readyTick: number;
}

/** The whole world at one tick. */
export interface Keyframe {
  tick: number;
  round: number;
  phase: Phase;
  phaseEndTick: number;
  roundSeconds: number;
  koTarget: number;
  layout: string;
  serial: number;
  ships: ShipSnapshot[];
  bullets: BulletSnapshot[];
  pickups: PickupSnapshot[];
}

/** Something that happened to the ships between two ticks. */
export type ShipChange =
  | ({ type: "join"; id: string } & ShipIdentity)
  | { type: "leave"; id: string }
  | { type: "away"; id: string }
  | { type: "back"; id: string };

/** What entered the simulation for one tick: the changes before it, then what the step used. */
export interface TickRecord {
  changes: ShipChange[];
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
  room: string;
  round: number;
  tickRate: number;
  /** Wall-clock time the recording started, ms since the epoch (to the second). */
  recordedAt: number;
  /** The round was played to its end (false: cut short, or a killcam's slice of it). */
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

  constructor(start: Keyframe) {
    this.start = start;
    writeKeyframe(this.keyframe, start, this.slots);
  }

  /** Bytes written so far (the header adds a few dozen). */
  get size(): number {
    return this.keyframe.size + this.body.size;
  }

  get ticks(): number {
    return this.tickCount;
  }

  tick(record: TickRecord): void {
    writeTick(this.body, record, this.slots);
    this.tickCount++;
  }

  finish(header: Omit<Replay, "start" | "ticks" | "checksums">, checksums: Replay["checksums"]): Uint8Array {
    const out = new ByteWriter();
    out.bytes(Uint8Array.from(MAGIC));
    out.u8(REPLAY_VERSION);
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
  const writer = new ReplayWriter(replay.start);
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
  if (version !== REPLAY_VERSION) throw new ReplayError(`This replay is format version ${version}; this game reads version ${REPLAY_VERSION}.`);
  const room = reader.text(16);
  const round = reader.varuint(1_000_000);
  const tickRate = reader.varuint(240);
  if (tickRate < 1) throw new ReplayError("The replay is corrupt: its tick rate is 0.");
  const recordedAt = reader.varuint() * 1000;
  const complete = reader.u8() === 1;
  const slots = new SlotTable();
  const start = readKeyframe(reader, slots, tickRate);
  const tickCount = reader.count(REPLAY_LIMITS.ticks, 2);
  const ticks: TickRecord[] = [];
  for (let i = 0; i < tickCount; i++) ticks.push(readTick(reader, slots));
  const checksumCount = reader.count(tickCount + 1, 5);
  const checksums: Replay["checksums"] = [];
  let tick = start.tick;
  for (let i = 0; i < checksumCount; i++) {
    tick += reader.varuint(tickCount);
    if (tick > start.tick + tickCount) throw new ReplayError("The replay is corrupt: a checksum lies past its last tick.");
    checksums.push({ tick, value: reader.u32() });
  }
  if (reader.remaining !== 0) throw new ReplayError("The replay is corrupt: there are bytes after its end.");
  return { room, round, tickRate, recordedAt, complete, start, ticks, checksums };
}

function writeKeyframe(out: ByteWriter, frame: Keyframe, slots: SlotTable): void {
  out.varuint(frame.tick);
  out.varuint(frame.round);
  out.u8(frame.phase === "playing" ? 0 : 1);
  out.varuint(frame.phaseEndTick);
  out.varuint(frame.roundSeconds);
  out.varuint(frame.koTarget);
  out.text(frame.layout);
  out.varuint(frame.serial);
  out.varuint(frame.ships.length);
  for (const ship of frame.ships) {
    slots.add(ship.id);
    out.text(ship.id);
    out.text(ship.name);
    out.varuint(ship.hue);
    out.u8((ship.bot ? 1 : 0) | (ship.alive ? 2 : 0) | (ship.away ? 4 : 0));
    for (const value of [ship.x, ship.y, ship.vx, ship.vy]) out.varint(onWire(value));
    out.f64(ship.aim);
    for (const value of [
      ship.health,
      ship.kos,
      ship.deaths,
      ship.shieldUntil,
      ship.respawnTick,
      ship.dashTicks,
      ship.dashCooldown,
      ship.fireCooldown,
      ship.speedTicks,
      ship.rapidTicks,
    ]) {
      out.varuint(value);
    }
    out.text(ship.koBy);
  }
  out.varuint(frame.bullets.length);
  for (const bullet of frame.bullets) {
    out.varuint(serialOf(bullet.id));
    for (const value of [bullet.x, bullet.y, bullet.vx, bullet.vy]) out.varint(onWire(value));
    out.varuint(slots.slotOf(bullet.owner));
    out.varuint(bullet.spawnTick);
    out.u8(bullet.compensated ? 1 : 0);
  }
  out.varuint(frame.pickups.length);
  for (const pickup of frame.pickups) {
    out.text(pickup.id);
    out.u8(PICKUP_KINDS.indexOf(pickup.kind));
    out.varint(onWire(pickup.x));
    out.varint(onWire(pickup.y));
    out.varuint(pickup.readyTick);
  }
}

function readKeyframe(reader: ByteReader, slots: SlotTable, tickRate: number): Keyframe {
  const limit = REPLAY_LIMITS.ticks * 4;
  const tick = reader.varuint(2 ** 32 - 1);
  const round = reader.varuint(1_000_000);
  const phase: Phase = reader.u8() === 0 ? "playing" : "results";
  const phaseEndTick = reader.varuint(2 ** 32 - 1);
  const roundSeconds = reader.varuint(3600);
  const koTarget = reader.varuint(65_535);
  const layout = reader.text(32);
  if (!LAYOUTS.some((known) => known.name === layout)) throw new ReplayError(`The replay is of an arena this game does not have ("${layout}").`);
  const serial = reader.varuint(2 ** 32 - 1);
  const ships: ShipSnapshot[] = [];
  const shipCount = reader.count(REPLAY_LIMITS.ships, 20);
  for (let i = 0; i < shipCount; i++) {
    const id = reader.text(REPLAY_LIMITS.nameBytes);
    const name = reader.text(REPLAY_LIMITS.nameBytes);
    const hue = reader.varuint(255);
    const flags = reader.u8();
    const [x, y, vx, vy] = [0, 0, 0, 0].map(() => reader.varint(2 ** 30) / POSITION_GRID) as [number, number, number, number];
    const aim = reader.f64();
    const [health, kos, deaths, shieldUntil, respawnTick, dashTicks, dashCooldown, fireCooldown, speedTicks, rapidTicks] = Array.from({ length: 10 }, () =>
      reader.varuint(2 ** 32 - 1),
    ) as [number, number, number, number, number, number, number, number, number, number];
    const koBy = reader.text(REPLAY_LIMITS.nameBytes);
    if (slots.ids.includes(id)) throw new ReplayError(`The replay is corrupt: ship ${id} is in it twice.`);
    slots.add(id);
    ships.push({
      id,
      name,
      hue,
      bot: (flags & 1) !== 0,
      alive: (flags & 2) !== 0,
      away: (flags & 4) !== 0,
      x,
      y,
      vx,
      vy,
      aim,
      health,
      kos,
      deaths,
      shieldUntil,
      respawnTick,
      dashTicks,
      dashCooldown,
      fireCooldown,
      speedTicks,
      rapidTicks,
      koBy,
    });
  }
  const bullets: BulletSnapshot[] = [];
  const bulletCount = reader.count(REPLAY_LIMITS.bullets, 8);
  for (let i = 0; i < bulletCount; i++) {
    const id = reader.varuint(2 ** 32 - 1).toString(36);
    const [x, y, vx, vy] = [0, 0, 0, 0].map(() => reader.varint(2 ** 30) / POSITION_GRID) as [number, number, number, number];
    const owner = slots.idAt(reader.varuint(REPLAY_LIMITS.ships));
    const spawnTick = reader.varuint(2 ** 32 - 1);
    bullets.push({ id, x, y, vx, vy, owner, spawnTick, compensated: reader.u8() === 1 });
  }
  const pickups: PickupSnapshot[] = [];
  const pickupCount = reader.count(REPLAY_LIMITS.pickups, 5);
  for (let i = 0; i < pickupCount; i++) {
    const id = reader.text(8);
    const kind = PICKUP_KINDS[reader.u8()];
    if (!kind) throw new ReplayError("The replay is corrupt: a pickup of no known kind.");
    pickups.push({ id, kind, x: reader.varint(2 ** 30) / POSITION_GRID, y: reader.varint(2 ** 30) / POSITION_GRID, readyTick: reader.varuint(2 ** 32 - 1) });
  }
  if (phaseEndTick > tick + limit) throw new ReplayError("The replay is corrupt: its round ends implausibly late.");
  // A bullet lives under a second: one fired after the keyframe's tick, or long before it, is not a real one.
  const lifetime = ticks(BULLET_LIFETIME, 1 / tickRate);
  if (bullets.some((bullet) => bullet.spawnTick > tick || bullet.spawnTick + lifetime < tick))
    throw new ReplayError("The replay is corrupt: a bullet out of its time.");
  return { tick, round, phase, phaseEndTick, roundSeconds, koTarget, layout, serial, ships, bullets, pickups };
}

const CHANGE_KINDS = ["join", "leave", "away", "back"] as const;
const FIRE = 1;
const DASH = 2;
const NEW_MOVE = 4;
const NEW_AIM = 8;

function writeTick(out: ByteWriter, record: TickRecord, slots: SlotTable): void {
  const flags = (record.changes.length ? 1 : 0) | (record.inputs.length ? 2 : 0) | (record.struck.length ? 4 : 0) | (record.uncompensated.length ? 8 : 0);
  out.u8(flags);
  if (record.changes.length) {
    out.varuint(record.changes.length);
    for (const change of record.changes) {
      out.u8(CHANGE_KINDS.indexOf(change.type));
      if (change.type === "join") {
        slots.add(change.id);
        out.text(change.id);
        out.text(change.name);
        out.varuint(change.hue);
        out.u8(change.bot ? 1 : 0);
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

function readTick(reader: ByteReader, slots: SlotTable): TickRecord {
  const record = emptyTick();
  const flags = reader.u8();
  if (flags > 15) throw new ReplayError("The replay is corrupt: a tick starts with unknown flags.");
  if (flags & 1) {
    const count = reader.count(REPLAY_LIMITS.changesPerTick, 2);
    for (let i = 0; i < count; i++) {
      const type = CHANGE_KINDS[reader.u8()];
      if (type === undefined) throw new ReplayError("The replay is corrupt: a change of no known kind.");
      if (type === "join") {
        if (slots.ids.length >= REPLAY_LIMITS.ships * 64) throw new ReplayError("The replay is corrupt: too many ships join.");
        const id = reader.text(REPLAY_LIMITS.nameBytes);
        const name = reader.text(REPLAY_LIMITS.nameBytes);
        const hue = reader.varuint(255);
        const bot = reader.u8() === 1;
        slots.add(id);
        record.changes.push({ type, id, name, hue, bot });
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
