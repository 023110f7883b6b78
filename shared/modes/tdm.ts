// Team Deathmatch: two teams, no friendly fire (a bullet passes through a
// teammate). Each knock-out of an enemy scores for the shooter's team; the first
// team to the KO target wins, or the team ahead when the clock runs out.
import type { Mode } from "./mode.ts";
import { addTeamScore, awayFromEnemies, leadingTeam, sameTeam, teamScore } from "./teams.ts";

export const TEAM_DEATHMATCH: Mode = {
  name: "tdm",
  label: "Team Deathmatch",
  summary: "Red against Blue: every KO scores for the team, first team to the KO target wins.",
  goal: ({ koTarget }) => `first team to ${koTarget} KOs`,
  teams: true,
  hurts: (shooter, target) => !sameTeam(shooter, target),
  knockedOut(world, killer) {
    const team = killer.team;
    if (team !== 1 && team !== 2) return false;
    addTeamScore(world, team, 1);
    return teamScore(world, team) >= world.koTarget;
  },
  scoreTick: () => false,
  winner: leadingTeam,
  spawn: (world, id) => awayFromEnemies(world, id),
  botGoal: () => null,
};
