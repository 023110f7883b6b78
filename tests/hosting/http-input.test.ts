// Bad HTTP input: matchmaking requests with broken, mistyped or oversized bodies
// get a 4xx that says what is wrong, and the server carries on serving players.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { MAX_REQUEST_BODY_BYTES } from "../../server/httpGate.ts";
import { startGameServer, type RunningGameServer } from "../../scripts/lib/gameServerProcess.ts";

let server: RunningGameServer;
beforeAll(async () => {
  server = await startGameServer({ BOTS: "0" });
});
afterAll(async () => {
  await server.stop();
});

async function matchmake(body: BodyInit, init: RequestInit = {}): Promise<{ status: number; error: string }> {
  const response = await fetch(`${server.url}matchmake/joinOrCreate/arena`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...init,
  });
  const text = await response.text();
  return { status: response.status, error: (JSON.parse(text) as { error?: string }).error ?? text };
}

describe("matchmaking requests", () => {
  it("refuses a body that is not JSON with 400", async () => {
    expect(await matchmake("{name: Alpha")).toMatchObject({ status: 400 });
  });

  it("refuses options that are not an object, or have fields of the wrong type, with 400 and the reason", async () => {
    expect(await matchmake("[1, 2, 3]")).toEqual({ status: 400, error: "Bad join options: the options: Invalid input: expected object, received array." });
    const wrongName = await matchmake(JSON.stringify({ name: { first: "Al" } }));
    expect(wrongName.status).toBe(400);
    expect(wrongName.error).toContain('"name"');
    const wrongFlag = await matchmake(JSON.stringify({ name: "Al", private: "yes" }));
    expect(wrongFlag.status).toBe(400);
    expect(wrongFlag.error).toContain('"private"');
    const longName = await matchmake(JSON.stringify({ name: "A".repeat(500) }));
    expect(longName.status).toBe(400);
  });

  it(`refuses a body over ${MAX_REQUEST_BODY_BYTES} bytes with 413 without reading it`, async () => {
    const huge = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) });
    expect(await matchmake(huge)).toEqual({ status: 413, error: `Request body too large: at most ${MAX_REQUEST_BODY_BYTES} bytes.` });
  });

  it("refuses a body of unknown length (chunked) with 411", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":"Al"}'));
        controller.close();
      },
    });
    expect(await matchmake(stream, { duplex: "half" } as RequestInit)).toMatchObject({ status: 411 });
  });

  it("still seats players after all that, and has no room or seat left over from the refusals", async () => {
    const health = await (await fetch(`${server.url}health`)).json();
    expect(health).toMatchObject({ status: "ok", rooms: 0, clients: 0 });
    const player = await ArenaConnection.join(server.url, "After");
    expect(player.ownShip?.name).toBe("After");
    await player.room.leave();
  });
});

describe("the scoreboard API", () => {
  it("answers 404 with a reason for a code that is no room", async () => {
    const response = await fetch(`${server.url}api/rooms/NOPE0/scoreboard`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No room with code NOPE0" });
  });
});
