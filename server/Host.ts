// The host of a private room: who created it, then, when the host leaves for
// good, whoever has played in it longest. The host may change the room's
// settings, which apply from the next round (a round keeps the rules it began
// with, so each round's replay holds them in its first keyframe); end the
// round's phase now (recorded for the replay); lock the room to new players;
// and remove a player, who cannot come back from that browser while the room
// lives. Anyone else who asks is told why nothing changed; it is not a reason
// to close them. In a private room's team mode any player may switch teams.
import { ServerError } from "@colyseus/core";
import type { ArenaState } from "../shared/schema.ts";
import { MODES } from "../shared/modes/index.ts";
import { type ModeName, NUMBER_SETTINGS, type RoomSettings, roomSettings } from "../shared/settings.ts";
import { switchTeam, teamName } from "../shared/modes/teams.ts";
import { endPhase, setRules } from "../shared/world.ts";
import type { RoomRecording } from "./RoomRecording.ts";
import type { Roster } from "./Roster.ts";

/** What the host's commands do to the room. */
export interface HostedRoom {
  readonly state: ArenaState;
  readonly roster: Roster;
  /** Only a private room has a host. */
  readonly isPrivate: boolean;
  /** Tells everyone, or the one player. */
  toRoom(text: string): void;
  toOne(id: string, text: string): void;
  /** Where the host's end of a phase is recorded, so the round's replay re-simulates it. */
  readonly recording: RoomRecording;
  /** The fixed step's length, seconds. */
  readonly dt: number;
  /** Closes a player's connection for good, telling them they were removed. */
  remove(id: string): void;
}

/** Each setting's name in a sentence. */
const SETTING_NAMES: Record<keyof RoomSettings, string> = {
  roundSeconds: "the round length",
  koTarget: "the KO target",
  holdTarget: "the hold target",
  mode: "the mode",
  bots: "the bots",
  maxPlayers: "the room size",
  arena: "the arena",
  wordFilter: "the word filter",
};

/** The most seats and bots a room may come to have: a private room's host may raise them to the ranges' ends. */
export function roomCapacity(settings: RoomSettings, isPrivate: boolean): { maxPlayers: number; bots: number } {
  return isPrivate ? { maxPlayers: NUMBER_SETTINGS.maxPlayers.max, bots: NUMBER_SETTINGS.bots.max } : settings;
}

export class Host {
  private readonly room: HostedRoom;
  /** Settings the host changed this round, applied when it ends. */
  private pending: Partial<RoomSettings> = {};
  /** Browsers whose player the host removed: they do not come back into this room. */
  private readonly removed = new Set<string>();

  constructor(room: HostedRoom) {
    this.room = room;
  }

  /** Whether `id` hosts the room. */
  is(id: string): boolean {
    return id !== "" && this.room.state.hostId === id;
  }

  /** Refuses (403, and why) a player joining from `browser` whom the host removed, or any while the room is locked. */
  admit(browser: string | undefined): void {
    if (browser !== undefined && this.removed.has(browser)) throw new ServerError(403, "Removed by the host: you cannot come back into this room.");
    if (this.room.state.locked) throw new ServerError(403, "This room is locked by its host: it takes no new players.");
  }

  /**
   * A private room's first player is its host: the room line says so (the host's
   * own reads "host you"). No notice: it would reach the creator before their
   * page listens for notices.
   */
  joined(id: string): void {
    if (!this.room.isPrivate || this.room.state.hostId !== "") return;
    this.room.state.hostId = id;
  }

  /** A player left for good: if it was the host, the player here longest hosts now (seats keep players oldest first). */
  left(id: string): void {
    if (!this.is(id)) return;
    const next = [...this.room.roster.seats.players].find((player) => player !== id) ?? "";
    this.room.state.hostId = next;
    if (next) this.room.toRoom(`${this.nameOf(next)} is the host now.`);
  }

