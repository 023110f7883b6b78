// Headless players for netcode tests: real @colyseus/sdk clients wired exactly as
// the game wires them (game/net/ArenaConnection.ts), driven by a frame loop in Node.
import type { ColyseusTestServer } from "@colyseus/testing";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import type { ChatMessage } from "../../shared/chat.ts";

export { runFrames } from "../../scripts/lib/headlessPilot.ts";

/** Joins `count` headless players to a fresh room; the first join creates nothing else. */
export async function playersInNewRoom(colyseus: ColyseusTestServer, endpoint: string, names: string[]) {
  const room = await colyseus.createRoom<ArenaRoom>("arena");
  const players: ArenaConnection[] = [];
  for (const name of names) players.push(await ArenaConnection.join(endpoint, name, { kind: "code", code: room.roomId }));
  return { room, players };
}

/** Every notice `player` is given from now on (what the host did, why a request was refused), in order. */
export function notices(player: ArenaConnection): string[] {
  const heard: string[] = [];
  player.onNotice((text) => heard.push(text));
  return heard;
}

/** Every chat line `player` receives from now on, in order. */
export function chatLines(player: ArenaConnection): ChatMessage[] {
  const lines: ChatMessage[] = [];
  player.onChat((line) => lines.push(line));
  return lines;
}
