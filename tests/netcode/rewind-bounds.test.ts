// The rules skip the ships a bullet cannot reach, by where lag compensation says each
// can be seen (its bounds: the rewind history's box, RewindBounds, and the live
// motion): that must never change whether a shot hits. Shots are judged against
// ships that move, dash and jump (respawn) in the rewind history, and no shot that
// hits a ship is one the skip would have passed over.
import { Rewind } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { LagCompensation } from "../../server/LagCompensation.ts";
import { BULLET_RADIUS, BULLET_SPEED, MAX_REWIND_MS, PATCH_RATE, SHIP_RADIUS, TICK_RATE } from "../../shared/constants.ts";
import { seededRandom } from "../../shared/random.ts";
import { BULLET_FIELDS, initialValues } from "../../shared/entities.ts";
import { ArenaState, Ship } from "../../shared/schema.ts";
import { segmentClearsBox, segmentNearPoint } from "../../shared/geometry.ts";
import { BULLET_REACH, bulletPosition } from "../../shared/world.ts";

const dt = 1 / TICK_RATE;
const PATCH_MS = 1000 / PATCH_RATE;

describe("lag compensation's reach test", () => {
  it("skips most of 20,000 shots' 160,000 bullet–ship pairs, and none that hits", () => {
    const state = new ArenaState();
    const ships = Array.from({ length: 8 }, (_, i) => {
      const ship = new Ship();
      Object.assign(ship, { x: 100 + i * 140, y: 360, alive: true });
      state.ships.set(`s${i}`, ship);
      return ship;
    });
    // The rewind a room makes with allowRewindState, made here without a room.
    const rewind = new (Rewind as unknown as new (maxRewindMs: number) => Rewind)(MAX_REWIND_MS);
    rewind.attachAll(state.ships, { fields: ["x", "y"] });
    let now = 1000;
    const lag = new LagCompensation(
      rewind,
      dt,
      () => now,
      () => state.ships.values(),
    );
    let draw = 0;
    const random = () => seededRandom(draw++, "rewind-bounds");

    let pairs = 0;
    let skipped = 0;
    let hits = 0;
    for (let patch = 0; patch < 2000; patch++) {
      now += PATCH_MS;
      for (const ship of ships) {
        // Mostly flying about, now and then a dash's burst, and now and then a jump across the arena (a respawn).
        const jump = random() < 0.01;
        const speed = random() < 0.1 ? 880 : 320;
        const [x, y] = [ship.x, ship.y];
        ship.x = jump ? random() * 1280 : Math.min(1264, Math.max(16, ship.x + (random() * 2 - 1) * speed * (PATCH_MS / 1000)));
        ship.y = jump ? random() * 720 : Math.min(704, Math.max(16, ship.y + (random() * 2 - 1) * speed * (PATCH_MS / 1000)));
        // The velocity the live motion reads (a bullet judged live sees the ship move by it).
        ship.vx = jump ? 0 : (ship.x - x) / (PATCH_MS / 1000);
        ship.vy = jump ? 0 : (ship.y - y) / (PATCH_MS / 1000);
      }
      rewind.record(now, PATCH_MS);
      // Ten shots a patch from anywhere, fired at a ship (or near one), seen up to the rewind bound ago.
      for (let shot = 0; shot < 10; shot++) {
        const bullet = initialValues(BULLET_FIELDS);
        const aimed = ships[Math.floor(random() * ships.length)]!;
        const angle = random() * Math.PI * 2;
        Object.assign(bullet, { x: aimed.x + Math.cos(angle) * 300, y: aimed.y + Math.sin(angle) * 300, spawnTick: 0 });
        const toward = Math.atan2(aimed.y - bullet.y, aimed.x - bullet.x) + (random() - 0.5) * 0.3;
        Object.assign(bullet, { vx: Math.cos(toward) * BULLET_SPEED, vy: Math.sin(toward) * BULLET_SPEED });
        // One in ten is judged live (a stamp that cannot be trusted).
        const stamp = random() < 0.1 ? 0 : now - random() * MAX_REWIND_MS;
        lag.noteShot(bullet, stamp);
        const age = 1 + Math.floor(random() * 8);
        const from = bulletPosition(bullet, age - 1, dt);
        const to = bulletPosition(bullet, age, dt);
        for (const [id, ship] of state.ships.entries()) {
          const seen = lag.sight.see(bullet, age, ship, "b", id);
          const hit = segmentNearPoint(from.x - seen.x0, from.y - seen.y0, to.x - seen.x1, to.y - seen.y1, 0, 0, SHIP_RADIUS + BULLET_RADIUS);
          const bounds = lag.sight.bounds(ship, id);
          const passedOver = bounds !== null && segmentClearsBox(from.x, from.y, to.x, to.y, bounds, BULLET_REACH);
          pairs++;
          if (passedOver) skipped++;
          if (hit !== null) hits++;
          expect(hit !== null && passedOver, `shot ${patch}/${shot} at ${id}`).toBe(false);
        }
      }
    }
    console.log(`reach test: ${hits} hits in ${pairs} bullet–ship pairs; ${((100 * skipped) / pairs).toFixed(0)} % of the pairs skipped`);
    // The positive control: the shots do hit, and the skip does skip.
    expect(hits).toBeGreaterThan(300);
    expect(skipped / pairs).toBeGreaterThan(0.5);
  });
});
