// A dropped connection keeps the seat, the score, the health and the position for
// the grace period; the SDK resumes the same ship, and so does a page reload.
import { CloseCode, Protocol } from "@colyseus/shared-types";
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { MOVE_AXIS_MAX, SHIP_MAX_SPEED, TICK_RATE } from "../../shared/constants.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import { cutConnection } from "../support/drops.ts";
import { openSeat, requestSeat, roomMessage, within } from "../support/rawClient.ts";
import { arrange, runFrames, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

async function playerWithScore(name: string) {
  const player = await ArenaConnection.join(server.endpoint, name);
  const room = server.colyseus.getRoomById<ArenaRoom>(player.code);
  const ship = arrange(room, player.sessionId, 400, 500);
  Object.assign(ship, { kos: 3, deaths: 1, health: 60 });
  return { player, room, ship };
}

describe("a dropped connection", () => {
  it("is resumed by the SDK within the grace period: same ship, score, health and position, and no input burst", async () => {
    const { player, room, ship } = await playerWithScore("Flaky");
    player.room.reconnection.minUptime = 0;
    await waitFor(() => player.ownShip?.kos === 3, "the client to see its score");
    // Keep "playing" through the outage: nothing may be queued for later.
    const stop = runFrames(player, () => ({ ...NO_CONTROLS, moveX: MOVE_AXIS_MAX }));
    await waitFor(() => ship.x > 400, "the ship to move");
    stop();
    // A ship steps only on its inputs: once the last one sent is applied, it stays put.
    await waitFor(() => room.inputs.get(player.sessionId).size === 0 && player.pendingInputs === 0, "the inputs sent to be applied");
    const before = { x: ship.x, y: ship.y };

    // The game goes on drawing frames and reading the controls while the link is down. Inputs sent are
    // counted from the first frame that finds the link down to the first that finds it up again, each
    // read before that frame's own inputs go out.
    let framesWhileDown = 0;
    let inputsAtDrop: number | null = null;
    let inputsAtReturn: number | null = null;
    const resume = runFrames(player, () => {
      if (!player.linkUp) {
        framesWhileDown++;
        inputsAtDrop ??= player.meter.totals.inputs;
      } else if (inputsAtDrop !== null) inputsAtReturn ??= player.meter.totals.inputs;
      return { ...NO_CONTROLS, moveX: MOVE_AXIS_MAX };
    });
    cutConnection(server.colyseus, player);
    await waitFor(() => ship.away, "the server to hold the seat");
    // Until the client sees its link drop, it sends into the broken socket as any client would.
    await waitFor(() => inputsAtReturn !== null, "the SDK to reconnect", 10_000);
    const inputsSentWhileDown = inputsAtReturn! - inputsAtDrop!;
    await waitFor(() => !ship.away, "the ship back in play");
    const backAt = room.state.tick;
    const movedBy = ship.x - before.x;
    const ticksBack = room.state.tick - backAt;
    resume();
    expect(room.state.ships.get(player.sessionId)).toBe(ship);
    expect({ kos: ship.kos, deaths: ship.deaths, health: ship.health }).toEqual({ kos: 3, deaths: 1, health: 60 });
    // The inputs of the outage were never sent (though the game kept playing), so nothing moved the ship in a
    // burst: since it was back, one step a tick at most, and one more for the tick it came back on.
    expect(framesWhileDown).toBeGreaterThan(0);
    expect(inputsSentWhileDown).toBe(0);
    expect(movedBy).toBeLessThanOrEqual(((ticksBack + 1) * SHIP_MAX_SPEED) / TICK_RATE);
    expect(ship.y).toBe(before.y);
    await waitFor(() => player.room.connection.isOpen, "the client's side of the new connection");
    await player.room.leave();
  });

  it("is taken back even when frames come before the join is answered, as the SDK sends them: they are dropped", async () => {
    const { player, room, ship } = await playerWithScore("Eager");
    const [roomId, token] = player.room.reconnectionToken.split(":") as [string, string];
    player.room.reconnection.enabled = false; // this test re-joins by hand
    cutConnection(server.colyseus, player);
    await waitFor(() => ship.away, "the server to hold the seat");
    // The SDK's new socket is open before it answers the join, and its game loop sends meanwhile.
    const early = [roomMessage("ping"), Uint8Array.from([Protocol.ROOM_INPUT_RELIABLE, 0, 1])];
    const seat = await requestSeat(server.endpoint, "reconnect", roomId, { reconnectionToken: token });
    // The SDK puts the token on the socket's address as well.
    const rejoiner = await openSeat(server.endpoint, { ...seat, reconnectionToken: token });
    for (const frame of early) rejoiner.send(frame);
    rejoiner.completeJoin();
    await waitFor(() => !ship.away, "the seat to be taken back");
    expect(await within(rejoiner.closed, 500)).toBe("timed out");
    expect(room.state.ships.get(player.sessionId)).toBe(ship);
    expect(ship.kos).toBe(3);
    rejoiner.socket.close();

    // The control: the same frames from a client joining for the first time close it.
    const newcomer = await openSeat(server.endpoint, await requestSeat(server.endpoint, "joinById", player.code));
    for (const frame of early) newcomer.send(frame);
    const closed = await within(newcomer.closed, 3000);
    expect(closed).not.toBe("timed out");
    if (closed !== "timed out") expect(closed.code).toBe(CloseCode.WITH_ERROR);
  });

  it("is resumed after a page reload with the stored reconnection token", async () => {
    const { player, room, ship } = await playerWithScore("Reloader");
    const token = player.room.reconnectionToken;
    player.room.reconnection.enabled = false; // the page is gone: nobody retries
    cutConnection(server.colyseus, player);
    await waitFor(() => ship.away, "the server to hold the seat");

    const reloaded = await ArenaConnection.join(server.endpoint, "Reloader", { kind: "resume", reconnectionToken: token });
    expect(reloaded.sessionId).toBe(player.sessionId);
    expect(reloaded.code).toBe(player.code);
    await waitFor(() => !ship.away, "the ship back in play");
    expect(room.state.ships.get(reloaded.sessionId)).toBe(ship);
    expect({ kos: ship.kos, health: ship.health, x: ship.x, y: ship.y }).toEqual({ kos: 3, health: 60, x: 400, y: 500 });
    expect(reloaded.ownShip?.kos).toBe(3);
    await reloaded.room.leave();
  });

  it("after a reload while the old connection is still open (a duplicated tab, a socket the server has not seen close), passes the ship to the new connection", async () => {
    const { player, room, ship } = await playerWithScore("Twin");
    const closedWith = new Promise<number>((resolve) => player.room.onLeave((code) => resolve(code)));
    const twin = await ArenaConnection.join(server.endpoint, "Twin", { kind: "resume", reconnectionToken: player.room.reconnectionToken });
    expect(twin.sessionId).toBe(player.sessionId);
    expect(await closedWith).toBe(CloseCode.WITH_ERROR);
    await waitFor(() => !ship.away, "the ship back in play");
    expect(room.state.ships.get(twin.sessionId)).toBe(ship);
    expect({ kos: ship.kos, deaths: ship.deaths, health: ship.health }).toEqual({ kos: 3, deaths: 1, health: 60 });
    expect(room.state.ships.size).toBe(1);
    // The new connection plays the ship.
    const stop = runFrames(twin, () => ({ ...NO_CONTROLS, moveX: MOVE_AXIS_MAX }));
    await waitFor(() => ship.x > 420, "the ship to move for the new connection");
    stop();
    await twin.room.leave();
  });

  it("does not hold a seat for a kicked client", async () => {
    const { player, room } = await playerWithScore("Cheater");
    const token = player.room.reconnectionToken;
    player.room.reconnection.enabled = false;
    const client = room.clients.getById(player.sessionId)!;
    client.leave(CloseCode.WITH_ERROR); // what the server does to a client that sent invalid data
    await waitFor(() => !room.state.ships.has(player.sessionId), "the ship to go");
    await expect(ArenaConnection.join(server.endpoint, "Cheater", { kind: "resume", reconnectionToken: token })).rejects.toThrow();
  });
});

describe("a connection dropped before its join completes", () => {
  it("takes its ship away and leaves no unhandled promise rejection", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const room = await server.colyseus.createRoom<ArenaRoom>("arena");
      const raw = await openSeat(server.endpoint, await requestSeat(server.endpoint, "joinById", room.roomId, { name: "Quitter" }));
      // Positive control: the seat was taken and the ship was there.
      expect([...room.state.ships.values()].map((ship) => ship.name)).toEqual(["Quitter"]);
      raw.socket.terminate(); // no JOIN_ROOM, no close frame: the network went away
      await waitFor(() => room.state.ships.size === 0, "the ship to go");
      // Unhandled rejections are reported once the microtasks of the leave have run.
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
