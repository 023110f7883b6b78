// Reaching into a server room from a test: its ships put in place, its events
// heard, inputs sent by a client at the tick rate.
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import type { WorldEvent } from "../../shared/world.ts";
import { waitFor } from "../support/testServer.ts";
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

/** Records every world event of the room's steps from now on. */
export function recordEvents(room: ArenaRoom): WorldEvent[] {
  const seen: WorldEvent[] = [];
  const before = room.onWorldEvents;
  room.onWorldEvents = (events) => {
    before?.(events);
    seen.push(...events);
  };
  return seen;
}

/**
 * Waits until `shooter` has fired `count` shots (as recorded by recordEvents) and
 * every one of them has stopped, at a ship or a wall: the positive control for a
 * test that then asserts a shot did no harm.
 */
export async function shotsLanded(room: ArenaRoom, events: readonly WorldEvent[], shooter: string, count = 1): Promise<void> {
  const shots = () => events.flatMap((event) => (event.type === "shot" && event.shooter === shooter ? [event.bullet] : []));
  await waitFor(() => shots().length >= count, `${count} shot(s) from ${shooter}`);
  await waitFor(() => shots().every((bullet) => !room.state.bullets.has(bullet)), "the shots to stop");
}
