// The room level: a private room on a real server (tests/support/testServer.ts,
// on a free port), and one real @colyseus/sdk player per ship, wired as the game
// wires them, over a simulated round trip. The verbs are the rules level's; the
// pilots steer from what each client sees, and time passes in the server's ticks.
import type { ColyseusTestServer } from "@colyseus/testing";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { layoutByName, type Point } from "../../shared/arena.ts";
import type { WorldState } from "../../shared/world.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import { cutConnection } from "../support/drops.ts";
import { waitFor } from "../support/testServer.ts";
import { arranged, checkPlaces, MatchBase, type MatchSetup } from "./match.ts";
import type { Sighting } from "./pilot.ts";

/** What the kit needs of a test server (useTestServer's). */
export interface TestServer {
  colyseus: ColyseusTestServer;
  endpoint: string;
}

/** A frame at 60 Hz, as a browser draws them. */
const FRAME_MS = 1000 / 60;

export class RoomMatch extends MatchBase {
  readonly level = "room";
  readonly room: ArenaRoom;
  private readonly server: TestServer;
  /** Each ship's player, by the test's name for the ship. */
  readonly players = new Map<string, ArenaConnection>();
  private readonly stops: Array<() => void> = [];
  private readonly velocities = new SeenVelocities();

  private constructor(server: TestServer, room: ArenaRoom, players: Map<string, ArenaConnection>) {
    super();
    this.server = server;
    this.room = room;
    this.players = players;
    for (const [name, player] of players) this.addShip(name, player.sessionId);
    const before = room.onWorldEvents;
    room.onWorldEvents = (events) => {
      before?.(events);
      this.heard(events, room.state.tick);
    };
  }

  /**
   * Creates the room with the setup's settings (bots off unless asked for), and joins a player per ship,
   * one at a time, each ship put in place as its player joins and before the next one does.
   */
  static async start(server: TestServer, setup: MatchSetup): Promise<RoomMatch> {
    const [first, ...others] = Object.keys(setup.ships);
    if (!first) throw new Error("A match needs at least one ship.");
    const settings = { bots: 0, ...setup.settings };
    const host = await ArenaConnection.join(server.endpoint, first, { kind: "create", private: true, settings });
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code);
    try {
      checkPlaces(layoutByName(room.state.layout), setup);
    } catch (error) {
      await host.room.leave();
      throw error;
    }
    const players = new Map<string, ArenaConnection>();
    // Ships are moved only where every player in the room has had a patch: a ship that jumps while a
    // player is still taking its first state can be drawn where it was until it next moves.
    for (const name of [first, ...others]) {
      const player = name === first ? host : await ArenaConnection.join(server.endpoint, name, { kind: "code", code: host.code });
      players.set(name, player);
      const joinedAt = room.state.tick;
      await waitFor(() => player.state.tick > joinedAt + 1, `${name}'s first patches`, 30_000);
      Object.assign(room.state.ships.get(player.sessionId)!, arranged(setup.ships[name]!));
      player.meter.simulate(setup.rttMs ?? 0, setup.jitterMs ?? 0);
    }
    const match = new RoomMatch(server, room, players);
    // Each player sees every ship where it was put (past the interpolation delay) before anyone moves: a
    // shot fired earlier would be judged by lag compensation against the ships as they were before.
    const misplaced = (viewer: string) =>
      Object.entries(setup.ships).flatMap(([name, { at }]) => {
        const seen = match.seen(viewer, name);
        if (seen && Math.hypot(seen.x - at.x, seen.y - at.y) < 1) return [];
        const truth = room.state.ships.get(match.ship(name).id);
        return [
          `${viewer} sees ${name} ${seen ? `at (${seen.x.toFixed(1)}, ${seen.y.toFixed(1)})` : "nowhere"}, not at (${at.x}, ${at.y}) (the server has it at (${truth?.x}, ${truth?.y}))`,
        ];
      });
    for (const [name, player] of players) match.stops.push(match.fly(name, player));
    try {
      // Waited on the server's ticks (a second and a half of play), not the clock: a busy machine slows both sides alike.
      const until = room.state.tick + 1.5 * room.state.tickRate;
      const seenInPlace = () => {
        if ([...players.keys()].every((viewer) => misplaced(viewer).length === 0)) return true;
        if (room.state.tick > until) throw new Error("not in place");
        return false;
      };
      await waitFor(seenInPlace, "every player to see every ship in place", 120_000);
    } catch {
      const report = [...players.keys()].flatMap(misplaced).join("; ");
      await match.close();
      throw new Error(`The ships were put in place, but not every player sees them there: ${report}.`);
    }
    return match;
  }

  get world(): WorldState {
    return this.room.state;
  }

  protected get tickRate(): number {
    return this.room.state.tickRate;
  }

  async wait(ticks: number): Promise<void> {
    const until = this.room.state.tick + ticks;
    await waitFor(() => this.room.state.tick >= until, `${ticks} ticks`, 60_000);
  }

  async until(condition: () => boolean, what: string, maxTicks = 10 * this.tickRate): Promise<void> {
    const deadline = this.room.state.tick + maxTicks;
    await waitFor(
      () => {
        if (condition()) return true;
        if (this.room.state.tick > deadline) throw new Error(`${maxTicks} ticks passed without ${what}.`);
        return false;
      },
      what,
      120_000,
    );
  }

  /** Cuts `name`'s connection from the server's side, as a network failure would; the SDK reconnects within the grace period. */
  drop(name: string): void {
    const player = this.player(name);
    player.room.reconnection.minUptime = 0;
    cutConnection(this.server.colyseus, player);
  }

  seen(viewer: string, name: string): Point | undefined {
    return this.sightingBy(this.player(viewer), name);
  }

  async close(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    // A player the server closed (a test of bad input) has left already: leaving again would wait for ever.
    const open = [...this.players.values()].filter((player) => player.room.connection.isOpen);
    await Promise.all(open.map((player) => player.room.leave().catch(() => {})));
  }

  private player(name: string): ArenaConnection {
    const player = this.players.get(name);
    if (!player) throw new Error(`No player named ${name} in this match.`);
    return player;
  }

  /** Where `player` sees the ship the test calls `name`: its own predicted, the others interpolated (their velocity as last patched). */
  private sightingBy(player: ArenaConnection, name: string): Sighting | undefined {
    const id = this.ship(name).id;
    if (id === player.sessionId) {
      const own = player.predictedShip;
      return own?.alive ? { x: own.x, y: own.y, vx: own.vx, vy: own.vy, fireCooldown: own.fireCooldown } : undefined;
    }
    const view = player.ships().find((ship) => ship.id === id);
    // Another player's velocity is not sent (it is the owner's alone): it is read from where the ship is drawn.
    return view?.ship.alive ? { x: view.x, y: view.y, ...this.velocities.seen(player.sessionId, id, view) } : undefined;
  }

  /** The player's frame loop: each step sends what the ship's orders say, from what its client saw before the frame. */
  private fly(name: string, player: ArenaConnection): () => void {
    const orders = this.ship(name);
    const timer = setInterval(() => {
      const own = this.sightingBy(player, name);
      const seen = new Map([...this.ships.keys()].map((other) => [other, this.sightingBy(player, other)]));
      // Orders are spent a step at a time (a shot, a dash), so they are asked once per step that falls due.
      player.update(performance.now(), () => (own ? orders.controls(own, (other) => seen.get(other)) : { ...NO_CONTROLS }));
    }, FRAME_MS);
    return () => clearInterval(timer);
  }
}

