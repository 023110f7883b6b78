// Keyframes (the whole world at one tick) and checksums of the world, the two
// ways a replay pins down the state.
import { BULLET_FIELDS, copyValues, packFlags, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS, type FieldTable } from "../entities.ts";
import type { EntityFactory, WorldState } from "../world.ts";
import { type Keyframe, REPLAY_VERSION } from "./format.ts";

/** The world as it stands; `compensated` says which bullets lag compensation judges. */
export function takeKeyframe(world: WorldState, compensated: (bulletId: string) => boolean): Keyframe {
  return {
    ...copyValues(ROUND_FIELDS, world),
    ships: [...world.ships.entries()].map(([id, ship]) => ({ id, ...copyValues(SHIP_FIELDS, ship) })),
    bullets: [...world.bullets.entries()].map(([id, bullet]) => ({ id, ...copyValues(BULLET_FIELDS, bullet), compensated: compensated(id) })),
    pickups: [...world.pickups.entries()].map(([id, pickup]) => ({ id, ...copyValues(PICKUP_FIELDS, pickup) })),
  };
}

/** Puts the world back as the keyframe has it. */
export function restoreKeyframe(world: WorldState, frame: Keyframe, factory: EntityFactory): void {
  Object.assign(world, copyValues(ROUND_FIELDS, frame));
  world.ships.clear();
  for (const { id, ...fields } of frame.ships) world.ships.set(id, Object.assign(factory.ship(), fields));
  world.bullets.clear();
  for (const { id, compensated: _, ...fields } of frame.bullets) world.bullets.set(id, Object.assign(factory.bullet(), fields));
  world.pickups.clear();
  for (const { id, ...fields } of frame.pickups) world.pickups.set(id, Object.assign(factory.pickup(), fields));
}

/**
 * A 32-bit hash of every value the rules read or write: the fields the entities'
 * tables (entities.ts) mark `checksum`, in the places they give, as a replay of
 * `version` has them. Numbers are hashed by their exact bits (little-endian,
 * whatever the machine), so the smallest difference shows, in every bit of the
 * result (its low byte goes into every tick of a replay).
 */
export function worldChecksum(world: WorldState, version = REPLAY_VERSION): number {
  // One hash, reset for each call: this runs every tick in every room.
  const hash = sharedHash.reset();
  const { round, ship, bullet, pickup } = checksumOrders(version);
  hashFields(hash, round, world);
  world.ships.forEach((s, id) => {
    hash.text(id);
    hashFields(hash, ship, s);
  });
  world.bullets.forEach((b, id) => {
    hash.text(id);
    hashFields(hash, bullet, b);
  });
  world.pickups.forEach((p, id) => {
    hash.text(id);
    hashFields(hash, pickup, p);
  });
  return hash.value;
}

/** What the checksum reads of one table: a field, or the flags hashed together as one word (one bit each, in checksum order). */
type Hashed = { name: string; as: "number" | "text" } | { flags: string[] };

type ChecksumOrders = Record<"round" | "ship" | "bullet" | "pickup", Hashed[]>;
const orders = new Map<number, ChecksumOrders>();

/** The checksum's order over each table for a replay of `version` (worked out once: the checksum runs every tick). */
function checksumOrders(version: number): ChecksumOrders {
  let found = orders.get(version);
  if (!found) {
    found = {
      round: checksumOrder(ROUND_FIELDS, version),
      ship: checksumOrder(SHIP_FIELDS, version),
      bullet: checksumOrder(BULLET_FIELDS, version),
      pickup: checksumOrder(PICKUP_FIELDS, version),
    };
    orders.set(version, found);
  }
  return found;
}

function checksumOrder(table: FieldTable, version: number): Hashed[] {
  const covered = Object.entries(table)
    .filter(([, field]) => field.checksum !== undefined && (field.since ?? 1) <= version)
    .sort(([, a], [, b]) => a.checksum! - b.checksum!);
  const flags = covered.filter(([, { codec }]) => codec.kind === "flag").map(([name]) => name);
  const order: Hashed[] = [];
  for (const [name, { codec }] of covered) {
    if (codec.kind !== "flag") order.push({ name, as: codec.kind === "text" || codec.kind === "choice" ? "text" : "number" });
    else if (name === flags[0]) order.push({ flags });
  }
  return order;
}

function hashFields(hash: WordHash, order: Hashed[], entity: object): void {
  const values = entity as Record<string, unknown>;
  for (const hashed of order) {
    if ("flags" in hashed) hash.word(packFlags(hashed.flags, values));
    else if (hashed.as === "text") hash.text(values[hashed.name] as string);
    else hash.number(values[hashed.name] as number);
  }
}

/** FNV-1a's step over 32-bit words, each folding its high bits down, and murmur3's finaliser. */
class WordHash {
  private state = 0x811c9dc5;
  private readonly view = new DataView(new ArrayBuffer(8));

  reset(): this {
    this.state = 0x811c9dc5;
    return this;
  }

  number(value: number): void {
    this.view.setFloat64(0, value, true);
    this.word(this.view.getUint32(0, true));
    this.word(this.view.getUint32(4, true));
  }

  text(value: string): void {
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
    this.word(0xffffffff);
  }

  word(word: number): void {
    const mixed = Math.imul(this.state ^ word, 0x01000193);
    this.state = (mixed ^ (mixed >>> 16)) >>> 0;
  }

  get value(): number {
    let h = this.state;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
}

const sharedHash = new WordHash();
