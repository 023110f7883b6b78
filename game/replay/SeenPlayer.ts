// Plays back what a client was shown (SeenHistory's frames, one a patch), as the
// game drew it: ships glide between the patches, as remote ships do live, and
// bullets fly from their shots. The killcam plays the seconds before a knock-out
// with it, from what the knocked-out player's own client already had.
import type { BulletView, ShipView } from "../net/ArenaConnection.ts";
import type { SeenFrame } from "../net/SeenHistory.ts";
import type { PickupState, ShipState } from "../../shared/world.ts";
import { glide } from "./glide.ts";
import type { Playback, PlaybackState } from "./ReplayScene.ts";

export class SeenPlayer implements Playback {
  readonly tickRate: number;
  private readonly frames: readonly SeenFrame[];
  private playhead = 0;
  /** The frame at or before the tick shown. */
  private index = 0;
  /** Each bullet's id for drawing, kept from frame to frame. */
  private readonly bulletIds = new Map<string, number>();
  /** The round, ships and pickups at the tick shown (pickups keep their objects, as the pickup layer keys its labels on them). */
  readonly state: PlaybackState & { ships: Map<string, Readonly<ShipState>>; pickups: Map<string, PickupState> };

  /** `frames`: oldest first, at least one. */
  constructor(frames: readonly SeenFrame[], tickRate: number) {
    this.frames = frames;
    this.tickRate = tickRate;
    const first = frames[0]!;
    this.state = { ...first.round, ships: new Map(), pickups: new Map() };
    this.show(0);
  }

  /** Ticks from the first frame to the last. */
  get length(): number {
    return this.frames[this.frames.length - 1]!.round.tick - this.frames[0]!.round.tick;
  }

  /** Where playback is, in ticks from the start (fractional between ticks). */
  get position(): number {
    return this.playhead;
  }

  get renderTick(): number {
    return this.frames[0]!.round.tick + this.playhead;
  }

  /** Moves playback on by this many ticks. */
  advance(ticks: number): void {
    this.playhead = Math.min(this.length, this.playhead + ticks);
    let index = this.index;
    while (index + 1 < this.frames.length && this.frames[index + 1]!.round.tick <= this.renderTick) index++;
    if (index !== this.index) this.show(index);
  }

  /** The ships as drawn now, each between the frame shown and the next; `marked` is drawn as the followed one. */
  ships(marked: string | null): ShipView[] {
    const frame = this.frames[this.index]!;
    const next = this.frames[this.index + 1];
    const blend = next ? (this.renderTick - frame.round.tick) / (next.round.tick - frame.round.tick) : 0;
    const views: ShipView[] = [];
    for (const [id, ship] of frame.ships) {
      const after = next?.ships.get(id);
      const at = (after && glide(ship, after, blend, next!.round.tick - frame.round.tick)) ?? ship;
      views.push({ id, own: id === marked, x: at.x, y: at.y, ship });
    }
    return views;
  }

  bullets(): BulletView[] {
    const tick = this.renderTick;
    return this.frames[this.index]!.bullets.map((bullet) => {
      const key = `${bullet.owner}:${bullet.spawnTick}`;
      const id = this.bulletIds.get(key) ?? this.bulletIds.size;
      this.bulletIds.set(key, id);
      return { ...bullet, id, age: (tick - bullet.spawnTick) / this.tickRate };
    });
  }

  private show(index: number): void {
    this.index = index;
    const frame = this.frames[index]!;
    Object.assign(this.state, frame.round);
    this.state.ships = new Map(frame.ships);
    for (const id of this.state.pickups.keys()) if (!frame.pickups.has(id)) this.state.pickups.delete(id);
    for (const [id, pickup] of frame.pickups) {
      const shown = this.state.pickups.get(id);
      if (shown) Object.assign(shown, pickup);
      else this.state.pickups.set(id, { ...pickup });
    }
  }
}
