// Where each client of the arena room sits, and how it moves: a player has a
// seat and a ship (its own view of it, its inputs taken and watched for idling);
// a spectator watches. A spectator takes a free seat with Join; an idle player is
// moved to watching, freeing ship and seat; a player the host removed is closed.
// The room calls these from its lifecycle and its messages.
import { StateView } from "@colyseus/schema";
import { REMOVED_BY_HOST } from "../shared/messages.ts";
import { type ArenaState, OWNER_VIEW } from "../shared/schema.ts";
import type { ArenaClient } from "./ArenaRoom.ts";
import type { Host } from "./Host.ts";
import type { IdleWatch } from "./IdleWatch.ts";
import type { InputIntake } from "./InputIntake.ts";
import { isSpectator, type JoinOptions } from "./joinOptions.ts";
import type { Roster } from "./Roster.ts";
import type { SeatHolds } from "./SeatHolds.ts";

export interface SeatedRoom {
  readonly state: ArenaState;
  readonly roster: Roster;
  readonly host: Host;
  readonly intake: InputIntake;
  readonly idle: IdleWatch;
  readonly holds: SeatHolds;
  client(id: string): ArenaClient | undefined;
  toRoom(text: string): void;
  /** Seats changed: the lobby's listing follows. */
  seatsChanged(): void;
}

export class Seating {
  private readonly room: SeatedRoom;

  constructor(room: SeatedRoom) {
    this.room = room;
  }

  /** A client joined: a spectator's seat, or a player's seat and ship (refused, 403 or 409, with the reason). */
  joined(client: ArenaClient, options?: JoinOptions): void {
    if (isSpectator(options)) {
      this.room.roster.addSpectator(client.sessionId);
      this.room.seatsChanged();
    } else this.seatPlayer(client, options?.name, options?.browser);
  }

  /** A spectator asks for a ship: given one if a seat is free and the host lets them in; told why not otherwise. */
  takeSeat(client: ArenaClient, asked: { name?: string; browser?: string }): void {
    const id = client.sessionId;
    if (!this.room.roster.seats.spectators.has(id)) return;
    if (!this.room.roster.seats.admits({}, [])) {
      client.send("seat-notice", { text: "Every seat is taken: watch until one is free." });
      return;
    }
    this.room.roster.remove(id);
    try {
      this.seatPlayer(client, asked.name, asked.browser);
    } catch (error) {
      this.room.roster.addSpectator(id);
      client.send("seat-notice", { text: error instanceof Error ? error.message : String(error) });
    }
  }

  /** An idle player watches from now on: their ship and seat go, and everyone is told. */
  moveToWatching(id: string): void {
    const client = this.room.client(id);
    const name = this.room.state.ships.get(id)?.name;
    if (!client || !name) return;
    this.unseatPlayer(client);
    this.room.roster.addSpectator(id);
    client.send("watching", { reason: "idle" });
    this.room.toRoom(`${name} is watching.`);
  }

  /** A player the host removed: their ship, score and seat go now, and they are told as they are closed. */
  remove(id: string): void {
    const client = this.room.client(id);
    if (client) this.unseatPlayer(client);
    else this.room.roster.remove(id);
    client?.leave(REMOVED_BY_HOST, "Removed by the host.");
  }

  /** A client left for good (a player, or a spectator: unseating takes either out of the roster). */
  left(client: ArenaClient): void {
    this.room.holds.forget(client.sessionId);
    this.unseatPlayer(client);
    this.room.host.left(client.sessionId);
  }

  private seatPlayer(client: ArenaClient, name: string | undefined, browser: string | undefined): void {
    const id = client.sessionId;
    this.room.host.admit(browser);
    this.room.roster.addPlayer(id, name, browser);
    this.room.host.joined(id);
    // What only this player's prediction needs (velocity, cooldowns) goes to them alone.
    const view = new StateView();
    view.add(this.room.state.ships.get(id)!, OWNER_VIEW);
    client.view = view;
    this.room.intake.start(id);
    this.room.idle.watch(id);
    this.room.holds.watch(client);
    this.room.seatsChanged();
  }

  private unseatPlayer(client: ArenaClient): void {
    const id = client.sessionId;
    client.view?.dispose();
    client.view = undefined;
    this.room.roster.remove(id);
    this.room.intake.forget(id);
    this.room.idle.forget(id);
    this.room.seatsChanged();
  }
}
