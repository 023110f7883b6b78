// Our shots appear the moment we fire, and each predicted bullet becomes exactly
// one server bullet, continuing its flight without a jump.
import { describe, expect, it } from "vitest";
import { BULLET_SPEED } from "../../shared/constants.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import type { WorldEvent } from "../../shared/world.ts";
import { playersInNewRoom, runFrames, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();
const SHOTS = 12;
const FIRE_GAP_MS = 250;

describe("predicted bullets", () => {
  it.each([0, 100, 250])("each predicted shot is handed over to exactly one server bullet at %i ms round trip", async (rttMs) => {
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, [`gunner-${rttMs}`]);
    const gunner = players[0]!;
    gunner.meter.simulate(rttMs, 0);
    let serverShots = 0;
    room.onWorldEvents = (events: readonly WorldEvent[]) => {
      serverShots += events.filter((event) => event.type === "shot").length;
    };

    const confirmed = new Set<number>();
    const tracks = new Map<number, Array<{ at: number; x: number; y: number }>>();
    let lastShot = -Infinity;
    const stop = runFrames(gunner, (now) => {
      for (const id of gunner.confirmedShotIds()) confirmed.add(id);
      for (const bullet of gunner.bullets(now)) {
        const track = tracks.get(bullet.id) ?? [];
        track.push({ at: now, x: bullet.x + bullet.vx * bullet.age, y: bullet.y + bullet.vy * bullet.age });
        tracks.set(bullet.id, track);
      }
      const fire = gunner.predictedShots < SHOTS && now - lastShot > FIRE_GAP_MS;
      if (fire) lastShot = now;
      // Down and to the right from the top-left spawn: open floor for the whole flight.
      return { ...NO_CONTROLS, aimX: 3, aimY: 2, fire };
    });
    try {
      await waitFor(() => gunner.predictedShots === SHOTS, `${SHOTS} shots`, 10_000);
      await waitFor(() => room.state.bullets.size === 0 && gunner.liveBullets === 0, "every bullet to land", 5000);
    } finally {
      stop();
    }

    expect(serverShots).toBe(SHOTS);
    expect(confirmed.size).toBe(SHOTS);
    expect(gunner.rejectedShots).toBe(0);
    expect(gunner.liveBullets).toBe(0);
    // One track per shot, and each one flies at bullet speed from frame to frame: no jump at the hand-over.
    expect(tracks.size).toBe(SHOTS);
    for (const track of tracks.values()) {
      for (let i = 1; i < track.length; i++) {
        const seconds = (track[i]!.at - track[i - 1]!.at) / 1000;
        const distance = Math.hypot(track[i]!.x - track[i - 1]!.x, track[i]!.y - track[i - 1]!.y);
        expect(Math.abs(distance - BULLET_SPEED * seconds)).toBeLessThan(2);
      }
    }
    await gunner.room.leave();
  });
});
