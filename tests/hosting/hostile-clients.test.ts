// Hostile clients against the real `npm start` process, as an outside harness
// would try it: two honest players play in a room the whole time, and after every
// attack the process is still up, both players still get their patches, and the
// attacker was closed with a reason that fits a close frame. Each attack is a
// class of input (every length, every script, every room), not one sample.
import { CloseCode, Protocol } from "@colyseus/shared-types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { gameClient, watchRoom } from "../../game/net/gameClient.ts";
import { CLOSE_REASON_MAX_BYTES, JOIN_COMPLETION_SECONDS } from "../../server/framework.ts";
import { MOVE_AXIS_MAX } from "../../shared/constants.ts";
import type { Scoreboard } from "../../shared/messages.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import { startMeteredGameServer } from "../../scripts/lib/gameServerProcess.ts";
import { runFrames, waitFor } from "../kit/index.ts";
import { openSeat, requestSeat, roomMessage, wireString, within, type RawClient } from "../support/rawClient.ts";

let server: Awaited<ReturnType<typeof startMeteredGameServer>>;
let players: ArenaConnection[] = [];
let stops: Array<() => void> = [];
let code = "";

beforeAll(async () => {
  server = await startMeteredGameServer({ BOTS: "0", TRUST_PROXY: "127.0.0.1" });
  const alice = await ArenaConnection.join(server.url, "Alice");
  const bob = await ArenaConnection.join(server.url, "Bob", { kind: "code", code: alice.code });
  players = [alice, bob];
  code = alice.code;
  stops = players.map((player, i) => runFrames(player, (now) => ({ ...NO_CONTROLS, moveX: Math.sin(now / 300 + i) > 0 ? MOVE_AXIS_MAX : -MOVE_AXIS_MAX })));
}, 30_000);

// On a failure, what the server process printed: its side of it.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => console.log(`server output (last 4000 characters):\n${server.output().slice(-4000)}`));
});

afterAll(async () => {
  for (const stop of stops) stop();
  await Promise.all(players.map((player) => player.room.leave().catch(() => {})));
  await server.stop();
});

/** The ships that stay in the room: the two players, and a quiet client whose seat is held for it (see the heartbeat test). */
const STAYING = new Set(["Alice", "Bob", "Quiet"]);

/**
 * The process answers, both players are still in and still receive patches, and
 * the attackers are gone from the room (their ships too). An attacker sees its
 * close before the server has processed its leave; until it has, its seat still
 * counts, and a crowd of seat requests in the next test could find the room full.
 */
async function expectPlayersUnharmed(): Promise<void> {
  const health = await (await fetch(`${server.url}health`)).json();
  expect(health.status).toBe("ok");
  await until(async () => (await scoreboard()).ships.every((ship) => STAYING.has(ship.name)), "the attackers' ships to be gone");
  const before = players.map((player) => player.meter.totals.patches);
  await waitFor(() => players.every((player, i) => player.meter.totals.patches >= before[i]! + 5), "both players to keep receiving patches");
  for (const player of players) expect(player.room.connection.isOpen).toBe(true);
}

/** Polls an asynchronous condition (an HTTP answer) until it holds. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let lookups = 0;
/** The room's scoreboard, as a monitor behind the trusted proxy asks for it (each lookup its own address, so polling is not limited). */
async function scoreboard(): Promise<Scoreboard> {
  const response = await fetch(`${server.url}api/rooms/${code}/scoreboard`, { headers: { "X-Forwarded-For": `192.0.2.${++lookups % 250}` } });
  expect(response.status).toBe(200);
  return response.json() as Promise<Scoreboard>;
}

async function joinedAttacker(method: string, target: string, options: object = {}): Promise<RawClient> {
  const attacker = await openSeat(server.url, await requestSeat(server.url, method, target, options));
  attacker.completeJoin();
  return attacker;
}

const TYPE_LENGTHS = [1, 86, 87, 123, 124, 500, 3000];
const SCRIPTS = { ascii: "a", latin: "é", cjk: "漢", emoji: "🚀" };

describe("a message type the room does not know", () => {
  it("closes its sender with an error close (4002) and a reason that fits a close frame, for any length and script, in the arena and the lobby", async () => {
    const results: string[] = [];
    for (const room of ["arena", "lobby"] as const) {
      for (const [script, char] of Object.entries(SCRIPTS)) {
        for (const length of TYPE_LENGTHS) {
          for (const channel of [Protocol.ROOM_DATA, Protocol.ROOM_DATA_BYTES]) {
            const type = char.repeat(Math.ceil(length / new TextEncoder().encode(char).length));
            const attacker = room === "arena" ? await joinedAttacker("joinById", code) : await joinedAttacker("joinOrCreate", "lobby");
            attacker.send(roomMessage(type, channel));
            const closed = await within(attacker.closed, 3000);
            expect(closed, `${room} ${script} × ${length} on ${channel}`).not.toBe("timed out");
            if (closed === "timed out") return;
            expect(closed.code).toBe(CloseCode.WITH_ERROR);
            expect(closed.reasonBytes).toBeLessThanOrEqual(CLOSE_REASON_MAX_BYTES);
            results.push(`${room}/${script}/${length}`);
          }
        }
      }
    }
    expect(results).toHaveLength(2 * Object.keys(SCRIPTS).length * TYPE_LENGTHS.length * 2);
    await expectPlayersUnharmed();
  }, 60_000);
});

