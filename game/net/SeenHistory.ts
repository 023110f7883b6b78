// What this client was shown of the match, patch by patch, over the last few
// seconds: the killcam plays it back (game/replay/SeenPlayer.ts). Every client
// already holds all of it, so a knock-out costs the wire nothing more.
import { KILLCAM_SECONDS } from "../../shared/constants.ts";
import { copyValues, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS, type Values } from "../../shared/entities.ts";
import type { BulletState, PickupState, ShipState } from "../../shared/world.ts";
import type { ArenaRoom } from "./gameClient.ts";

/** The match as one patch showed it: the round, every ship and pickup, and the bullets in flight. */
export interface SeenFrame {
  round: Values<typeof ROUND_FIELDS>;
  ships: ReadonlyMap<string, Readonly<ShipState>>;
  pickups: ReadonlyMap<string, Readonly<PickupState>>;
  bullets: readonly Readonly<BulletState>[];
}

/** Kept beyond the killcam's own seconds: a killcam may open a moment after its knock-out. */
const KEPT_SECONDS = KILLCAM_SECONDS + 1;

export class SeenHistory {
  private readonly room: ArenaRoom;
  private readonly frames: SeenFrame[] = [];

  /** `bullets` says which bullets are in flight (see ShotFeed). */
  constructor(room: ArenaRoom, bullets: () => Iterable<Readonly<BulletState>>) {
    this.room = room;
    room.onStateChange((state) => {
      // A hull is drawn where the ship's heading says (its aim is the server's alone).
      const ships = new Map<string, ShipState>([...state.ships].map(([id, ship]) => [id, { ...copyValues(SHIP_FIELDS, ship), aim: ship.heading }]));
      const pickups = new Map<string, PickupState>([...state.pickups].map(([id, pickup]) => [id, copyValues(PICKUP_FIELDS, pickup)]));
      this.frames.push({ round: copyValues(ROUND_FIELDS, state), ships, pickups, bullets: [...bullets()] });
      const oldest = state.tick - KEPT_SECONDS * state.tickRate;
      while (this.frames.length > 1 && this.frames[0]!.round.tick < oldest) this.frames.shift();
    });
  }

  /** The frames of the last `seconds` of the round under way, up to the latest, oldest first (at least the latest). */
  lastSeconds(seconds: number): SeenFrame[] {
    const latest = this.frames[this.frames.length - 1];
    if (!latest) return [];
    const from = latest.round.tick - seconds * this.room.state.tickRate;
    return this.frames.filter((frame) => frame.round.tick >= from && frame.round.round === latest.round.round);
  }
}
