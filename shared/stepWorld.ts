// One fixed step of the match, shared by the room and the replays so that a
// recorded match runs exactly as it was played.
import { botControls } from "./bots.ts";
import type { ShipControls } from "./step.ts";
import { advanceWorld, applyControls, type EntityFactory, type Sight, type WorldEvent, type WorldState } from "./world.ts";

/**
 * One fixed step of the match. Every ship, in the state's order, applies its
 * controls (a player's: the inputs `playerInputs` hands over for this tick, none
 * to a few; a bot's: what it decides now), then the world advances. The room and
 * the replays both step through this, so a recorded match runs the same way.
 * `fired` hears of each shot with the index of the input that fired it.
 */
export function stepWorld(
  world: WorldState,
  factory: EntityFactory,
  dt: number,
  events: WorldEvent[],
  playerInputs: (id: string) => readonly ShipControls[],
  sight: Sight,
  fired?: (shooter: string, bulletId: string, inputIndex: number) => void,
): void {
  for (const [id, ship] of world.ships.entries()) {
    if (ship.bot) {
      applyControls(world, id, botControls(world, id, dt), factory, dt, events);
      continue;
    }
    const inputs = playerInputs(id);
    for (let index = 0; index < inputs.length; index++) {
      const before = events.length;
      applyControls(world, id, inputs[index]!, factory, dt, events);
      const shot = events[before];
      if (shot?.type === "shot") fired?.(id, shot.bullet, index);
    }
  }
  advanceWorld(world, factory, dt, events, sight);
}
