// Two teams, for the modes that play in teams: which team a ship joins, keeping
// the teams within one ship of each other, a player's switch, the teams' scores,
// and where a ship comes back (away from its enemies). Pure rules over the
// state, shared by the team modes (tdm.ts, koth.ts).
import { farthestSpawn, layoutByName, type Point } from "../arena.ts";
import { RESPAWN_DELAY } from "../constants.ts";
import { ticks } from "../step.ts";
import type { ShipState, WorldState } from "../world.ts";
import type { RoundWinner } from "./mode.ts";

/** The two teams: the number ships carry in `team`, a name to show, and the round field that holds its score. */
export const TEAMS = [
  { team: 1, name: "Red", score: "redScore" },
  { team: 2, name: "Blue", score: "blueScore" },
] as const;

export type Team = (typeof TEAMS)[number]["team"];

export function teamName(team: number): string {
  return TEAMS.find((entry) => entry.team === team)?.name ?? "";
}

/** Whether two ships play on the same team (in free-for-all no one does). */
export function sameTeam(a: { team: number }, b: { team: number }): boolean {
  return a.team !== 0 && a.team === b.team;
}

/** The other team. */
export function rival(team: Team): Team {
  return team === 1 ? 2 : 1;
}

/** The teams' scores, as the rules and every screen read them. */
export type TeamScores = Pick<WorldState, "redScore" | "blueScore">;

export function teamScore(world: TeamScores, team: Team): number {
  return world[TEAMS[team - 1]!.score];
}

export function addTeamScore(world: WorldState, team: Team, points: number): void {
  world[TEAMS[team - 1]!.score] += points;
}

/** How many ships each team has, by team number. */
export function teamSizes(world: WorldState): Record<Team, number> {
  const sizes = { 1: 0, 2: 0 };
  for (const ship of world.ships.values()) if (ship.team === 1 || ship.team === 2) sizes[ship.team]++;
  return sizes;
}

/** The team a ship joining now plays for: the smaller, then the one behind, then Red. */
export function joiningTeam(world: WorldState): Team {
  const sizes = teamSizes(world);
  if (sizes[1] !== sizes[2]) return sizes[1] < sizes[2] ? 1 : 2;
  return teamScore(world, 2) < teamScore(world, 1) ? 2 : 1;
}

/**
 * Moves ships from the bigger team to the smaller while they differ by more than
 * one: the newest ship that `movable` allows first. Returns whether they are even now.
 */
export function balanceTeams(world: WorldState, movable: (ship: ShipState) => boolean): boolean {
  for (;;) {
    const sizes = teamSizes(world);
    if (Math.abs(sizes[1] - sizes[2]) <= 1) return true;
    const bigger: Team = sizes[1] > sizes[2] ? 1 : 2;
    const newest = [...world.ships.values()].reverse().find((ship) => ship.team === bigger && movable(ship));
    if (!newest) return false;
    newest.team = rival(bigger);
  }
}

/** At a round's start: no teams in a mode without them; otherwise every ship on one, bots moved before players to even them. */
export function formTeams(world: WorldState, teams: boolean): void {
  if (!teams) {
    for (const ship of world.ships.values()) ship.team = 0;
    return;
  }
  for (const ship of world.ships.values()) {
    if (ship.team === 0) ship.team = joiningTeam(world);
  }
  if (!balanceTeams(world, (ship) => ship.bot)) balanceTeams(world, () => true);
}

/**
 * Player `id` asks to play for the other team. Bots move the other way to keep
 * the teams within one; if that cannot be done the switch is refused, and why is
 * returned. A ship in play leaves it and comes back for its new team.
 */
export function switchTeam(world: WorldState, id: string, dt: number): string | null {
  const ship = world.ships.get(id);
  if (!ship || ship.team === 0) return "There are no teams in this mode.";
  const from = ship.team as Team;
  ship.team = rival(from);
  if (!balanceTeams(world, (other) => other.bot && other !== ship)) {
    ship.team = from;
    return `The teams would be uneven: ${teamName(rival(from))} has more ships.`;
  }
  if (ship.alive && world.phase === "playing") {
    Object.assign(ship, { alive: false, vx: 0, vy: 0, respawnTick: world.tick + ticks(RESPAWN_DELAY, dt) });
  }
  return null;
}

/** Of the bots `botIds` (oldest first), the one to leave as a player comes: the newest on the bigger team. */
export function leavingBot(world: WorldState, botIds: readonly string[]): string | undefined {
  const sizes = teamSizes(world);
  const bigger = sizes[1] === sizes[2] ? 0 : sizes[1] > sizes[2] ? 1 : 2;
  return [...botIds].reverse().find((id) => bigger === 0 || world.ships.get(id)?.team === bigger) ?? botIds[botIds.length - 1];
}

/** The team ahead on points (0 when level). */
export function leadingTeam(world: TeamScores): RoundWinner {
  const red = teamScore(world, 1);
  const blue = teamScore(world, 2);
  return { ship: null, team: red === blue ? 0 : red > blue ? 1 : 2 };
}

/** The spawn point (of `spawns`) farthest from ship `id`'s living enemies. */
export function awayFromEnemies(world: WorldState, id: string, spawns = layoutByName(world.layout).spawns): Point {
  const me = world.ships.get(id);
  const enemies = [...world.ships.entries()].filter(([other, ship]) => other !== id && ship.alive && !(me && sameTeam(me, ship))).map(([, ship]) => ship);
  return farthestSpawn(layoutByName(world.layout), enemies, spawns);
}
