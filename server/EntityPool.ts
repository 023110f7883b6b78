import type { Schema } from "@colyseus/schema";
import { BULLET_FIELDS, initialValues } from "../shared/entities.ts";
import { type ArenaState, Pickup, Ship } from "../shared/schema.ts";
import type { BulletState, EntityFactory } from "../shared/world.ts";

/**
 * Ships, handed out again once they have left the state.
 *
 * Every patch names each instance it touches by its reference id, in as few bytes
 * as the number needs: 1 below 128, then 2, 3 and 5. The framework never reuses an
 * id, so in a room that many players have come and gone from, every newly joined
 * ship would cost more in each patch. A recycled instance keeps its id, so ids stay
 * as few as the entities alive at once.
 */
export class EntityPool<T extends Schema> {
  private readonly create: () => T;
  private readonly free: T[] = [];
  /** Field values of a fresh instance, to wipe a recycled one with. */
  private readonly blank: Record<string, unknown>;

  constructor(create: () => T) {
    this.create = create;
    this.blank = create().toJSON() as Record<string, unknown>;
  }

  /** A fresh-looking instance: a recycled one wiped clean, or a new one. */
  take(): T {
    const entity = this.free.pop();
    if (!entity) return this.create();
    return Object.assign(entity, this.blank);
  }

  release(entity: T): void {
    this.free.push(entity);
  }

  /**
   * Makes `count` instances and gives them ids now, while ids are small: each joins
   * `collection` and leaves it at once, before any patch is encoded.
   */
  reserve(count: number, collection: { set(key: string, value: T): unknown; delete(key: string): unknown }): void {
    for (let i = 0; i < count; i++) {
      const entity = this.create();
      const key = `reserved-${i}`;
      collection.set(key, entity);
      collection.delete(key);
      this.release(entity);
    }
  }
}

/**
 * The room's entity factory: ships from a pool, given back as they leave. Bullets
 * are plain values (schema.ts's Bullets), made as they are fired.
 */
export class PooledEntities implements EntityFactory {
  private readonly ships = new EntityPool(() => new Ship());

  ship = (): Ship => this.ships.take();

  bullet = (): BulletState => initialValues(BULLET_FIELDS);

  pickup = (): Pickup => new Pickup();

  /** Gives every ship the room can hold a one-byte id, before anything else can take the small ids. */
  reserveShips(count: number, ships: ArenaState["ships"]): void {
    this.ships.reserve(count, ships);
  }

  /**
   * Keeps a ship that left the arena for the next one. Its rewind history goes with
   * it; the spawn shield covers the new ship for longer than any rewind reaches back.
   */
  releaseShip(ship: Ship): void {
    this.ships.release(ship);
  }
}
