// What the host reads: the real `npm start` process's log. Its start is Skirmish's
// own lines alone; the fuzz test's hostile clients leave one line each and no
// stack trace, within a budget however many come; LOG_FORMAT=json writes one JSON
// object per line; a .env file is read, and said to be.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { CUT_OFF_LINES_PER_WINDOW, CUT_OFF_WINDOW_MS } from "../../server/cutOffs.ts";
import { startGameServer } from "../../scripts/lib/gameServerProcess.ts";
import { ATTACKS, fuzzSession, generator, type Session } from "../support/hostileFrames.ts";
import { openSeat, requestSeat, roomMessage, within } from "../support/rawClient.ts";
import { ticksPass, waitFor } from "../kit/index.ts";

/** Lines of a stack trace, as Node prints them. */
const STACK_FRAME = /^\s+at \S/;

function linesOf(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}

describe("the server's log", () => {
  it("starts with Skirmish's own lines: no loader lines from the framework", async () => {
    const server = await startGameServer({ BOTS: "0" });
    try {
      const lines = linesOf(server.output());
      expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Skirmish is running \(tick 30 Hz, patches 20 Hz/);
      expect(lines[1]).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(lines).toHaveLength(2);
    } finally {
      await server.stop();
    }
  });

  it("gives every hostile client of the fuzz test one line at most, no stack trace, and stays within its budget", async () => {
    const server = await startGameServer({ BOTS: "0" });
    try {
      const player = await ArenaConnection.join(server.url, "Bystander");
      const startLines = linesOf(server.output()).length;
      const random = generator(7);
      const sessions: Session[] = [];
      const startedAt = Date.now();
      // Every class of hostile frame twice, one client after another, then a crowd of 12 at once (once the room is
      // down to its one player again, so the crowd finds seats).
      for (const attack of [...Object.keys(ATTACKS), ...Object.keys(ATTACKS)]) sessions.push(await fuzzSession(server.url, player.code, attack, random));
      await waitFor(() => player.state.ships.size === 1, "the attackers' ships to be gone");
      const crowd = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const attacker = await openSeat(server.url, await requestSeat(server.url, "joinById", player.code, { name: "Crowd" }));
          attacker.completeJoin();
          attacker.send(roomMessage("no-such-message"));
          return within(attacker.closed, 5000);
        }),
      );
      const attackSeconds = (Date.now() - startedAt) / 1000;

      // Positive control: every one of them was cut off, far more than one window's lines allow.
      expect(sessions.filter((session) => session.closedBy === null).map((session) => session.attack)).toEqual([]);
      expect(crowd.filter((closed) => closed === "timed out")).toEqual([]);
      expect(sessions.length + crowd.length).toBeGreaterThan(3 * CUT_OFF_LINES_PER_WINDOW);
      // The clients held back are counted in one line as their window ends.
      await waitFor(() => /more clients were cut off in the last 10 s/.test(server.output()), "the line for the clients not listed", CUT_OFF_WINDOW_MS + 5000);

      const lines = linesOf(server.output()).slice(startLines);
      expect(lines.filter((line) => STACK_FRAME.test(line))).toEqual([]);
      expect(lines.filter((line) => !/^\[\d\d:\d\d:\d\d\] WARN: /.test(line))).toEqual([]);
      const cutOff = lines.filter((line) => line.includes("Cut off a client of room"));
      expect(cutOff.length).toBeGreaterThan(0);
      expect(cutOff.every((line) => line.includes(`room ${player.code} at 127.0.0.1`))).toBe(true);
      // The budget: so many lines per window, and one more saying how many were held back.
      const windows = Math.ceil((attackSeconds * 1000) / CUT_OFF_WINDOW_MS) + 1;
      const budget = windows * (CUT_OFF_LINES_PER_WINDOW + 1);
      console.log(`${sessions.length + crowd.length} hostile clients in ${attackSeconds.toFixed(1)} s: ${lines.length} log lines (budget ${budget})`);
      expect(lines.length).toBeLessThanOrEqual(budget);
      await player.room.leave();
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("keeps the stack trace of a real server error: a replay that cannot be written", async () => {
    // REPLAY_DIR under a plain file: no folder can be made there.
    const folder = await mkdtemp(join(tmpdir(), "skirmish-log-"));
    await writeFile(join(folder, "not-a-folder"), "");
    const server = await startGameServer({ BOTS: "0", REPLAY_DIR: join(folder, "not-a-folder", "replays") });
    try {
      // The last player leaving closes the room, which keeps its round, cut short.
      const player = await ArenaConnection.join(server.url, "Keeper");
      // A round with no tick recorded has nothing to keep.
      await ticksPass(player.state, 3);
      await player.room.leave();
      await waitFor(() => /replay was not kept/.test(server.output()), "the error", 10_000);
      const lines = linesOf(server.output());
      const error = lines.findIndex((line) => /ERROR: Room \w+: round 1's replay was not kept\./.test(line));
      expect(lines[error + 1]).toMatch(/^Error: ENOTDIR/);
      expect(lines[error + 2]).toMatch(STACK_FRAME);
    } finally {
      await server.stop();
    }
  });

  it("is JSON, one object per line with its level, time and fields, with LOG_FORMAT=json", async () => {
    const server = await startGameServer({ BOTS: "0", LOG_FORMAT: "json" });
    try {
      const player = await ArenaConnection.join(server.url, "Bystander");
      const attacker = await openSeat(server.url, await requestSeat(server.url, "joinById", player.code));
      attacker.completeJoin();
      // A "ping" message whose payload is nil: refused by its schema.
      attacker.send(roomMessage("ping"));
      await within(attacker.closed, 5000);
      await waitFor(() => server.output().includes("client-cut-off"), "the cut-off line");

      const entries = linesOf(server.output()).map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const entry of entries) {
        expect(entry).toMatchObject({ level: expect.any(String), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: expect.any(String) });
      }
      const [started] = entries;
      expect(started).toMatchObject({ level: "info", event: "started", urls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/)] });
      expect(entries.find((entry) => entry.event === "client-cut-off")).toMatchObject({
        level: "warn",
        room: player.code,
        address: "127.0.0.1",
        code: 4002,
        reason: 'Bad "ping" message: Invalid input: expected object, received null.',
      });
      await player.room.leave();
    } finally {
      await server.stop();
    }
  });

  it("reads a .env file in the folder it starts in, says so, and lets the environment win over it", async () => {
    const folder = await mkdtemp(join(tmpdir(), "skirmish-env-"));
    await writeFile(join(folder, ".env"), "TICK_RATE=40\nPATCH_RATE=10\n");
    const server = await startGameServer({ BOTS: "0", PATCH_RATE: "25" }, folder);
    try {
      const output = server.output();
      expect(output).toContain("Skirmish is running (tick 40 Hz, patches 25 Hz,");
      expect(output).toContain(`Settings read from ${join(folder, ".env")} as well as the environment.`);
    } finally {
      await server.stop();
    }
  });
});
