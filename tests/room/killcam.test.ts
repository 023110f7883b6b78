// A knocked-out player's killcam is the seconds before the knock-out as their own
// client was shown them: the server sends nothing more for it. What it plays is
// the match as the server had it, patch by patch, up to the very knock-out.
import { describe, expect, it } from "vitest";
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { SeenPlayer } from "../../game/replay/SeenPlayer.ts";
import { KILLCAM_SECONDS } from "../../shared/constants.ts";
import type { WorldEvent } from "../../shared/world.ts";
import { hunter, playersInNewRoom, runFrames, useTestServer, waitFor } from "../kit/index.ts";

describe("killcam", () => {
  const server = useTestServer({ bots: 3 });

  it("plays the seconds before the knock-out from what the knocked-out player's client was shown, to the very knock-out", async () => {
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, ["Ada", "Grace"]);
    for (const player of players) player.meter.simulate(100, 10);
    // The tick of every patch each client was shown.
    const shown = new Map(players.map((player) => [player, [] as number[]]));
    for (const player of players) player.room.onStateChange((state) => shown.get(player)!.push(state.tick));
    // Where the server had every ship after each tick, and the players' knock-outs.
    const positions = new Map<number, Map<string, { x: number; y: number }>>();
    const kos: Array<{ killer: string; victim: string; tick: number }> = [];
    room.onWorldEvents = (events: readonly WorldEvent[]) => {
      positions.set(room.state.tick, new Map([...room.state.ships].map(([id, ship]) => [id, { x: ship.x, y: ship.y }])));
      for (const event of events) if (event.type === "ko") kos.push({ killer: event.killer, victim: event.victim, tick: room.state.tick });
    };
    const stops = players.map((player) => runFrames(player, hunter(player)));
    // A player knocked out once they have played long enough for a whole killcam, and their client showing it.
    const down = (player: ArenaConnection) => player.ownShip?.alive === false;
    const knockedOut = () => players.find((player) => kos.some((ko) => ko.victim === player.sessionId && ko.tick > KILLCAM_SECONDS * 30 + 30) && down(player));
    await waitFor(() => knockedOut() !== undefined, "a player knocked out", 40_000);
    const victim = knockedOut()!;
    const frames = victim.seen.lastSeconds(KILLCAM_SECONDS);
    for (const stop of stops) stop();
    room.onWorldEvents = null;

    const ko = kos.findLast((k) => k.victim === victim.sessionId)!;
    const [first, last] = [frames[0]!.round, frames[frames.length - 1]!.round];
    // The killcam's whole length, patch by patch: a frame for every patch the client was shown
    // from the killcam's start to the knock-out, however late one came on a busy machine.
    const ticks = shown.get(victim)!;
    expect(ticks.findLast((tick) => tick < first.tick)).toBeLessThan(last.tick - KILLCAM_SECONDS * 30);
    expect(frames.map((frame) => frame.round.tick)).toEqual(ticks.filter((tick) => tick >= first.tick && tick <= last.tick));
    const end = frames[frames.length - 1]!;
    expect(end.round.tick).toBeGreaterThanOrEqual(ko.tick);
    expect(end.ships.get(victim.sessionId)!.alive).toBe(false);
    expect(end.ships.get(victim.sessionId)!.koBy).toBe(room.state.ships.get(ko.killer)?.name);
    // Every ship, in every frame, where the server had it at that tick.
    for (const frame of frames) {
      for (const [id, ship] of frame.ships)
        expect({ x: ship.x, y: ship.y }, `${id} at tick ${frame.round.tick}`).toEqual(positions.get(frame.round.tick)!.get(id));
    }
    // The killing shot flew in it.
    expect(frames.some((frame) => frame.bullets.some((bullet) => bullet.owner === ko.killer))).toBe(true);

    // Played back, it draws each ship where its frame has it, gliding between frames, and ends at the knock-out.
    const player = new SeenPlayer(frames, 30);
    expect(player.length).toBe(last.tick - first.tick);
    for (const frame of frames.slice(1)) {
      player.advance(frame.round.tick - player.renderTick);
      const killer = player.ships(ko.killer).find((view) => view.id === ko.killer)!;
      expect({ x: killer.x, y: killer.y }).toEqual({ x: frame.ships.get(ko.killer)!.x, y: frame.ships.get(ko.killer)!.y });
      expect(killer.own).toBe(true);
    }
    expect(player.position).toBe(player.length);
    expect(player.ships(null).find((view) => view.id === victim.sessionId)!.ship.alive).toBe(false);
    for (const player of players) await player.room.leave();
  }, 60_000);
});
