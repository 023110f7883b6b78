// What a mode decides, asked of it by the rules' core (world.ts) and the bots
// (bots.ts): whether a hit between two ships counts, what scores, what ends a
// round and who won it, where a ship comes back, and what a bot goes for. The
// rest of the match (moving, shooting, pickups, respawn times, the round clock)
// is the core's. A mode is a plain object of pure functions over the state, so
// replays re-simulate it exactly. Modes are listed in modes/index.ts.
import type { Circle, Point } from "../arena.ts";
import type { ShipState, WorldState } from "../world.ts";

/** Who won a round: a ship (free-for-all), or a team (1 or 2); neither in a draw or a round without a score. */
export interface RoundWinner {
  ship: string | null;
  /** 0: no team won. */
  team: number;
}

export interface Mode {
  /** As the settings name it. */
  readonly name: string;
  /** As menus, the HUD and the room list name it. */
  readonly label: string;
  /** One line for the create form: how the mode is won. */
  readonly summary: string;
  /** What wins a round before the clock, in words for the HUD: "first to 15 KOs". */
  goal(targets: { koTarget: number; holdTarget: number }): string;
  /** Ships play in two teams (team 1 and team 2, kept within one ship of each other); otherwise every ship is team 0. */
  readonly teams: boolean;
  /** Whether a bullet of `shooter` hurts `target` (friendly fire is not). */
  hurts(shooter: ShipState, target: ShipState): boolean;
  /** `killer` knocked a ship out (its KO already counted): scores it, and says whether that wins the round. */
  knockedOut(world: WorldState, killer: ShipState): boolean;
  /** A tick of play went by: what scores without a KO (a hill held), and whether that wins the round. */
  scoreTick(world: WorldState, dt: number): boolean;
  /** The round is over: who won it. */
  winner(world: WorldState): RoundWinner;
  /** Where ship `id` comes back into play. */
  spawn(world: WorldState, id: string): Point;
  /** An area a bot makes for before it fights (null: it fights, or roams while no enemy is in sight). */
  botGoal(world: WorldState, bot: ShipState): Circle | null;
}
