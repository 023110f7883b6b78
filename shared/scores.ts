// Scores and clocks as every screen shows them: the ranking rule, the m:ss clock,
// time left from tick counts, and the scoreboard built from the state (the HTTP
// API, the live scoreboard page and the in-game scoreboard all use these).
import type { Scoreboard } from "./messages.ts";
import { modeOf, type ModeName } from "./modes/index.ts";
import { TEAMS } from "./modes/teams.ts";

interface Scored {
  kos: number;
  deaths: number;
}

/** The ranking rule: most KOs first, then fewest deaths. A comparator for sort(). */
export function byRank(a: Scored, b: Scored): number {
  return b.kos - a.kos || a.deaths - b.deaths;
}

/** Seconds from `tick` until `endTick` at `tickRate` (ticks may be fractional); never negative. */
export function secondsUntilTick(endTick: number, tick: number, tickRate: number): number {
  return Math.max(0, (endTick - tick) / tickRate);
}

/** A clock reading, whole seconds rounded up: 0:00, 2:59, 12:05. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** What the scoreboard reads from the state (the schema's ArenaState satisfies it). */
export interface ScoredState {
  mode: ModeName;
  redScore: number;
  blueScore: number;
  layout: string;
  round: number;
  phase: Scoreboard["phase"];
  tick: number;
  tickRate: number;
  phaseEndTick: number;
  koTarget: number;
  holdTarget: number;
  ships: { entries(): Iterable<[string, { name: string; kos: number; deaths: number; bot: boolean; team: number }]> };
  /** A private room's host (the rules' own state has none). */
  hostId?: string;
}

/** The room's scoreboard as the state says it now, ships ranked. */
export function scoreboardFromState(
  state: ScoredState,
): Pick<Scoreboard, "mode" | "layout" | "round" | "phase" | "secondsLeft" | "koTarget" | "holdTarget" | "teams" | "ships"> {
  return {
    mode: state.mode,
    layout: state.layout,
    round: state.round,
    phase: state.phase,
    secondsLeft: Math.round(secondsUntilTick(state.phaseEndTick, state.tick, state.tickRate)),
    koTarget: state.koTarget,
    holdTarget: state.holdTarget,
    teams: modeOf(state).teams ? TEAMS.map(({ team, score }) => ({ team, score: state[score] })) : [],
    ships: [...state.ships.entries()]
      .map(([id, { name, kos, deaths, bot, team }]) => ({ name, kos, deaths, bot, host: id === state.hostId, team }))
      .sort(byRank),
  };
}
