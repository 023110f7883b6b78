// Plays a replay at any speed and jumps anywhere in it: the simulation steps
// forward; a jump goes back to the nearest keyframe (taken every few seconds
// on a first pass through the whole replay) and steps from there. Positions are
// blended between the last two ticks so ships glide at any frame rate.
import type { Replay } from "../../shared/replay/format.ts";
import { type ChecksumMismatch, ReplaySimulation, type SimulationPoint } from "../../shared/replay/ReplaySimulation.ts";
import { scoreboardFromState } from "../../shared/scores.ts";
import type { BulletView, ShipView } from "../net/ArenaConnection.ts";
import { glide } from "./glide.ts";
import type { Playback } from "./ReplayScene.ts";

/** Seconds between keyframes: a jump replays at most this much. */
const KEYFRAME_SECONDS = 5;

export interface KoLine {
  tick: number;
  killer: string;
  victim: string;
}

export class ReplayPlayer implements Playback {
  readonly replay: Replay;
  readonly simulation: ReplaySimulation;
  /** Every knock-out in the replay, in order (known after prepare). */
  readonly kos: KoLine[] = [];
  /** Where the replay parted from the match, if it did (known after prepare). */
  mismatch: ChecksumMismatch | null = null;
  private readonly keyframes: SimulationPoint[] = [];
  private readonly keyframeEvery: number;
  private readonly previous = new Map<string, { x: number; y: number }>();
  private playhead = 0;
  /** The latest tick whose knock-outs are in `kos`: jumps step through ticks again. */
  private kosUntil = -1;

  constructor(replay: Replay) {
    this.replay = replay;
    this.simulation = new ReplaySimulation(replay);
    this.keyframeEvery = Math.max(1, Math.round(KEYFRAME_SECONDS * replay.tickRate));
    this.keyframes.push(this.simulation.point());
  }

  /** The world at the tick simulated last. */
  get state(): ReplaySimulation["state"] {
    return this.simulation.state;
  }

  /** Ticks in the replay. */
  get length(): number {
    return this.replay.ticks.length;
  }

  get tickRate(): number {
    return this.replay.tickRate;
  }

  /** Where playback is, in ticks from the start (fractional between ticks). */
  get position(): number {
    return this.playhead;
  }

  get ended(): boolean {
    return this.playhead >= this.length;
  }

  /**
   * Plays the replay through once: keyframes for jumping, the knock-outs for the
   * timeline, and whether every checksum matched. Yields to the page now and
   * then, so a long replay never freezes the tab.
   */
  async prepare(onProgress: (share: number) => void = () => {}): Promise<void> {
    const simulation = this.simulation;
    let sinceYield = 0;
    while (!simulation.done) {
      this.stepOnce();
      if (simulation.played % this.keyframeEvery === 0) this.keyframes.push(simulation.point());
      if (++sinceYield >= 1500) {
        sinceYield = 0;
        onProgress(simulation.played / this.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    this.mismatch = simulation.firstMismatch;
    this.seek(0);
  }

  /** Jumps to a position (ticks from the start). */
  seek(position: number): void {
    const target = Math.max(0, Math.min(this.length, position));
    const whole = Math.floor(target);
    const keyframe = this.keyframes[Math.min(Math.floor(whole / this.keyframeEvery), this.keyframes.length - 1)]!;
    if (whole < this.simulation.played || keyframe.index > this.simulation.played) this.simulation.restore(keyframe);
    while (this.simulation.played < whole) this.stepOnce();
    this.previous.clear();
    this.playhead = target;
  }

  /** Moves playback on by this many ticks (a frame's time × tick rate × speed). */
  advance(ticks: number): void {
    const target = Math.min(this.length, this.playhead + ticks);
    while (this.simulation.played < Math.floor(target)) this.stepOnce();
    this.playhead = target;
  }

  /** The tick being shown, fractional: between the last two simulated ticks. */
  get renderTick(): number {
    return this.simulation.tick - 1 + this.blend;
  }

  /** The ships as drawn now; `marked` is drawn as the followed one. */
  ships(marked: string | null): ShipView[] {
    const blend = this.blend;
    const views: ShipView[] = [];
    for (const [id, ship] of this.simulation.state.ships) {
      const before = this.previous.get(id);
      const at = (before && glide(before, ship, blend)) ?? ship;
      views.push({ id, own: id === marked, x: at.x, y: at.y, ship });
    }
    return views;
  }

  bullets(): BulletView[] {
    const tick = this.renderTick;
    return [...this.simulation.state.bullets.entries()].map(([id, bullet]) => ({
      id: Number.parseInt(id, 36),
      x: bullet.x,
      y: bullet.y,
      vx: bullet.vx,
      vy: bullet.vy,
      owner: bullet.owner,
      age: (tick - bullet.spawnTick) / this.tickRate,
    }));
  }

  /** Knock-outs up to the moment shown, newest first. */
  feed(count: number): KoLine[] {
    const tick = this.simulation.tick;
    const shown: KoLine[] = [];
    for (let i = this.kos.length - 1; i >= 0 && shown.length < count; i--) if (this.kos[i]!.tick <= tick) shown.push(this.kos[i]!);
    return shown;
  }

  scoreboard() {
    return scoreboardFromState(this.simulation.state);
  }

  /** How far between the previous tick and the current one the playhead is. */
  private get blend(): number {
    if (this.previous.size === 0) return 1;
    return Math.min(1, Math.max(0, this.playhead - (this.simulation.played - 1)));
  }

  private stepOnce(): void {
    const state = this.simulation.state;
    this.previous.clear();
    for (const [id, ship] of state.ships) this.previous.set(id, { x: ship.x, y: ship.y });
    const events = this.simulation.step();
    if (state.tick <= this.kosUntil) return;
    this.kosUntil = state.tick;
    for (const event of events) {
      if (event.type === "ko") this.kos.push({ tick: state.tick, killer: nameOf(state, event.killer), victim: nameOf(state, event.victim) });
    }
  }
}

function nameOf(state: ReplaySimulation["state"], id: string): string {
  return state.ships.get(id)?.name ?? "?";
}
