// Who is in an arena room: its players and spectators (their seats, see Seats),
// the bots that fill it while players are few, and each ship's identity (a name
// and a colour of its own). Every ship comes and goes through here, so each
// arrival and departure is recorded for the replay once.
import { ServerError } from "@colyseus/core";
import { botName, botsWanted } from "../shared/bots.ts";
import { freeHue, uniqueName } from "../shared/identity.ts";
import { cleanName } from "../shared/names.ts";
import type { ArenaState } from "../shared/schema.ts";
import { leavingBot } from "../shared/modes/teams.ts";
import { addShip, removeShip } from "../shared/world.ts";
import type { PooledEntities } from "./EntityPool.ts";
import { joins, playersInRooms, refusals, spectatorsInRooms } from "./metrics.ts";
import type { RoomRecording } from "./RoomRecording.ts";
import { Seats } from "./Seats.ts";
import { maskWords } from "./wordFilter.ts";

export interface RosterOptions {
  /** The room's code, for the message of a refused join. */
  room: string;
  maxPlayers: number;
  /** Bots fill the room up to this many ships while players are fewer. */
  bots: number;
  /** The fixed step's length, seconds. */
  dt: number;
}

export class Roster {
  readonly seats: Seats;
  private readonly state: ArenaState;
  private readonly factory: PooledEntities;
  private readonly recording: RoomRecording;
  private readonly options: RosterOptions;
  /** The bots in the room, oldest first: the newest leaves first. */
  private readonly botIds: string[] = [];
  private botsAdded = 0;
  /** The browser each player joined from, if it said (see joinOptions.ts). */
  private readonly browsers = new Map<string, string>();
  private playersJoined = 0;

  constructor(state: ArenaState, factory: PooledEntities, recording: RoomRecording, options: RosterOptions) {
    this.state = state;
    this.factory = factory;
    this.recording = recording;
    this.options = options;
    this.seats = new Seats(options.maxPlayers);
  }

  get bots(): number {
    return this.botIds.length;
  }

  addSpectator(id: string): void {
    this.seats.spectators.add(id);
    spectatorsInRooms.inc();
    joins.inc({ kind: "spectator" });
  }

  /** A player takes a seat and a ship, named as they asked (made unique in the room) or "Pilot N"; refused (409) when the seats are taken. */
  addPlayer(id: string, askedName: unknown, browser?: string): void {
    if (!this.seats.admits({}, [])) {
      refusals.inc({ reason: "room_full" });
      throw new ServerError(409, `Room ${this.options.room} is full (${this.seats.maxPlayers} players).`);
    }
    this.seats.players.add(id);
    if (browser !== undefined) this.browsers.set(id, browser);
    playersInRooms.inc();
    joins.inc({ kind: "player" });
    this.playersJoined++;
    const name = cleanName(askedName) || `Pilot ${this.playersJoined}`;
    this.addShip(id, this.state.settings.wordFilter ? maskWords(name) : name, false);
    this.balanceBots();
  }

  /** A client left for good: its seat goes, and a player's ship with it. */
  remove(id: string): void {
    if (this.seats.spectators.delete(id)) {
      spectatorsInRooms.dec();
      return;
    }
    if (this.seats.players.delete(id)) playersInRooms.dec();
    this.browsers.delete(id);
    this.dropShip(id);
    this.balanceBots();
  }

  /** The browser player `id` joined from, if it said. */
  browserOf(id: string): string | undefined {
    return this.browsers.get(id);
  }

  /** The room's seats and bots from now on (a host's settings, at a round's end). */
  setLimits(maxPlayers: number, bots: number): void {
    this.seats.maxPlayers = maxPlayers;
    this.options.bots = bots;
    this.balanceBots();
  }

  /** Bots fill the room while there are fewer players than the fill target, newest bot (of the bigger team) leaving first. */
  balanceBots(): void {
    const wanted = botsWanted(this.seats.players.size, this.options.bots);
    while (this.botIds.length < wanted) {
      const id = `bot-${++this.botsAdded}`;
      this.addShip(id, botName(this.botsAdded - 1), true);
      this.botIds.push(id);
    }
    while (this.botIds.length > wanted) {
      const id = leavingBot(this.state, this.botIds)!;
      this.botIds.splice(this.botIds.indexOf(id), 1);
      this.dropShip(id);
    }
  }

  private addShip(id: string, name: string, bot: boolean): void {
    const ships = [...this.state.ships.values()];
    const identity = { name: uniqueName(name, ships), hue: freeHue(ships), bot };
    this.recording.change({ type: "join", id, ...identity });
    addShip(this.state, id, identity, this.factory, this.options.dt);
  }

  /** Takes a ship out of the arena and keeps the instance for the next ship. */
  private dropShip(id: string): void {
    const ship = this.state.ships.get(id);
    if (ship) this.recording.change({ type: "leave", id });
    removeShip(this.state, id);
    if (ship) this.factory.releaseShip(ship);
  }
}
