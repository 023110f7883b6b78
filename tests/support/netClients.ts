// Headless players for netcode tests: real @colyseus/sdk clients wired exactly as
// the game wires them (game/connection.ts), driven by a frame loop in Node.
import type { ColyseusTestServer } from "@colyseus/testing";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";

const FRAME_MS = 1000 / 60;

/**
 * Calls connection.update every frame with the controls `decide` returns; returns a
 * stop function. Like the game, it decides before the frame's inputs go out, so no
 * predicted value is read between predict.tick() and the sends.
 */
export function runFrames(connection: ArenaConnection, decide: (now: number) => ShipControls = () => NO_CONTROLS): () => void {
  // A trigger pull waits for the next step, as a click does in the game: frames
  // outnumber steps, and a frame with no step due must not swallow a shot.
  let firing = false;
  const timer = setInterval(() => {
    const now = performance.now();
    const controls = decide(now);
    firing ||= controls.fire;
    connection.update(now, () => {
      const step = { ...controls, fire: firing };
      firing = false;
      return step;
    });
  }, FRAME_MS);
  return () => clearInterval(timer);
}

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
