// Our own ship is predicted by the client with the shared step; the server must
// end up agreeing exactly, without ever correcting the client.
import { describe, expect, it } from "vitest";
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";
import { playersInNewRoom, runFrames, useTestServer, waitFor } from "../kit/index.ts";

const M = MOVE_AXIS_MAX;
/** Hard right into the wall at the top centre, then a dash away from it, firing, then coasting. */
const SCRIPT: Array<{ ms: number; controls: ShipControls }> = [
  { ms: 2200, controls: { ...NO_CONTROLS, moveX: M } },
  { ms: 600, controls: { ...NO_CONTROLS, moveX: -M, moveY: M, dash: true } },
  { ms: 400, controls: { ...NO_CONTROLS, moveY: -M, aimX: 1, fire: true } },
  { ms: 900, controls: NO_CONTROLS },
];

const server = useTestServer();

/** Plays the script through, as a person holding keys for so long each; resolves at the frame after its end. */
function play(connection: ArenaConnection): Promise<void> {
  const startedAt = performance.now();
  return new Promise((done) => {
    const stop = runFrames(connection, (now) => {
      let elapsed = now - startedAt;
      for (const { ms, controls } of SCRIPT) {
        if (elapsed < ms) return controls;
        elapsed -= ms;
      }
      stop();
      done();
      return NO_CONTROLS;
    });
  });
}

describe("prediction of our own ship", () => {
  it.each([0, 100, 250])("ends where the server says, with no correction on the way, at %i ms round trip", async (rttMs) => {
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, [`rtt-${rttMs}`]);
    const connection = players[0]!;
    connection.meter.simulate(rttMs, 0);
    const serverShip = () => room.state.ships.get(connection.sessionId)!;
    const start = { x: serverShip().x, y: serverShip().y };
    await waitFor(() => connection.predictedShip !== null, "the reconciler to start");

    await play(connection);
    // The server steps our ship only on our inputs, so once they are all applied both sides must agree.
    await waitFor(() => connection.pendingInputs === 0, "the server to acknowledge every input");

    const predicted = connection.predictedShip!;
    const authoritative = serverShip();
    expect(Math.hypot(authoritative.x - start.x, authoritative.y - start.y)).toBeGreaterThan(150);
    expect({ x: predicted.x, y: predicted.y, vx: predicted.vx, vy: predicted.vy }).toEqual({
      x: authoritative.x,
      y: authoritative.y,
      vx: authoritative.vx,
      vy: authoritative.vy,
    });
    expect(connection.stats.corrections).toBe(0);
    await connection.room.leave();
  });
});
