// What the lobby's live room list shows of an arena room: its matchmaking metadata.
import type { RoomListing } from "../shared/messages.ts";
import { secondsUntilTick } from "../shared/scores.ts";
import type { ArenaState } from "../shared/schema.ts";

export function roomListing(
  state: ArenaState,
  seats: { players: number; maxPlayers: number; bots: number; spectators: number },
  now = Date.now(),
): RoomListing {
  return {
    mode: state.mode,
    layout: state.layout,
    ...seats,
    phase: state.phase,
    phaseEndsAt: now + secondsUntilTick(state.phaseEndTick, state.tick, state.tickRate) * 1000,
  };
}
