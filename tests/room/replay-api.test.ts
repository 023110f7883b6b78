// The replay API: a room's rounds listed by code, files by id; a private room's
// only with its code; unknown ids 404; copies on disk with REPLAY_DIR; and the
// memory bound, oldest out first.
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalPresence } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { ReplayStore, type ReplaySummary } from "../../server/ReplayStore.ts";
import { readReplayFile } from "../../server/replayFile.ts";
import { ticksPass, useTestServer } from "../kit/index.ts";

const replayDir = await mkdtemp(join(tmpdir(), "skirmish-replays-"));

async function list(endpoint: string, query: string): Promise<ReplaySummary[]> {
  return ((await (await fetch(`${endpoint}/api/replays${query}`)).json()) as { replays: ReplaySummary[] }).replays;
}

/** Plays a moment in a new room and leaves: the room closes and keeps its round, cut short. */
async function recordARound(endpoint: string, isPrivate: boolean): Promise<{ code: string; replay: ReplaySummary }> {
  const player = await ArenaConnection.join(endpoint, "Keeper", { kind: "create", private: isPrivate });
  await ticksPass(player.state, 24);
  await player.room.leave();
  await expect.poll(async () => (await list(endpoint, `?room=${player.code}`)).length, { message: "the round listed", timeout: 5000 }).toBe(1);
  const [replay] = await list(endpoint, `?room=${player.code}`);
  return { code: player.code, replay: replay! };
}

describe("the replay API", () => {
  const server = useTestServer({ replayDir });

  it("lists a room's rounds by its code and serves each file by id; REPLAY_DIR has a copy", async () => {
    const { code, replay } = await recordARound(server.endpoint, false);
    expect(replay).toMatchObject({ room: code, round: 1, complete: false, private: false, players: ["Keeper"] });
    expect(await readdir(replayDir)).toEqual(expect.arrayContaining([`${replay.id}.replay`, `${replay.id}.json`]));
    const download = await fetch(`${server.endpoint}/api/replays/${replay.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(`skirmish-${code}-round-1.replay`);
    const decoded = readReplayFile(new Uint8Array(await download.arrayBuffer()));
    expect(decoded.room).toBe(code);
    expect((await list(server.endpoint, "")).map((listed) => listed.id)).toContain(replay.id);
  });

  it("serves a private room's rounds only to those who give its code", async () => {
    const { code, replay } = await recordARound(server.endpoint, true);
    expect(replay.private).toBe(true);
    // Positive control above: listed and found with the code. Without it, nothing.
    expect((await list(server.endpoint, "")).map((listed) => listed.id)).not.toContain(replay.id);
    expect((await fetch(`${server.endpoint}/api/replays/${replay.id}?room=${code}`)).status).toBe(200);
    expect((await fetch(`${server.endpoint}/api/replays/${replay.id}`)).status).toBe(404);
    expect((await fetch(`${server.endpoint}/api/replays/${replay.id}?room=ZZZZZ`)).status).toBe(404);
    expect(await list(server.endpoint, `?room=${code.toLowerCase()}`)).toEqual([]);
  });

  it("answers unknown and malformed ids with 404", async () => {
    for (const id of ["abcdefghijkl", "..%2F..%2Fetc%2Fpasswd", "x".repeat(500)]) {
      const answer = await fetch(`${server.endpoint}/api/replays/${id}`);
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ error: expect.stringContaining("No replay") });
    }
  });
});

describe("the replay store's memory bound", () => {
  it("keeps the newest files within the bound and lets the oldest go", async () => {
    // Each file of 3000 bytes takes 4000 in base64, and its summary some 200 more: two fit in 10,000.
    const store = new ReplayStore(new LocalPresence(), { maxBytes: 10_000 });
    const saved: ReplaySummary[] = [];
    for (let round = 1; round <= 10; round++) {
      const details = { room: "ABCDE", round, players: ["Ada"], seconds: 60, complete: true, recordedAt: round * 1000, private: false };
      saved.push(await store.save(details, new Uint8Array(3000).fill(round)));
    }
    const kept = await store.forRoom("ABCDE");
    expect(kept.map((summary) => summary.round)).toEqual([10, 9]);
    expect(await store.file(saved[0]!.id)).toBeNull();
    expect((await store.file(saved[9]!.id))?.[0]).toBe(10);
  });

  it("still serves by id, from REPLAY_DIR, what it no longer keeps in memory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "skirmish-replays-"));
    const store = new ReplayStore(new LocalPresence(), { maxBytes: 0, dir });
    const details = { room: "ABCDE", round: 1, players: ["Ada"], seconds: 60, complete: true, recordedAt: 1000, private: false };
    const summary = await store.save(details, new Uint8Array(3000).fill(7));
    expect(await store.forRoom("ABCDE")).toEqual([]);
    expect(await store.summary(summary.id)).toEqual(summary);
    expect((await store.file(summary.id))?.[0]).toBe(7);
  });
});
