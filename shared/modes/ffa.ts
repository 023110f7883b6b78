// Free-for-all: every ship for itself. A knock-out scores for its ship; the first
// to the KO target wins, or the leader when the clock runs out.
import type { WorldState } from "../world.ts";
import type { Mode } from "./mode.ts";
import { awayFromEnemies } from "./teams.ts";

export const FREE_FOR_ALL: Mode = {
  name: "ffa",
  label: "Free-for-all",
  summary: "Every ship for itself: first to the KO target wins.",
  goal: ({ koTarget }) => `first to ${koTarget} KOs`,
  teams: false,
  hurts: () => true,
  knockedOut: (world, killer) => killer.kos >= world.koTarget,
  scoreTick: () => false,
  winner: (world) => ({ ship: leader(world), team: 0 }),
  spawn: (world, id) => awayFromEnemies(world, id),
  botGoal: () => null,
};

/** The ship with the most KOs, then the fewest deaths; none while no one has a KO. */
export function leader(world: WorldState): string | null {
  let best: [string, { kos: number; deaths: number }] | null = null;
  for (const entry of world.ships.entries()) {
    const [, ship] = entry;
    if (!best || ship.kos > best[1].kos || (ship.kos === best[1].kos && ship.deaths < best[1].deaths)) best = entry;
  }
  return best && best[1].kos > 0 ? best[0] : null;
}
