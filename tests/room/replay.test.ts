// A round played through the real room, over real sockets, by headless players at
// 100 ms round trip and bots, is recorded; the replay re-simulates it exactly.
import { writeFile } from "node:fs/promises";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { describe, expect, it } from "vitest";
import type { ReplaySummary } from "../../server/ReplayStore.ts";
import { readReplayFile } from "../../server/replayFile.ts";
import { hunter, playersInNewRoom, runFrames, ticksPass, useTestServer, waitFor } from "../kit/index.ts";
import { MOVE_AXIS_MAX, TICK_RATE } from "../../shared/constants.ts";
import type { ModeName } from "../../shared/modes/index.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { scoreboardFromState } from "../../shared/scores.ts";
import type { WorldEvent } from "../../shared/world.ts";
import { cutConnection } from "../support/drops.ts";

const ROUND_SECONDS = 12;

describe("replays", () => {
  const server = useTestServer({ bots: 4, roundSeconds: ROUND_SECONDS, koTarget: 1000 });

  it("re-simulates a recorded round with players at 100 ms, bots, a leave, a drop and a return: every checksum and the final scoreboard", async () => {
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, ["Ada", "Grace", "Linus"]);
    for (const player of players) {
      player.meter.simulate(100, 10);
      player.room.reconnection.minUptime = 0;
    }
    const saved: ReplaySummary[] = [];
    room.recording.onSaved = (summary) => saved.push(summary);
    let finalScores: ReturnType<typeof scoreboardFromState> | null = null;
    const events: WorldEvent[] = [];
    room.onWorldEvents = (tickEvents) => {
      events.push(...tickEvents);
      if (tickEvents.some((event) => event.type === "round-over")) finalScores = scoreboardFromState(room.state);
    };
    const stops = players.map((player) => runFrames(player, hunter(player)));
    // A player leaving mid-round, and one whose connection drops and comes back, are in the replay too.
    await ticksPass(room.state, 3 * TICK_RATE);
    cutConnection(server.colyseus, players[0]!);
    await ticksPass(room.state, TICK_RATE);
    await players[1]!.room.leave(true);
    await waitFor(() => room.state.ships.get(players[0]!.sessionId)?.away === false, "Ada to be back", 8000);
    await waitFor(() => saved.length > 0, "the round's replay", (ROUND_SECONDS + 5) * 1000);
    for (const stop of stops) stop();

    const summary = saved[0]!;
    expect(summary).toMatchObject({ room: room.roomId, round: 1, complete: true, private: false });
    expect(summary.players.sort()).toEqual(["Ada", "Grace", "Linus"]);
    const listed = (await (await fetch(`${server.endpoint}/api/replays?room=${room.roomId}`)).json()) as { replays: ReplaySummary[] };
    expect(listed.replays.map((replay) => replay.id)).toContain(summary.id);
    const download = await fetch(`${server.endpoint}/api/replays/${summary.id}`);
    expect(download.status).toBe(200);
    const file = new Uint8Array(await download.arrayBuffer());
    const replay = readReplayFile(file);
    // How the fixtures in tests/fixtures/replays were made: `RECORD_FIXTURE=NAME npx vitest run tests/room/replay.test.ts`.
    if (process.env.RECORD_FIXTURE) await writeFile(`tests/fixtures/replays/${process.env.RECORD_FIXTURE}.replay`, file);

    // The round really had what lag compensation and the players decide.
    const struck = replay.ticks.flatMap((tick) => tick.struck);
    const humanShots = events.filter((event) => event.type === "shot" && !event.shooter.startsWith("bot-"));
    expect(humanShots.length).toBeGreaterThan(20);
    expect(struck.length).toBeGreaterThan(0);
    expect(events.filter((event) => event.type === "ko").length).toBeGreaterThan(0);
    const changes = new Set(replay.ticks.flatMap((tick) => tick.changes.map((change) => change.type)));
    expect([...changes].sort()).toEqual(["away", "back", "join", "leave"]);

    const simulation = new ReplaySimulation(replay);
    expect(simulation.run()).toBeNull();
    expect(simulation.checked).toBe(replay.checksums.length);
    expect(simulation.checked).toBeGreaterThanOrEqual(ROUND_SECONDS - 1);
    expect(scoreboardFromState(simulation.state)).toEqual(finalScores);

    // Positive control: one input changed, and the re-simulation parts from the match.
    const tampered = structuredClone(replay);
    const tick = tampered.ticks.findIndex((record) => record.inputs.some((inputs) => inputs.controls.length > 0));
    const input = tampered.ticks[tick]!.inputs[0]!.controls[0]!;
    input.moveX = input.moveX === MOVE_AXIS_MAX ? -MOVE_AXIS_MAX : MOVE_AXIS_MAX;
    const mismatch = new ReplaySimulation(tampered).run();
    expect(mismatch?.tick).toBeGreaterThan(replay.start.tick + tick);
  }, 40_000);

  // One round of each team mode, recorded and re-simulated: teams formed as ships join, a player
  // switching sides (a recorded change), a leaver's place taken by a bot, team scores and the hill.
  it.each([
    ["tdm", "Crossroads"],
    ["koth", "Foundry"],
  ] as Array<[ModeName, string]>)(
    "re-simulates a recorded %s round on %s: teams, a switch, a leave, the team scores, and a report cut from it",
    async (mode, arena) => {
      const settings = { mode, arena, bots: 4, roundSeconds: ROUND_SECONDS, koTarget: 1000, holdTarget: 3600 };
      const host = await ArenaConnection.join(server.endpoint, "Ada", { kind: "create", private: true, settings });
      const guests = await Promise.all(["Grace", "Linus"].map((name) => ArenaConnection.join(server.endpoint, name, { kind: "code", code: host.code })));
      const players = [host, ...guests];
      const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
      const saved: ReplaySummary[] = [];
      room.recording.onSaved = (summary) => saved.push(summary);
      let finalScores: ReturnType<typeof scoreboardFromState> | null = null;
      const hills = new Set<string>();
      let kos = 0;
      room.onWorldEvents = (tickEvents) => {
        hills.add(room.state.hill);
        kos += tickEvents.filter((event) => event.type === "ko").length;
        if (tickEvents.some((event) => event.type === "round-over")) finalScores = scoreboardFromState(room.state);
      };
      const stops = players.map((player) => runFrames(player, hunter(player)));
      await ticksPass(room.state, 3 * TICK_RATE);
      const team = room.state.ships.get(host.sessionId)!.team;
      host.switchTeam();
      await waitFor(() => room.state.ships.get(host.sessionId)!.team !== team, "Ada to switch sides");
      await ticksPass(room.state, 2 * TICK_RATE);
      await guests[1]!.room.leave(true);
      await ticksPass(room.state, 2 * TICK_RATE);
      const report = readReplayFile((await room.recording.report(false))!.replay);
      await waitFor(() => saved.length > 0, "the round's replay", (ROUND_SECONDS + 5) * 1000);
      for (const stop of stops) stop();

      const file = new Uint8Array(await (await fetch(`${server.endpoint}/api/replays/${saved[0]!.id}?room=${host.code}`)).arrayBuffer());
      const replay = readReplayFile(file);
      // The fixtures of the modes were made with `RECORD_FIXTURE=1 npx vitest run tests/room/replay.test.ts -t "recorded (tdm|koth)"`.
      if (process.env.RECORD_FIXTURE) await writeFile(`tests/fixtures/replays/${arena.toLowerCase()}-${mode}-3-players-4-bots-switch-and-leave.replay`, file);
      expect(replay.start.mode).toBe(mode);
      expect(replay.start.ships.every((ship) => ship.team === 1 || ship.team === 2)).toBe(true);
      const changes = new Set(replay.ticks.flatMap((tick) => tick.changes.map((change) => change.type)));
      expect([...changes].sort()).toEqual(["join", "leave", "team"]);
      // What the mode scores happened in it: knock-outs in Team Deathmatch, ships on the hill in King of the Hill.
      if (mode === "tdm") expect(kos).toBeGreaterThan(0);
      else expect([...hills].filter((hill) => hill !== "neutral").length).toBeGreaterThan(0);

      const simulation = new ReplaySimulation(replay);
      expect(simulation.run()).toBeNull();
      expect(simulation.checked).toBe(replay.checksums.length);
      // A replay has no host (that is the room's, not the rules').
      const played = finalScores!;
      expect(scoreboardFromState(simulation.state)).toEqual({ ...played, ships: played.ships.map((ship) => ({ ...ship, host: false })) });
      const slice = new ReplaySimulation(report);
      expect(slice.run()).toBeNull();
      expect(slice.checked).toBeGreaterThan(0);
      await host.room.leave();
      await guests[0]!.room.leave();
    },
    40_000,
  );
});
