import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { TICK_RATE } from "../../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";

interface InputLike {
  data: object;
  send(): void;
}

/** Sends `steps` inputs with these controls at the tick rate, as a real client does. */
export async function drive(input: InputLike, controls: Partial<ShipControls>, steps: number): Promise<void> {
  Object.assign(input.data, NO_CONTROLS, controls);
  for (let i = 0; i < steps; i++) {
    input.send();
    await new Promise((resolve) => setTimeout(resolve, 1000 / TICK_RATE));
  }
  Object.assign(input.data, NO_CONTROLS);
}

/** Puts a ship at (x, y), at rest and without its spawn shield, on the server. */
export function arrange(room: ArenaRoom, id: string, x: number, y: number) {
  const ship = room.state.ships.get(id)!;
  Object.assign(ship, { x, y, vx: 0, vy: 0, shieldUntil: 0 });
  return ship;
}