  /** Settings from the next round on; the word filter (not a rule of the round) at once. */
  changeSettings(id: string, change: Partial<RoomSettings>): void {
    if (!this.allowed(id, "change the settings")) return;
    const { wordFilter, ...forNextRound } = change;
    if (wordFilter !== undefined && wordFilter !== this.room.state.settings.wordFilter) {
      this.room.state.settings.wordFilter = wordFilter;
      this.room.toRoom(`The host turned the word filter ${wordFilter ? "on" : "off"}.`);
    }
    const said: string[] = [];
    for (const [name, value] of Object.entries(forNextRound) as Array<[keyof RoomSettings, string | number]>) {
      if (value === undefined) continue;
      (this.pending as Record<string, unknown>)[name] = value;
      said.push(`${SETTING_NAMES[name]} to ${spoken(name, value)}`);
    }
    if (said.length > 0) this.room.toRoom(`The host set ${said.join(", ")}, from the next round.`);
  }

  /** The round ends now (its results show), or, during the results, the next round starts now. */
  nextRound(id: string): void {
    if (!this.allowed(id, "start the next round")) return;
    const playing = this.room.state.phase === "playing";
    this.room.recording.change({ type: "end-phase" });
    endPhase(this.room.state);
    this.room.toRoom(playing ? "The host ended the round." : "The host started the next round.");
  }

  /** A locked room takes no new players; spectators still come in, and players already in stay. */
  lock(id: string, locked: boolean): void {
    if (!this.allowed(id, locked ? "lock the room" : "unlock the room")) return;
    if (this.room.state.locked === locked) return;
    this.room.state.locked = locked;
    this.room.toRoom(locked ? "The host locked the room: no new players." : "The host unlocked the room.");
  }

  /**
   * In a private room a player may play for the other team, if the teams stay
   * within one (bots change sides to keep them so). Public rooms keep the teams
   * their players were put on, so no one stacks a side.
   */
  switchTeam(id: string): void {
    const ship = this.room.state.ships.get(id);
    if (!ship || !this.room.roster.seats.players.has(id)) return;
    const refused = ship.team !== 0 && !this.room.isPrivate ? "Teams are switched only in private rooms." : switchTeam(this.room.state, id, this.room.dt);
    if (refused) {
      this.room.toOne(id, refused);
      return;
    }
    this.room.recording.change({ type: "team", id });
    this.room.toRoom(`${ship.name} switched to ${teamName(ship.team)}.`);
  }

  /** Takes a player out for good: their ship, score and seat go, and their browser stays out. */
  kick(id: string, target: string): void {
    if (!this.allowed(id, "remove a player")) return;
    const refused =
      target === id
        ? "The host cannot remove themselves: leave the room instead."
        : !this.room.roster.seats.players.has(target)
          ? "There is no such player in this room."
          : null;
    if (refused) {
      this.room.toOne(id, refused);
      return;
    }
    const name = this.nameOf(target);
    const browser = this.room.roster.browserOf(target);
    if (browser !== undefined) this.removed.add(browser);
    this.room.remove(target);
    this.room.toRoom(`The host removed ${name}.`);
  }

  /** The round ended: the settings the host changed are in force from the next one (its rules, seats and bots). */
  roundEnded(): void {
    if (Object.keys(this.pending).length === 0) return;
    const settings = roomSettings(this.room.state.settings, this.pending);
    this.pending = {};
    this.room.state.settings.assign(settings);
    setRules(this.room.state, settings);
    this.room.roster.setLimits(settings.maxPlayers, settings.bots);
  }

  private nameOf(id: string): string {
    return this.room.state.ships.get(id)?.name ?? "Someone";
  }

  private allowed(id: string, what: string): boolean {
    if (this.is(id)) return true;
    const why = this.room.state.hostId === "" ? `This room has no host: only a private room's host can ${what}.` : `Only the host can ${what}.`;
    this.room.toOne(id, why);
    return false;
  }
}

function spoken(name: keyof RoomSettings, value: string | number): string {
  if (name === "arena") return value === "rotate" ? "each in turn" : String(value);
  if (name === "mode") return MODES[value as ModeName]?.label ?? String(value);
  return name === "roundSeconds" ? `${value} s` : String(value);
}
