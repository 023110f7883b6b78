// Report: a player gets a replay of what they just saw, to attach to a bug report:
// the round's last half minute while it is played, the whole round between rounds.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { readReplayFile } from "../../server/replayFile.ts";
import type { ReportMessage } from "../../shared/messages.ts";
import { decodeReplay } from "../../shared/replay/format.ts";
import { REPORT_SECONDS, ReplayRecorder } from "../../shared/replay/ReplayRecorder.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { stepWorld } from "../../shared/stepWorld.ts";
import { addShip, liveSight, type WorldEvent } from "../../shared/world.ts";
import { dt, newWorld, notices, playersInNewRoom, plainFactory, ticksPass, useTestServer, waitFor } from "../kit/index.ts";

/** Every report `player` is answered with from now on (null: refused, a notice says why). */
function reports(player: ArenaConnection): Array<ReportMessage | null> {
  const answers: Array<ReportMessage | null> = [];
  player.onReport((answer) => answers.push(answer));
  return answers;
}

describe("the recording's last seconds", () => {
  it("reach back REPORT_SECONDS (to the keyframe before), never further, and re-simulate exactly", () => {
    const world = newWorld();
    for (const name of ["Vega", "Lyra", "Orion"]) addShip(world, `bot-${name}`, { name: `Bot ${name}`, hue: 0, bot: true }, plainFactory, dt);
    const recorder = new ReplayRecorder({ room: "TEST", tickRate: 1 / dt, now: () => 0 });
    recorder.begin(world);
    // 40 s of a round played by bots: longer than a report reaches.
    for (let i = 0; i < 40 / dt; i++) {
      const events: WorldEvent[] = [];
      stepWorld(world, plainFactory, dt, events, () => [], liveSight(dt));
      recorder.endTick(world, events);
    }
    for (const asked of [REPORT_SECONDS, 2 * REPORT_SECONDS]) {
      const replay = decodeReplay(recorder.lastSeconds(asked)!);
      expect(replay.ticks.length).toBeGreaterThanOrEqual(REPORT_SECONDS / dt);
      expect(replay.ticks.length).toBeLessThanOrEqual((REPORT_SECONDS + 1) / dt);
      expect(new ReplaySimulation(replay).run()).toBeNull();
    }
  });
});

describe("Report in a room", () => {
  // Rounds as short as they may be set: the test waits for one to end.
  const server = useTestServer({ bots: 2, roundSeconds: 10 });

  it("during a round sends the last seconds, once in a while; between rounds the whole round; a malformed one closes only its sender", async () => {
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, ["Ada", "Grace", "Mallory"]);
    const [ada, grace, mallory] = players as [ArenaConnection, ArenaConnection, ArenaConnection];
    const adaReports = reports(ada);
    const adaNotices = notices(ada);
    const graceReports = reports(grace);
    await ticksPass(room.state, 30);

    ada.report();
    await waitFor(() => adaReports.length === 1, "Ada's report");
    const during = adaReports[0]!;
    expect(during.file).toMatch(new RegExp(`^skirmish-${room.roomId}-round-1-last-30s-tick-\\d+\\.replay$`));
    const slice = readReplayFile(during.replay);
    expect(slice.complete).toBe(false);
    expect(slice.ticks.length).toBeGreaterThan(20);
    expect(new ReplaySimulation(slice).run()).toBeNull();

    // Again at once: refused, with the reason, and nothing else is sent.
    ada.report();
    await waitFor(() => adaReports.length === 2, "Ada's second answer");
    expect(adaReports[1]).toBeNull();
    expect(adaNotices).toContain("A report was just saved: another in 5 s.");

    // A report with a payload is bad input: its sender is closed with the reason, the others play on.
    const closed = new Promise<number>((resolve) => mallory.room.onLeave((code) => resolve(code)));
    mallory.room.send("report", { everything: true } as never);
    expect(await closed).toBe(4002);

    // Between rounds, the whole round just played.
    await waitFor(() => grace.state.phase === "results", "the results", 20_000);
    grace.report();
    await waitFor(() => graceReports.length === 1, "Grace's report");
    const round = readReplayFile(graceReports[0]!.replay);
    expect(graceReports[0]!.file).toMatch(/-round-1-whole-tick-\d+\.replay$/);
    expect(round.complete).toBe(true);
    expect(round.start.tick).toBeLessThanOrEqual(slice.start.tick);
    expect(round.ticks.length).toBeGreaterThan(slice.ticks.length);
    expect(new ReplaySimulation(round).run()).toBeNull();
    expect(room.state.ships.has(ada.sessionId)).toBe(true);
  });

  it("answers a crowd of players pressing Report at once, each with a replay that re-simulates exactly", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: true, settings: { bots: 0 } });
    const guests = await Promise.all(
      Array.from({ length: 11 }, (_, i) => ArenaConnection.join(server.endpoint, `Guest ${i + 1}`, { kind: "code", code: host.code })),
    );
    const players = [host, ...guests];
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code);
    await ticksPass(room.state, 30);
    const answers = players.map(reports);
    for (const player of players) player.report();
    for (const [i, answer] of answers.entries()) await waitFor(() => answer.length === 1, `an answer to player ${i + 1}`);
    for (const answer of answers) {
      expect(answer[0]).not.toBeNull();
      expect(new ReplaySimulation(readReplayFile(answer[0]!.replay)).run()).toBeNull();
    }
    await Promise.all(players.map((player) => player.room.leave()));
  });
});
