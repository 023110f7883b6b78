// Headless players for netcode tests: real @colyseus/sdk clients wired exactly as
// the game wires them (game/net/ArenaConnection.ts), driven by a frame loop in Node.
import type { ColyseusTestServer } from "@colyseus/testing";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";

export { runFrames } from "../../scripts/lib/headlessPilot.ts";

/** Joins `count` headless players to a fresh room; the first join creates nothing else. */
export async function playersInNewRoom(colyseus: ColyseusTestServer, endpoint: string, names: string[]) {
  const room = await colyseus.createRoom<ArenaRoom>("arena");
  const players: ArenaConnection[] = [];
  for (const name of names) players.push(await ArenaConnection.join(endpoint, name, { kind: "code", code: room.roomId }));
  return { room, players };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