describe("a client that has not completed its join", () => {
  it("is closed at its first room message, request or input, so nothing queues up for it", async () => {
    const before = await server.metrics();
    const frames = {
      message: roomMessage("ping"),
      request: Uint8Array.from([Protocol.ROOM_REQUEST, 1, ...roomMessage("x".repeat(4000)).subarray(1)]),
      input: Uint8Array.from([Protocol.ROOM_INPUT_RELIABLE, 0, 1]),
    };
    for (const [what, frame] of Object.entries(frames)) {
      const attackers = await Promise.all(Array.from({ length: 10 }, async () => openSeat(server.url, await requestSeat(server.url, "joinById", code))));
      for (const attacker of attackers) for (let i = 0; i < 50; i++) attacker.send(frame);
      const closes = await Promise.all(attackers.map((attacker) => within(attacker.closed, 3000)));
      expect(
        closes.map((closed) => (closed === "timed out" ? closed : closed.code)),
        what,
      ).toEqual(attackers.map(() => CloseCode.WITH_ERROR));
      // The next crowd comes once the server has let this one go: ten seats and ten more
      // still held would fill the room, which then turns the rest away (locked).
      await until(async () => (await scoreboard()).ships.length === 2, `the attackers' ships to go (${what})`);
    }
    const after = await server.metrics();
    expect(after.rssMB - before.rssMB, "memory grown by pre-join requests (MB)").toBeLessThan(30);
    await expectPlayersUnharmed();
  }, 30_000);

  it(`is closed after ${JOIN_COMPLETION_SECONDS} s if it never completes the join, and its ship goes`, async () => {
    const silent = await Promise.all(Array.from({ length: 10 }, async () => openSeat(server.url, await requestSeat(server.url, "joinById", code))));
    // The seats were real: each silent client got a ship.
    expect((await scoreboard()).ships).toHaveLength(12);
    const closes = await Promise.all(silent.map((client) => within(client.closed, (JOIN_COMPLETION_SECONDS + 3) * 1000)));
    expect(closes.map((closed) => (closed === "timed out" ? closed : closed.code))).toEqual(silent.map(() => CloseCode.WITH_ERROR));
    await until(async () => (await scoreboard()).ships.length === 2, "the silent clients' ships to go");
    expect((await scoreboard()).ships.map((ship) => ship.name).sort()).toEqual(["Alice", "Bob"]);
    await expectPlayersUnharmed();
  }, 30_000);
});

describe("a client the transport cuts off", () => {
  it("for a flood of WebSocket pings gets no seat held", async () => {
    const flooder = await joinedAttacker("joinById", code, { name: "Pinger" });
    expect((await scoreboard()).ships.map((ship) => ship.name)).toContain("Pinger");
    for (let i = 0; i < 1000; i++) flooder.socket.ping();
    expect(await within(flooder.closed, 3000)).toMatchObject({ code: CloseCode.ABNORMAL_CLOSURE });
    await until(async () => (await scoreboard()).ships.length === 2, "the flooder's ship to go, not wait for a reconnection");
    await expectPlayersUnharmed();
  });

  it("for ignoring heartbeats while it keeps sending gets no seat held; one that went quiet (a lost network) does", async () => {
    const talker = await openSeat(server.url, await requestSeat(server.url, "joinById", code, { name: "Talker" }), { autoPong: false });
    const quiet = await openSeat(server.url, await requestSeat(server.url, "joinById", code, { name: "Quiet" }), { autoPong: false });
    talker.completeJoin();
    quiet.completeJoin();
    const chatter = setInterval(() => talker.send(Uint8Array.from([Protocol.PING])), 250);
    try {
      const closes = await Promise.all([talker, quiet].map((client) => within(client.closed, 12_000)));
      expect(closes).toMatchObject([{ code: CloseCode.ABNORMAL_CLOSURE }, { code: CloseCode.ABNORMAL_CLOSURE }]);
    } finally {
      clearInterval(chatter);
    }
    // The quiet one's seat waits for it (positive control: a cut-off ship can be held); the talker's does not.
    await until(async () => (await scoreboard()).ships.length === 3, "the talker's ship to go");
    expect((await scoreboard()).ships.map((ship) => ship.name).sort()).toEqual(["Alice", "Bob", "Quiet"]);
    await expectPlayersUnharmed();
  }, 30_000);
});

