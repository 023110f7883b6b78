import { CloseCode } from "@colyseus/shared-types";
import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { MOVE_AXIS_MAX, SHIP_MAX_SPEED, TICK_RATE } from "../../shared/constants.ts";
import { ShipInput } from "../../shared/schema.ts";
import { useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

/** Sends `steps` inputs at the tick rate, as a real client does. */
async function hold(input: { send(): void }, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    input.send();
    await new Promise((resolve) => setTimeout(resolve, 1000 / TICK_RATE));
  }
}

describe("arena room", () => {
  it("spawns a ship with the chosen name for a joining player", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const client = await server.colyseus.connectTo(room, { name: "  Ada \n Lovelace  " });
    const ship = room.state.ships.get(client.sessionId);
    expect(ship?.name).toBe("Ada Lovelace");
    expect(client.state.ships.get(client.sessionId)?.x).toBe(ship!.x);
    expect(room.state.layout).not.toBe("");
  });

  it("cleans a name of lone UTF-16 surrogates before it enters the state, so every client decodes the patches right", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const watcher = await server.colyseus.connectTo(room, { name: "Watcher" });
    // Every kind of ill-formed name: lone high and low halves, reversed pairs, at every position.
    const names = ["\uD800".repeat(12), "Z\uDC00ed", "\uDFFF\uD800Kim\uD83D", "Lou\uD83D\uDE80"];
    const joined = await Promise.all(names.map((name) => server.colyseus.connectTo(room, { name })));
    const late = await server.colyseus.connectTo(room, { name: "Late" });
    await room.waitForNextPatch();
    await room.waitForNextPatch();
    expect(joined.map((client) => room.state.ships.get(client.sessionId)!.name)).toEqual([expect.stringMatching(/^Pilot \d+$/), "Zed", "Kim", "Lou🚀"]);
    // What the watcher decoded matches the server field for field, including the ship that joined after them.
    for (const [id, ship] of room.state.ships) {
      const seen = watcher.state.ships.get(id);
      expect(seen && { name: seen.name, x: seen.x, y: seen.y, health: seen.health }).toEqual({ name: ship.name, x: ship.x, y: ship.y, health: ship.health });
    }
    expect(watcher.state.ships.get(late.sessionId)?.name).toBe("Late");
  });

  it("gives two players with the same name names of their own, and every ship a colour of its own", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const clients = [];
    for (const name of ["Ada", "ada", "Bob", "Ada"]) clients.push(await server.colyseus.connectTo(room, { name }));
    const ships = clients.map((client) => room.state.ships.get(client.sessionId)!);
    expect(ships.map((ship) => ship.name)).toEqual(["Ada", "ada (2)", "Bob", "Ada (3)"]);
    expect(new Set(ships.map((ship) => ship.hue)).size).toBe(ships.length);
  });

  it("spawns players apart from each other", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const a = await server.colyseus.connectTo(room);
    const b = await server.colyseus.connectTo(room);
    const shipA = room.state.ships.get(a.sessionId)!;
    const shipB = room.state.ships.get(b.sessionId)!;
    expect(Math.hypot(shipA.x - shipB.x, shipA.y - shipB.y)).toBeGreaterThan(400);
    expect(shipA.name).not.toBe(shipB.name);
  });

  it("moves a ship in the direction of its input, and only that ship", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const mover = await server.colyseus.connectTo(room);
    const idle = await server.colyseus.connectTo(room);
    const start = { ...room.state.ships.get(mover.sessionId)!.toJSON() };
    const idleStart = { ...room.state.ships.get(idle.sessionId)!.toJSON() };

    const input = mover.input({ type: ShipInput });
    input.data.moveX = MOVE_AXIS_MAX;
    await hold(input, 15);
    await waitFor(() => room.state.ships.get(mover.sessionId)!.x > start.x + 20, "the ship to move right");

    const moved = room.state.ships.get(mover.sessionId)!;
    expect(moved.vx).toBeGreaterThan(0);
    expect(moved.y).toBe(start.y);
    expect(room.state.ships.get(idle.sessionId)!.toJSON()).toEqual(idleStart);
    await waitFor(() => idle.state.ships.get(mover.sessionId)!.x === moved.x, "the other client to see the move");
  });

  it("clamps out-of-range input to full deflection", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const honest = await server.colyseus.connectTo(room);
    const cheat = await server.colyseus.connectTo(room);
    const honestInput = honest.input({ type: ShipInput });
    const cheatInput = cheat.input({ type: ShipInput });
    honestInput.data.moveY = MOVE_AXIS_MAX;
    cheatInput.data.moveY = 127; // the most an int8 carries, 27 % over the allowed range

    const startHonest = room.state.ships.get(honest.sessionId)!.y;
    const startCheat = room.state.ships.get(cheat.sessionId)!.y;
    for (let i = 0; i < 6; i++) {
      honestInput.send();
      cheatInput.send();
      await new Promise((resolve) => setTimeout(resolve, 1000 / TICK_RATE));
    }
    await waitFor(() => room.inputs.get(honest.sessionId).size === 0 && room.inputs.get(cheat.sessionId).size === 0, "inputs to be applied");
    expect(room.inputs.get(cheat.sessionId).latest?.moveY).toBe(MOVE_AXIS_MAX);
    expect(room.state.ships.get(cheat.sessionId)!.y - startCheat).toBe(room.state.ships.get(honest.sessionId)!.y - startHonest);
  });

  it("does not let a client move faster by sending inputs faster", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const client = await server.colyseus.connectTo(room);
    const input = client.input({ type: ShipInput });
    input.data.moveX = MOVE_AXIS_MAX;
    const ship = room.state.ships.get(client.sessionId)!;
    const start = { x: ship.x, tick: room.state.tick };
    // Three inputs a tick for 15 ticks: within the message limit, three times the step rate.
    let sent = 0;
    for (let i = 0; i < 15; i++) {
      for (let burst = 0; burst < 3; burst++, sent++) input.send();
      await room.waitForNextTimestep();
    }
    const travelled = ship.x - start.x;
    const ticks = room.state.tick - start.tick;
    expect(travelled).toBeGreaterThan(0);
    // However fast inputs come, a ship steps once a tick: no farther than full speed for the ticks that passed.
    expect(travelled).toBeLessThanOrEqual((SHIP_MAX_SPEED * ticks) / TICK_RATE);
    // Positive control: there were more inputs to take than ticks to take them.
    expect(sent).toBeGreaterThan(ticks);
  });

  it("shows a player's round trip to everyone, and holds it through a wobble of a few ms", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const player = await server.colyseus.connectTo(room, { name: "Pinger" });
    const watcher = await server.colyseus.connectTo(room, { name: "Watcher" });
    const seen = () => watcher.state.ships.get(player.sessionId)?.ping;
    const chat: string[] = [];
    watcher.onMessage("chat", (line: { text: string }) => chat.push(line.text));
    player.send("ping", { ms: 80 });
    await waitFor(() => seen() === 80, "the first round trip shown");
    // A client's messages are handled in order: once its chat line is out, the wobbles before it were handled.
    for (const ms of [83, 77, 84]) player.send("ping", { ms });
    player.send("chat", { text: "steady" });
    await waitFor(() => chat.includes("steady"), "the chat line after the wobbles");
    await room.waitForNextPatch();
    expect(room.state.ships.get(player.sessionId)!.ping).toBe(80);
    expect(seen()).toBe(80);
    player.send("ping", { ms: 120 });
    await waitFor(() => seen() === 120, "a change a player would notice shown");
  });

  it("removes the ship of a player who leaves", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const stays = await server.colyseus.connectTo(room);
    const leaves = await server.colyseus.connectTo(room);
    expect(room.state.ships.size).toBe(2);
    await leaves.leave();
    await waitFor(() => room.state.ships.size === 1, "the ship to be removed");
    await waitFor(() => stays.state.ships.size === 1, "the other client to see it go");
    expect(stays.state.ships.has(leaves.sessionId)).toBe(false);
  });

  it("kicks a client that floods the room, and the others play on", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const flooder = await server.colyseus.connectTo(room);
    const bystander = await server.colyseus.connectTo(room);
    let closedWith = 0;
    let reason = "";
    flooder.onLeave((code, said) => {
      closedWith = code;
      reason = said ?? "";
    });
    const input = flooder.input({ type: ShipInput });
    for (let i = 0; i < 500; i++) input.send();
    await waitFor(() => closedWith !== 0, "the flooder to be disconnected");
    expect(closedWith).toBe(CloseCode.WITH_ERROR);
    // The framework closes a flooder without a word; the message gate counts as it does, and says why.
    expect(reason).toBe(`Too many messages: more than ${room.maxMessagesPerSecond} a second.`);
    await waitFor(() => !room.state.ships.has(flooder.sessionId), "the flooder's ship to go");
    expect(room.state.ships.has(bystander.sessionId)).toBe(true);
    expect(bystander.connection.isOpen).toBe(true);
  });
});
