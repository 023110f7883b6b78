// The host of a private room: who created it, then, when the host leaves for
// good, whoever has played in it longest. The host may change the room's
// settings, which apply from the next round (a round keeps the rules it began
// with, so each round's replay holds them in its first keyframe). Anyone else
// who asks is told why nothing changed; it is not a reason to close them.
import type { ArenaState } from "../shared/schema.ts";
import { NUMBER_SETTINGS, type RoomSettings, roomSettings } from "../shared/settings.ts";
import { setRules } from "../shared/world.ts";
import type { Roster } from "./Roster.ts";

/** How the room tells what the host did: to everyone, or to the one who asked. */
export interface HostVoice {
  toRoom(text: string): void;
  toOne(id: string, text: string): void;
}

/** Each setting's name in a sentence. */
const SETTING_NAMES: Record<keyof RoomSettings, string> = {
  roundSeconds: "the round length",
  koTarget: "the KO target",
  bots: "the bots",
  maxPlayers: "the room size",
  arena: "the arena",
};

/** The most seats and bots a room may come to have: a private room's host may raise them to the ranges' ends. */
export function roomCapacity(settings: RoomSettings, isPrivate: boolean): { maxPlayers: number; bots: number } {
  return isPrivate ? { maxPlayers: NUMBER_SETTINGS.maxPlayers.max, bots: NUMBER_SETTINGS.bots.max } : settings;
}

export class Host {
  private readonly state: ArenaState;
  private readonly roster: Roster;
  private readonly voice: HostVoice;
  /** Only a private room has a host. */
  private readonly isPrivate: boolean;
  /** Settings the host changed this round, applied when it ends. */
  private pending: Partial<RoomSettings> = {};

  constructor(state: ArenaState, roster: Roster, voice: HostVoice, isPrivate: boolean) {
    this.state = state;
    this.roster = roster;
    this.voice = voice;
    this.isPrivate = isPrivate;
  }

  /** Whether `id` hosts the room. */
  is(id: string): boolean {
    return id !== "" && this.state.hostId === id;
  }

  /** A private room's first player is its host. */
  joined(id: string): void {
    if (!this.isPrivate || this.state.hostId !== "") return;
    this.state.hostId = id;
    this.voice.toRoom(`${this.nameOf(id)} is the host.`);
  }

  /** A player left for good: if it was the host, the player here longest hosts now (seats keep players oldest first). */
  left(id: string): void {
    if (!this.is(id)) return;
    const next = [...this.roster.seats.players].find((player) => player !== id) ?? "";
    this.state.hostId = next;
    if (next) this.voice.toRoom(`${this.nameOf(next)} is the host now.`);
  }

  /** The host asks for settings from the next round on; anyone else is told why not. */
  changeSettings(id: string, change: Partial<RoomSettings>): void {
    if (!this.allowed(id, "change the settings")) return;
    const said: string[] = [];
    for (const [name, value] of Object.entries(change) as Array<[keyof RoomSettings, RoomSettings[keyof RoomSettings]]>) {
      if (value === undefined) continue;
      (this.pending as Record<string, unknown>)[name] = value;
      said.push(`${SETTING_NAMES[name]} to ${spoken(name, value)}`);
    }
    if (said.length > 0) this.voice.toRoom(`The host set ${said.join(", ")}, from the next round.`);
  }

  /** The round ended: the settings the host changed are in force from the next one (its rules, seats and bots). */
  roundEnded(): void {
    if (Object.keys(this.pending).length === 0) return;
    const settings = roomSettings(this.state.settings, this.pending);
    this.pending = {};
    this.state.settings.assign(settings);
    setRules(this.state, settings);
    this.roster.setLimits(settings.maxPlayers, settings.bots);
  }

  private nameOf(id: string): string {
    return this.state.ships.get(id)?.name ?? "Someone";
  }

  private allowed(id: string, what: string): boolean {
    if (this.is(id)) return true;
    this.voice.toOne(id, this.state.hostId === "" ? `This room has no host: only a private room's host can ${what}.` : `Only the host can ${what}.`);
    return false;
  }
}

function spoken(name: keyof RoomSettings, value: string | number): string {
  if (name === "arena") return value === "rotate" ? "each in turn" : String(value);
  return name === "roundSeconds" ? `${value} s` : String(value);
}
