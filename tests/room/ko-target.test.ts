// A server whose rounds end at the first KO; its own file, so its own matchmaker.
import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { BULLET_DAMAGE } from "../../shared/constants.ts";
import { ShipInput } from "../../shared/schema.ts";
import { arrange, drive } from "../kit/index.ts";
import { useTestServer, waitFor } from "../support/testServer.ts";

const FIRE_RIGHT = { aimX: 1, aimY: 0, fire: true };

describe("rounds with a KO target of 1", () => {
  const small = useTestServer({ koTarget: 1 });

  it("a round ends as soon as someone reaches the KO target", async () => {
    const room = await small.colyseus.createRoom<ArenaRoom>("arena");
    const a = await small.colyseus.connectTo(room);
    const b = await small.colyseus.connectTo(room);
    arrange(room, a.sessionId, 500, 500);
    const target = arrange(room, b.sessionId, 700, 500);
    target.health = BULLET_DAMAGE;
    await drive(a.input({ type: ShipInput }), FIRE_RIGHT, 1);
    await waitFor(() => room.state.phase === "results", "the round to end");
    expect(room.state.ships.get(a.sessionId)!.kos).toBe(1);
  });
});
