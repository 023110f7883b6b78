// Plays a replay through the match's own step, tick by tick, on a state of the
// same schema the room uses (so every value is stored as the room stores it),
// and compares the state's checksum after every tick with the replay's.
import { BULLET_FIELDS, initialValues } from "../entities.ts";
import { ArenaState, Pickup, Ship } from "../schema.ts";
import type { ShipControls } from "../step.ts";
import { stepWorld } from "../stepWorld.ts";
import {
  addShip,
  bulletPosition,
  endPhase,
  liveSight,
  type LiveSight,
  removeShip,
  type EntityFactory,
  type SeenMotion,
  type Sight,
  type WorldEvent,
} from "../world.ts";
import { switchTeam } from "../modes/teams.ts";
import { ReplayError } from "./bytes.ts";
import { type Keyframe, REPLAY_LIMITS, type Replay, type TickRecord } from "./format.ts";
import { restoreKeyframe, takeKeyframe, worldChecksum } from "./snapshot.ts";

/** Where a re-simulation first parted from the recorded match: the tick, and the state's checksum there (whole, or its low byte). */
export interface ChecksumMismatch {
  tick: number;
  expected: number;
  actual: number;
  /** Whether the whole checksum was compared (every CHECKSUM_INTERVAL ticks), or its low byte. */
  whole: boolean;
}

/** Where a simulation stands, to come back to later (the replay page's keyframes). */
export interface SimulationPoint {
  index: number;
  frame: Keyframe;
}

const schemaFactory: EntityFactory = { ship: () => new Ship(), bullet: () => initialValues(BULLET_FIELDS), pickup: () => new Pickup() };
const NOWHERE: SeenMotion = { x0: 1e9, y0: 1e9, x1: 1e9, y1: 1e9 };
const NO_INPUTS: readonly ShipControls[] = [];

export class ReplaySimulation {
  readonly replay: Replay;
  readonly state = new ArenaState();
  /** The first checksum that did not match, once one has not. */
  firstMismatch: ChecksumMismatch | null = null;
  /** Whole checksums compared so far (every tick's check byte is compared too). */
  checked = 0;
  /** Ticks summed over the players' ships (not bots) present in each: player-time, to size replays by. */
  playerTicks = 0;
  private index = 0;
  private readonly dt: number;
  private readonly compensated = new Set<string>();
  private readonly checksums: Map<number, number>;
  private readonly live: LiveSight;

  constructor(replay: Replay) {
    this.replay = replay;
    this.dt = 1 / replay.tickRate;
    this.live = liveSight(this.dt);
    this.checksums = new Map(replay.checksums.map(({ tick, value }) => [tick, value]));
    this.state.tickRate = replay.tickRate;
    this.restore({ index: 0, frame: replay.start });
  }

  get tick(): number {
    return this.state.tick;
  }

  /** Ticks played from the replay's start. */
  get played(): number {
    return this.index;
  }

  get done(): boolean {
    return this.index >= this.replay.ticks.length;
  }

  /** Plays one tick; returns what happened in it. */
  step(): WorldEvent[] {
    const record = this.replay.ticks[this.index];
    if (!record) return [];
    this.applyChanges(record);
    const inputs = new Map(record.inputs.map(({ ship, controls }) => [ship, controls]));
    const uncompensated = new Set(record.uncompensated);
    const events: WorldEvent[] = [];
    stepWorld(
      this.state,
      schemaFactory,
      this.dt,
      events,
      (id) => inputs.get(id) ?? NO_INPUTS,
      this.sight(record),
      (_shooter, bullet) => {
        if (!uncompensated.has(bullet)) this.compensated.add(bullet);
      },
    );
    for (const bullet of this.compensated) if (!this.state.bullets.has(bullet)) this.compensated.delete(bullet);
    for (const ship of this.state.ships.values()) if (!ship.bot) this.playerTicks++;
    this.index++;
    this.check(record.check);
    return events;
  }

  /** Plays every tick left; returns the first mismatch, if any. */
  run(): ChecksumMismatch | null {
    while (!this.done) this.step();
    return this.firstMismatch;
  }

  /** Where the simulation stands now. */
  point(): SimulationPoint {
    return { index: this.index, frame: takeKeyframe(this.state, (id) => this.compensated.has(id)) };
  }

  /** Back (or forward) to a point taken from this replay. */
  restore(point: SimulationPoint): void {
    restoreKeyframe(this.state, point.frame, schemaFactory);
    this.compensated.clear();
    for (const bullet of point.frame.bullets) if (bullet.compensated) this.compensated.add(bullet.id);
    this.index = point.index;
  }

  private applyChanges(record: TickRecord): void {
    for (const change of record.changes) {
      if (change.type === "join") {
        if (this.state.ships.has(change.id) || this.state.ships.size >= REPLAY_LIMITS.ships) {
          throw new ReplayError(`The replay is corrupt: ship ${change.id} joins at tick ${this.state.tick + 1} where it cannot.`);
        }
        addShip(this.state, change.id, change, schemaFactory, this.dt);
      } else if (change.type === "leave") removeShip(this.state, change.id);
      else if (change.type === "end-phase") endPhase(this.state);
      else if (change.type === "team") switchTeam(this.state, change.id, this.dt);
      else {
        const ship = this.state.ships.get(change.id);
        if (ship) ship.away = change.type === "away";
      }
    }
  }

  /**
   * Players' bullets were judged by lag compensation against where their shooter
   * saw the ships: that is not known here, so what it decided is read from the
   * replay. A struck ship is placed on the bullet's path, the others out of reach.
   */
  private sight(record: TickRecord): Sight {
    const struck = new Map(record.struck.map(({ bullet, target }) => [bullet, target]));
    const struckShips = new Set(struck.values());
    return {
      see: (bullet, age, target, bulletId, targetId) => {
        if (!this.compensated.has(bulletId)) return this.live.see(bullet, age, target, bulletId, targetId);
        if (struck.get(bulletId) !== targetId) return NOWHERE;
        const from = bulletPosition(bullet, age - 1, this.dt);
        return { x0: from.x, y0: from.y, x1: from.x, y1: from.y };
      },
      // A struck ship is seen wherever the bullet was: anywhere.
      bounds: (target, targetId) => (struckShips.has(targetId) ? null : this.live.bounds(target)),
    };
  }

  /** Compares the state with the tick's check byte, and with the whole checksum where the replay keeps one. */
  private check(checkByte: number): void {
    const actual = worldChecksum(this.state, this.replay.version);
    const expected = this.checksums.get(this.state.tick);
    if (expected !== undefined) this.checked++;
    if (this.firstMismatch) return;
    if (expected !== undefined && actual !== expected) this.firstMismatch = { tick: this.state.tick, expected, actual, whole: true };
    else if ((actual & 0xff) !== checkByte) this.firstMismatch = { tick: this.state.tick, expected: checkByte, actual: actual & 0xff, whole: false };
  }
}
