// King of the Hill: two teams as in Team Deathmatch, and a hill marked on the
// floor (its place is in each arena layout). Each full second one team's ships
// hold the hill alone scores that team a point; while both teams are on it it is
// contested and no one scores. The first team to the hold target wins, or the
// team ahead when the clock runs out. Ships never spawn on the hill.
import { type ArenaLayout, type Circle, layoutByName, type Point } from "../arena.ts";
import { distanceSquared } from "../geometry.ts";
import { ticks } from "../step.ts";
import type { WorldState } from "../world.ts";
import type { Mode } from "./mode.ts";
import { addTeamScore, awayFromEnemies, leadingTeam, sameTeam, teamScore, type Team } from "./teams.ts";

/** Who has the hill: no one, one team alone, or both (contested). */
export const HILL_STATES = ["neutral", "red", "blue", "contested"] as const;
export type HillState = (typeof HILL_STATES)[number];

/** The team holding the hill alone in `hill`, if one does. */
export function hillHolder(hill: HillState): Team | null {
  return hill === "red" ? 1 : hill === "blue" ? 2 : null;
}

export function onHill(hill: Circle, ship: Point): boolean {
  return distanceSquared(ship.x, ship.y, hill.x, hill.y) <= hill.radius * hill.radius;
}

/** Who is on the hill now: the teams of the ships in play on it. */
export function hillState(world: WorldState): HillState {
  const hill = layoutByName(world.layout).hill;
  let red = false;
  let blue = false;
  for (const ship of world.ships.values()) {
    if (!ship.alive || ship.away || !onHill(hill, ship)) continue;
    if (ship.team === 1) red = true;
    if (ship.team === 2) blue = true;
  }
  return red && blue ? "contested" : red ? "red" : blue ? "blue" : "neutral";
}

/** A layout's spawn points that are not on its hill. */
function spawnsOffHill(layout: ArenaLayout): Point[] {
  return layout.spawns.filter((spawn) => !onHill(layout.hill, spawn));
}

export const KING_OF_THE_HILL: Mode = {
  name: "koth",
  label: "King of the Hill",
  summary: "Red against Blue for the hill: a point a second for holding it alone, first to the hold target wins.",
  goal: ({ holdTarget }) => `first team to ${holdTarget} points`,
  teams: true,
  hurts: (shooter, target) => !sameTeam(shooter, target),
  knockedOut: () => false,
  scoreTick(world, dt) {
    const hill = hillState(world);
    // A point takes a full second held by one team without a break.
    if (hill !== world.hill) world.hillTicks = 0;
    world.hill = hill;
    const holder = hillHolder(hill);
    if (holder === null) return false;
    world.hillTicks++;
    if (world.hillTicks < ticks(1, dt)) return false;
    world.hillTicks = 0;
    addTeamScore(world, holder, 1);
    return teamScore(world, holder) >= world.holdTarget;
  },
  winner: leadingTeam,
  spawn: (world, id) => awayFromEnemies(world, id, spawnsOffHill(layoutByName(world.layout))),
  botGoal: (world) => layoutByName(world.layout).hill,
};
