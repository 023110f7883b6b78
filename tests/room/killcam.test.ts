// A knocked-out player is sent the seconds before the knock-out, which re-simulate
// on their side to that very knock-out; bots and players not knocked out get none.
import { describe, expect, it } from "vitest";
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { ReplayPlayer } from "../../game/replay/ReplayPlayer.ts";
import { hunter, playersInNewRoom, runFrames, useTestServer, waitFor } from "../kit/index.ts";
import { readReplayFile } from "../../server/replayFile.ts";
import type { KillcamMessage } from "../../shared/messages.ts";
import { KILLCAM_SECONDS } from "../../shared/replay/ReplayRecorder.ts";
import type { WorldEvent } from "../../shared/world.ts";

describe("killcam", () => {
  const server = useTestServer({ bots: 3 });

  it("comes to the knocked-out player alone and re-simulates to the very knock-out, from the killer's side", async () => {
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, ["Ada", "Grace"]);
    for (const player of players) player.meter.simulate(100, 10);
    const kos: Array<{ killer: string; victim: string; tick: number }> = [];
    room.onWorldEvents = (events: readonly WorldEvent[]) => {
      for (const event of events) if (event.type === "ko") kos.push({ killer: event.killer, victim: event.victim, tick: room.state.tick });
    };
    const killcams = new Map<ArenaConnection, KillcamMessage[]>(players.map((player) => [player, []]));
    for (const player of players) player.onKillcam((message) => killcams.get(player)!.push(message));
    const stops = players.map((player) => runFrames(player, hunter(player)));
    await waitFor(() => [...killcams.values()].some((received) => received.length > 0), "a killcam", 40_000);
    for (const stop of stops) stop();

    const [player, [message]] = [...killcams].find(([, received]) => received.length > 0)! as [ArenaConnection, KillcamMessage[]];
    expect(message!.victim).toBe(player.sessionId);
    const ko = kos.find((k) => k.victim === player.sessionId && k.killer === message!.killer)!;
    expect(ko).toBeDefined();
    // Every KO of a player brought that player one killcam; nobody else got one.
    for (const [other, received] of killcams) {
      const knockedOut = kos.filter((k) => k.victim === other.sessionId).length;
      expect(received.length).toBeLessThanOrEqual(knockedOut);
      for (const killcam of received) expect(killcam.victim).toBe(other.sessionId);
    }

    const replay = readReplayFile(message!.replay);
    const killcam = new ReplayPlayer(replay);
    expect(killcam.length).toBeGreaterThanOrEqual(KILLCAM_SECONDS * replay.tickRate);
    const seen: WorldEvent[] = [];
    while (!killcam.simulation.done) seen.push(...killcam.simulation.step());
    expect(killcam.simulation.firstMismatch).toBeNull();
    expect(killcam.simulation.tick).toBe(ko.tick);
    expect(seen).toContainEqual({ type: "ko", killer: message!.killer, victim: player.sessionId });
    expect(message!.respawnTick).toBeGreaterThan(ko.tick);
    console.log(`killcam: ${message!.replay.length} bytes for ${(killcam.length / replay.tickRate).toFixed(1)} s`);
  }, 60_000);
});
