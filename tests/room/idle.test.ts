// Idle players and watching from the arena, through real clients: a player who
// changes nothing is warned, then moved to watching (ship and seat freed, bots
// filling in, everyone told) and takes a seat back with Join; a player who plays,
// or says it is here while warned, stays. A spectator from the watch route joins
// the same way while a seat is free.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import type { ReplaySummary } from "../../server/ReplayStore.ts";
import { readReplayFile } from "../../server/replayFile.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { IDLE_WARNING_SECONDS, MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import { runFrames, useTestServer, waitFor } from "../kit/index.ts";

const IDLE_SECONDS = 20;
const server = useTestServer({ idleSeconds: IDLE_SECONDS, bots: 3 });

describe("an idle player", () => {
  it("is warned, then moved to watching while a player who plays stays; a warned player who answers stays; Join takes a seat back; the round's replay is exact", async () => {
    // A 30 s round, so the move falls inside a round whose replay is kept.
    const mover = await ArenaConnection.join(server.endpoint, "Mover", { kind: "create", private: true, settings: { roundSeconds: 30 } });
    const sleeper = await ArenaConnection.join(server.endpoint, "Sleeper", { kind: "code", code: mover.code });
    const answerer = await ArenaConnection.join(server.endpoint, "Answerer", { kind: "code", code: mover.code });
    const room = server.colyseus.getRoomById<ArenaRoom>(mover.code)!;
    const saved: ReplaySummary[] = [];
    room.recording.onSaved = (summary) => saved.push(summary);
    const warned: string[] = [];
    const moved: string[] = [];
    for (const player of [mover, sleeper, answerer]) {
      player.onIdleWarning((seconds) => warned.push(`${player.room.state.ships.get(player.sessionId)?.name} ${seconds}`));
      player.onWatching(() => moved.push(player.sessionId));
    }
    const told: string[] = [];
    mover.onNotice((text) => told.push(text));
    // Answerer says it is here when warned (a key pressed), as the game does.
    answerer.onIdleWarning(() => answerer.active());
    const stops = [
      runFrames(mover, (now) => ({ ...NO_CONTROLS, moveX: Math.sin(now / 300) > 0 ? MOVE_AXIS_MAX : -MOVE_AXIS_MAX })),
      runFrames(sleeper),
      runFrames(answerer),
    ];
    try {
      await waitFor(() => warned.includes(`Sleeper ${IDLE_WARNING_SECONDS}`), "the warning", (IDLE_SECONDS - IDLE_WARNING_SECONDS + 5) * 1000);
      await waitFor(() => moved.includes(sleeper.sessionId), "the sleeper moved to watching", (IDLE_WARNING_SECONDS + 5) * 1000);
      expect(room.state.ships.has(sleeper.sessionId)).toBe(false);
      await waitFor(() => sleeper.watching, "the sleeper's ship gone from its view");
      await waitFor(() => told.includes("Sleeper is watching."), "everyone told");
      // The mover never heard a warning; the answerer was warned and stayed.
      expect(warned.filter((line) => line.startsWith("Mover"))).toEqual([]);
      expect(warned.some((line) => line.startsWith("Answerer"))).toBe(true);
      expect(moved).toEqual([sleeper.sessionId]);
      expect(room.state.ships.has(answerer.sessionId)).toBe(true);
      // Bots fill the freed seat: two players, one bot more.
      expect([...room.state.ships.values()].filter((ship) => ship.bot)).toHaveLength(1);

      sleeper.takeSeat("Sleeper");
      await waitFor(() => !sleeper.watching, "the sleeper back in a ship");
      expect(room.state.ships.get(sleeper.sessionId)?.name).toBe("Sleeper");

      // The round with the move to watching and the Join back re-simulates exactly.
      await waitFor(() => saved.length > 0, "round 1's replay", 20_000);
      const file = await fetch(`${server.endpoint}/api/replays/${saved[0]!.id}?room=${mover.code}`);
      const replay = readReplayFile(new Uint8Array(await file.arrayBuffer()));
      const changes = replay.ticks.flatMap((tick) => tick.changes.map((change) => change.type));
      expect(changes).toEqual(expect.arrayContaining(["leave", "join"]));
      const simulation = new ReplaySimulation(replay);
      expect(simulation.run()).toBeNull();
      expect(simulation.checked).toBe(replay.checksums.length);
    } finally {
      for (const stop of stops) stop();
      await Promise.all([mover, sleeper, answerer].map((player) => player.room.leave()));
    }
  }, 60_000);
});

describe("a spectator", () => {
  it("watches a room by its code with no ship, and Join gives a ship while a seat is free; a full room says so", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: true, settings: { maxPlayers: 2, bots: 0 } });
    const watcher = await ArenaConnection.watch(server.endpoint, host.code);
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
    expect(watcher.watching).toBe(true);
    expect([...watcher.room.state.ships.keys()]).toEqual([host.sessionId]);
    const heard: string[] = [];
    watcher.onNotice((text) => heard.push(text));
    watcher.takeSeat("Watcher");
    await waitFor(() => !watcher.watching, "the watcher in a ship");
    expect(room.state.ships.get(watcher.sessionId)?.name).toBe("Watcher");
    // The room is full now: a second watcher's Join is refused, with the reason.
    const second = await ArenaConnection.watch(server.endpoint, host.code);
    const secondHeard: string[] = [];
    second.onNotice((text) => secondHeard.push(text));
    second.takeSeat("Second");
    await waitFor(() => secondHeard.length > 0, "the refusal");
    expect(secondHeard).toEqual(["Every seat is taken: watch until one is free."]);
    expect(second.watching).toBe(true);
    await Promise.all([host, watcher, second].map((player) => player.room.leave()));
  });
});
