// Our own ship is predicted by the client with the shared step; the server must
// end up agreeing exactly, without ever correcting the client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { ArenaConnection } from "../../game/connection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";
import { bootTestServer, waitFor } from "../support/testServer.ts";

const M = MOVE_AXIS_MAX;
/** Hard right into the wall at the top centre, then a dash away from it, firing, then coasting. */
const SCRIPT: Array<{ ms: number; controls: ShipControls }> = [
  { ms: 2200, controls: { ...NO_CONTROLS, moveX: M } },
  { ms: 600, controls: { ...NO_CONTROLS, moveX: -M, moveY: M, dash: true } },
  { ms: 400, controls: { ...NO_CONTROLS, moveY: -M, aimX: 1, fire: true } },
  { ms: 900, controls: NO_CONTROLS },
];
const FRAME_MS = 1000 / 60;

let colyseus: ColyseusTestServer;
let endpoint: string;

beforeAll(async () => {
  ({ colyseus, endpoint } = await bootTestServer());
});
afterAll(async () => {
  await colyseus.shutdown();
});

async function play(connection: ArenaConnection, script: typeof SCRIPT): Promise<void> {
  for (const { ms, controls } of script) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      connection.update(performance.now(), () => controls);
      await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
    }
  }
}

describe.each([0, 100])("prediction at %i ms simulated round trip", (rttMs) => {
  it("ends where the server says, with no correction on the way", async () => {
    colyseus.server.simulateLatency(rttMs);
    const connection = await ArenaConnection.join(endpoint, `rtt-${rttMs}`);
    try {
      const serverShip = () => colyseus.getRoomById<ArenaRoom>(connection.room.roomId).state.ships.get(connection.sessionId)!;
      const start = { x: serverShip().x, y: serverShip().y };
      await waitFor(() => connection.predictedShip !== null, "the reconciler to start");

      await play(connection, SCRIPT);
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
      expect(connection.corrections).toBe(0);
    } finally {
      await connection.room.leave();
    }
  });
});
