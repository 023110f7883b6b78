// Bullets do not cross the wire: a client draws each from its ship's latest shot
// (server/ShotWire.ts, game/net/ShotFeed.ts). Here a player watches bots fight
// and sees every bullet the server fired, exactly as fired and no other, and
// none drawn flying on past the ship that stopped it.
import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { layoutByName } from "../../shared/arena.ts";
import { TICK_RATE } from "../../shared/constants.ts";
import { flightTicks } from "../../shared/flight.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import type { BulletState, WorldEvent } from "../../shared/world.ts";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { runFrames, ticksPass, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer({ bots: 6 });
const dt = 1 / TICK_RATE;
/** Shots watched: enough for a few dozen hits among them. */
const SHOTS = 150;

const key = (bullet: { owner: string; spawnTick: number }) => `${bullet.owner}:${bullet.spawnTick}`;

describe("bullets drawn from their ships' shots", () => {
  it("reach a watching player exactly as fired, and are not drawn past the ship that stopped them", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const watcher = await ArenaConnection.join(server.endpoint, "Watcher", { kind: "code", code: room.roomId });
    await ticksPass(watcher.state, 10);

    // The server's bullets as fired (by id), the ones a ship stopped in the tick they were
    // fired (gone before they could be read), and each one a ship stopped later: the tick it
    // stopped in, and the tick its flight would have ended had no ship stopped it.
    const fired = new Map<string, BulletState>();
    const goneAtOnce: string[] = [];
    const stopped = new Map<string, { tick: number; endTick: number }>();
    room.onWorldEvents = (events: readonly WorldEvent[]) => {
      for (const event of events) {
        if (event.type === "shot") {
          const bullet = room.state.bullets.get(event.bullet);
          if (bullet) fired.set(event.bullet, { x: bullet.x, y: bullet.y, vx: bullet.vx, vy: bullet.vy, owner: bullet.owner, spawnTick: bullet.spawnTick });
          else goneAtOnce.push(key({ owner: event.shooter, spawnTick: room.state.tick - 1 }));
        }
        const bullet = event.type === "hit" || event.type === "deflect" ? fired.get(event.bullet) : undefined;
        if (bullet) stopped.set(key(bullet), { tick: room.state.tick, endTick: bullet.spawnTick + flightTicks(bullet, layoutByName(room.state.layout), dt) });
      }
    };

    // What the watcher was told, and how far into its flight (in ticks) it ever drew each bullet.
    const seen = new Map<string, BulletState>();
    watcher.onShot((bullet) => seen.set(key(bullet), { ...bullet }));
    const drawnTicks = new Map<string, number>();
    const stop = runFrames(watcher, (now) => {
      for (const view of watcher.bullets(now)) {
        for (const bullet of seen.values()) {
          if (bullet.owner !== view.owner || bullet.x !== view.x || bullet.y !== view.y || bullet.vx !== view.vx || bullet.vy !== view.vy) continue;
          drawnTicks.set(key(bullet), Math.max(drawnTicks.get(key(bullet)) ?? 0, view.age / dt));
        }
      }
      return NO_CONTROLS;
    });
    try {
      await waitFor(() => fired.size + goneAtOnce.length >= SHOTS, `${SHOTS} shots`, 30_000);
      room.onWorldEvents = null;
      await ticksPass(watcher.state, 30);

      // Every bullet, exactly: its start, velocity, shooter and tick; and no other.
      const firedKeys = new Set([...fired.values()].map(key));
      for (const bullet of fired.values()) expect(seen.get(key(bullet)), key(bullet)).toEqual(bullet);
      const last = Math.max(...[...fired.values()].map((bullet) => bullet.spawnTick));
      const others = [...seen.values()].filter((bullet) => !firedKeys.has(key(bullet)) && bullet.spawnTick <= last);
      expect(others.map(key).filter((shot) => !goneAtOnce.includes(shot))).toEqual([]);

      // Ships stopped bullets that would have flown on for a while (the control), and the watcher drew
      // each no further than the patch that said so (a patch every tick or two, drawn up to 4 ticks ahead
      // of the last and 3 behind): never on towards its wall.
      const flownOn = [...stopped].filter(([shot, { tick, endTick }]) => endTick - tick >= 8 && drawnTicks.has(shot));
      expect(flownOn.length).toBeGreaterThanOrEqual(3);
      for (const [shot, { tick }] of flownOn) {
        const { spawnTick } = seen.get(shot)!;
        expect(drawnTicks.get(shot)!, shot).toBeLessThanOrEqual(tick - spawnTick + 3);
      }
    } finally {
      stop();
      room.onWorldEvents = null;
      await watcher.room.leave();
    }
  }, 60_000);
});
