// The report of how the server saw a connection's opening handshake goes to the
// pages that show it (the game's network panel, the scoreboard page), which ask
// for it; any other @colyseus/sdk client is sent nothing it did not ask for.
import { Client } from "@colyseus/sdk";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { ArenaState, ShipInput } from "../../shared/schema.ts";
import { ticksPass, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

describe("the handshake report", () => {
  let warnings: string[] = [];
  beforeEach(() => {
    warnings = [];
    for (const method of ["warn", "info", "log"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it("is sent to a page that asks for it, and to a plain SDK client that joins and plays, nothing it did not ask for", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    // The game's connection asks: the positive control that the report exists and gets through.
    const page = await ArenaConnection.join(server.endpoint, "Page", { kind: "code", code: room.roomId });
    await waitFor(() => page.handshake.seen !== null, "the page's handshake report");
    expect(page.handshake.seen?.response[0]).toBe("HTTP/1.1 101 Switching Protocols");

    const plain = await new Client(server.endpoint).joinById(room.roomId, { name: "Plain" }, ArenaState);
    const types: unknown[] = [];
    plain.onMessage("*", (type) => types.push(type));
    const input = plain.input({ type: ShipInput });
    input.data.moveX = MOVE_AXIS_MAX;
    const ship = room.state.ships.get(plain.sessionId)!;
    const startX = ship.x;
    for (let i = 0; i < 30; i++) {
      input.send();
      await room.waitForNextTimestep();
    }
    await waitFor(() => ship.x > startX + 20, "the plain client's ship to move");
    // Messages sent to it at its join would have arrived with its first patches; a second's worth have come since.
    await ticksPass(plain.state, 30);
    expect(types).not.toContain("handshake");
    expect(warnings.filter((line) => /not registered/.test(line))).toEqual([]);
    await Promise.all([plain.leave(), page.room.leave()]);
  });
});