describe("spectating", () => {
  it("is only through the watch route, by code: matchmaking refuses the flag and opens no room", async () => {
    const roomsBefore = (await (await fetch(`${server.url}health`)).json()).rooms;
    for (const method of ["joinOrCreate", "create", "join", "joinById"]) {
      const target = method === "joinById" ? code : "arena";
      await expect(requestSeat(server.url, method, target, { spectate: true }), method).rejects.toThrow(
        /400: .*"spectate" is not a \w+ option; watch a room with POST/,
      );
    }
    expect((await (await fetch(`${server.url}health`)).json()).rooms).toBe(roomsBefore);
    // Positive control: the room is watched by its code through the route.
    const watcher = await watchRoom(gameClient(server.url), code);
    expect(watcher.roomId).toBe(code);
    await watcher.leave();
    // And a code no room has gets a clear 404.
    const unknown = await fetch(`${server.url}api/rooms/ZZZZZ/watch`, { method: "POST" });
    expect(unknown.status).toBe(404);
  });

  it("a private room is made only by create: quick play refuses the flag", async () => {
    await expect(requestSeat(server.url, "joinOrCreate", "arena", { private: true })).rejects.toThrow(/400: .*"private" goes only with create/);
  });
});

/** Resolves when the server answers a PING sent after the frames before it: it read them all without closing the sender. */
function readUpToHere(client: RawClient): Promise<void> {
  return new Promise((resolve) => {
    const answer = (data: Buffer) => {
      if (data[0] !== Protocol.PING) return;
      client.socket.off("message", answer);
      resolve();
    };
    client.socket.on("message", answer);
    client.send(Uint8Array.from([Protocol.PING]));
  });
}

describe("an input that does not decode", () => {
  it.each([
    ["names a structure the input does not have", [0xff, 0x01]],
    ["names a field the input does not have", [0x80 | 40, 0x01]],
    ["ends inside a value", [0x80 | 2, 0x05]],
    ["deletes a field (its value would reach the rules as NaN)", [0x40 | 0]],
  ])("closes its sender, without a word in the log, when it %s", async (_, body) => {
    const attacker = await joinedAttacker("joinById", code);
    // Positive control: a well-formed input (moveX, the first field, set to 1) is read and its sender kept.
    attacker.send(Uint8Array.from([Protocol.ROOM_INPUT_RELIABLE, 0x80 | 0, 0x01]));
    await readUpToHere(attacker);
    const logged = server.output().length;
    attacker.send(Uint8Array.from([Protocol.ROOM_INPUT_RELIABLE, ...body]));
    const closed = await within(attacker.closed, 3000);
    expect(closed).toMatchObject({ code: CloseCode.WITH_ERROR, reason: "Malformed input." });
    await expectPlayersUnharmed();
    // At most the cut-off line: nothing the decoder would have written (472 bytes for the first frame).
    expect(server.output().length - logged, server.output().slice(logged)).toBeLessThan(200);
  });
});

describe("a message type that is not UTF-8", () => {
  it("closes its sender as malformed, without a word in the log from the type's decoder", async () => {
    for (const channel of [Protocol.ROOM_DATA, Protocol.ROOM_DATA_BYTES]) {
      const attacker = await joinedAttacker("joinById", code);
      // Positive control: a readable type of the same length, one the room knows, is read and its sender kept.
      attacker.send(Uint8Array.from([Protocol.ROOM_DATA, ...wireString("ping"), 0x81, ...wireString("ms"), 0x10]));
      await readUpToHere(attacker);
      const logged = server.output().length;
      // "pi" then a continuation byte with nothing before it, and a byte no UTF-8 text has.
      attacker.send(Uint8Array.from([channel, 0xa4, 0x70, 0x69, 0x80, 0xff, 0xc0]));
      const closed = await within(attacker.closed, 3000);
      expect(closed, `on ${channel}`).toMatchObject({ code: CloseCode.WITH_ERROR, reason: "Malformed message." });
      await expectPlayersUnharmed();
      // At most the cut-off line: nothing the type's decoder would have written.
      expect(server.output().length - logged, server.output().slice(logged)).toBeLessThan(200);
    }
  });
});

describe("a room request", () => {
  it("is refused with an error close (4002) rather than answered", async () => {
    const attacker = await joinedAttacker("joinById", code);
    attacker.send(Uint8Array.from([Protocol.ROOM_REQUEST, 7, ...roomMessage("anything").subarray(1)]));
    const closed = await within(attacker.closed, 3000);
    expect(closed).toMatchObject({ code: CloseCode.WITH_ERROR, reason: "This room answers no requests." });
    await expectPlayersUnharmed();
  });
});
