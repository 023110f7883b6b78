import type { ColyseusTestServer } from "@colyseus/testing";
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";

/** Cuts a player's WebSocket from the server side, as a network failure would (the client sees 1006). */
export function cutConnection(colyseus: ColyseusTestServer, player: ArenaConnection): void {
  const room = colyseus.getRoomById<ArenaRoom>(player.code);
  const client = room.clients.getById(player.sessionId);
  (client as unknown as { ref: { terminate(): void } }).ref.terminate();
}
