// Bullets do not cross the wire: a client draws each from its ship's latest shot
// (server/ShotWire.ts, game/net/ShotFeed.ts). Here a crowd of players joins a bots'
// fight at once, and each sees every bullet the server fired, exactly as fired and
// no other, and none drawn flying on past the ship that stopped it.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { layoutByName } from "../../shared/arena.ts";
import { TICK_RATE } from "../../shared/constants.ts";
import { shotTickAt } from "../../shared/shotField.ts";
import { flightTicks } from "../../shared/flight.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import type { BulletState, WorldEvent } from "../../shared/world.ts";
import { runFrames, ticksPass, useTestServer, waitFor } from "../kit/index.ts";

/** Ships in the room: the watchers, and bots for the rest. */
const SHIPS = 14;
const WATCHERS = 8;
const server = useTestServer({ bots: SHIPS });
const dt = 1 / TICK_RATE;
/** Shots watched: enough for a few dozen hits among them. */
const SHOTS = 150;

const key = (bullet: { owner: string; spawnTick: number }) => `${bullet.owner}:${bullet.spawnTick}`;
/** A bullet as drawn names its shooter and start, which no two of a shooter's bullets share with their velocity. */
const drawnKey = (bullet: Pick<BulletState, "owner" | "x" | "y" | "vx" | "vy">) => `${bullet.owner}:${bullet.x}:${bullet.y}:${bullet.vx}:${bullet.vy}`;

describe("bullets drawn from their ships' shots", () => {
  it("reach a crowd of players joined at once exactly as fired, and are not drawn past the ship that stopped them", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const watchers = await Promise.all(
      Array.from({ length: WATCHERS }, (_, i) => ArenaConnection.join(server.endpoint, `Watcher ${i + 1}`, { kind: "code", code: room.roomId })),
    );
    await ticksPass(room.state, 10);

    // From the next tick on: the server's bullets as fired (by id), the ones a ship stopped in the
    // tick they were fired (gone before they could be read), and each one a ship stopped later:
    // the tick it stopped in, and the tick its flight would have ended had no ship stopped it.
    const from = room.state.tick;
    const fired = new Map<string, BulletState>();
    const goneAtOnce = new Set<string>();
    const stopped = new Map<string, { tick: number; endTick: number }>();
    room.onWorldEvents = (events: readonly WorldEvent[]) => {
      for (const event of events) {
        if (event.type === "shot") {
          const bullet = room.state.bullets.get(event.bullet);
          if (bullet) fired.set(event.bullet, { x: bullet.x, y: bullet.y, vx: bullet.vx, vy: bullet.vy, owner: bullet.owner, spawnTick: bullet.spawnTick });
          else goneAtOnce.add(key({ owner: event.shooter, spawnTick: room.state.tick - 1 }));
        }
        const bullet = event.type === "hit" || event.type === "deflect" ? fired.get(event.bullet) : undefined;
        if (bullet) stopped.set(key(bullet), { tick: room.state.tick, endTick: bullet.spawnTick + flightTicks(bullet, layoutByName(room.state.layout), dt) });
      }
    };

    // What each watcher was told, and how far into its flight (in ticks) it ever drew each bullet.
    const views = watchers.map((watcher) => {
      const seen = new Map<string, BulletState>();
      const byDrawn = new Map<string, string>();
      watcher.onShot((bullet) => {
        seen.set(key(bullet), { ...bullet });
        byDrawn.set(drawnKey(bullet), key(bullet));
      });
      const drawnTicks = new Map<string, number>();
      // The patch (its tick) that told it of each stop: its shooter's shotStopped changed to that shot's tick.
      const stopsTold = new Map<string, number>();
      const stopOf = new Map<string, number>();
      watcher.room.onStateChange((state) => {
        for (const [id, ship] of state.ships) {
          if (stopOf.get(id) === ship.shotStopped) continue;
          stopOf.set(id, ship.shotStopped);
          stopsTold.set(key({ owner: id, spawnTick: shotTickAt(ship.shotStopped, state.tick) }), state.tick);
        }
      });
      const stop = runFrames(watcher, (now) => {
        for (const view of watcher.bullets(now)) {
          const shot = byDrawn.get(drawnKey(view));
          if (shot) drawnTicks.set(shot, Math.max(drawnTicks.get(shot) ?? 0, view.age / dt));
        }
        return NO_CONTROLS;
      });
      return { seen, drawnTicks, stopsTold, stop };
    });
    try {
      await waitFor(() => fired.size + goneAtOnce.size >= SHOTS, `${SHOTS} shots`, 30_000);
      room.onWorldEvents = null;
      await ticksPass(room.state, 30);

      const firedKeys = new Set([...fired.values()].map(key));
      const last = Math.max(...[...fired.values()].map((bullet) => bullet.spawnTick));
      for (const { seen, drawnTicks, stopsTold } of views) {
        // Every bullet, exactly: its start, velocity, shooter and tick; and no other.
        for (const bullet of fired.values()) expect(seen.get(key(bullet)), key(bullet)).toEqual(bullet);
        const others = [...seen.values()].filter((bullet) => bullet.spawnTick >= from && bullet.spawnTick <= last && !firedKeys.has(key(bullet)));
        expect(others.map(key).filter((shot) => !goneAtOnce.has(shot))).toEqual([]);

        // Ships stopped bullets that would have flown on for a while (the control); the watcher was told
        // of each stop, two of a shooter's in one tick too, and drew each bullet no further than the
        // patch that told it (up to 2 ticks past it): never on towards its wall.
        const flownOn = [...stopped].filter(([shot, { tick, endTick }]) => endTick - tick >= 8 && drawnTicks.has(shot));
        expect(flownOn.length).toBeGreaterThanOrEqual(3);
        for (const [shot, { tick }] of flownOn) {
          const told = stopsTold.get(shot);
          expect(told, `the stop of ${shot}`).toBeGreaterThanOrEqual(tick);
          expect(drawnTicks.get(shot)!, shot).toBeLessThanOrEqual(told! - seen.get(shot)!.spawnTick + 2);
        }
      }
    } finally {
      for (const { stop } of views) stop();
      room.onWorldEvents = null;
      await Promise.all(watchers.map((watcher) => watcher.room.leave()));
    }
  }, 60_000);
});