/** How far back a pilot looks to judge another ship's speed, ms, as an eye does. */
const SPEED_WINDOW_MS = 150;

/** How fast each player sees each other ship move: the speed that best fits where it was drawn over the last moments. */
class SeenVelocities {
  private readonly drawn = new Map<string, Array<{ at: number; x: number; y: number }>>();

  seen(viewer: string, id: string, at: Point): { vx: number; vy: number } {
    const now = performance.now();
    const key = `${viewer} ${id}`;
    const samples = this.drawn.get(key) ?? [];
    this.drawn.set(key, samples);
    if (samples.at(-1)?.at !== now) samples.push({ at: now, x: at.x, y: at.y });
    while (samples[0]!.at < now - SPEED_WINDOW_MS) samples.shift();
    if (samples.length < 3) return { vx: 0, vy: 0 };
    // Least squares over every sample, not the last two: frames are not evenly spaced on a busy machine.
    const mean = (value: (sample: (typeof samples)[number]) => number) => samples.reduce((sum, sample) => sum + value(sample), 0) / samples.length;
    const meanAt = mean((sample) => sample.at);
    const variance = samples.reduce((sum, sample) => sum + (sample.at - meanAt) ** 2, 0);
    const slope = (value: (sample: (typeof samples)[number]) => number) => {
      const average = mean(value);
      return variance > 0 ? (samples.reduce((sum, sample) => sum + (sample.at - meanAt) * (value(sample) - average), 0) / variance) * 1000 : 0;
    };
    return { vx: slope((sample) => sample.x), vy: slope((sample) => sample.y) };
  }
}

export function roomMatch(server: TestServer, setup: MatchSetup): Promise<RoomMatch> {
  return RoomMatch.start(server, setup);
}
