// The rules of a fight, each written once as a scenario and played at both levels:
// on plain state (milliseconds), then through a real room with real players at
// 80 ms round trip (the same verbs, waiting on the server's ticks).
import { describe, expect, it } from "vitest";
import { BULLET_DAMAGE, DASH_SPEED, SHIP_HEALTH, SHIP_MAX_SPEED, SHIP_RADIUS } from "../../shared/constants.ts";
import { levels, scenario, useTestServer } from "../kit/index.ts";

const server = useTestServer();
const ROUND_TRIP = { rttMs: 80, jitterMs: 10 };

const hit = scenario({ ships: { Alpha: { at: { x: 500, y: 500 } }, Bravo: { at: { x: 700, y: 500 } } }, ...ROUND_TRIP }, async (match) => {
  match.ship("Alpha").aimAt("Bravo");
  match.ship("Alpha").fire();
  await match.until(() => match.events.some((event) => event.type === "hit"), "the hit");
  match.expectShips({ Bravo: { health: SHIP_HEALTH - BULLET_DAMAGE, alive: true }, Alpha: { health: SHIP_HEALTH } });
  // The hit pushes the target away from the shooter.
  expect(match.ship("Bravo").state.vx).toBeGreaterThan(0);
});

const knockOut = scenario(
  { ships: { Alpha: { at: { x: 500, y: 500 } }, Bravo: { at: { x: 700, y: 500 }, health: BULLET_DAMAGE } }, ...ROUND_TRIP },
  async (match) => {
    match.ship("Alpha").aimAt("Bravo");
    match.ship("Alpha").fire();
    await match.until(() => match.events.some((event) => event.type === "ko"), "the knock-out");
    expect(match.events.filter((event) => event.type === "ko")).toEqual([expect.objectContaining({ killer: "Alpha", victim: "Bravo" })]);
    match.expectShips({ Alpha: { kos: 1, deaths: 0 }, Bravo: { alive: false, health: 0, deaths: 1, koBy: "Alpha" } });
  },
);

// The pillar in the middle of Crossroads spans x 600-680, y 320-400.
const behindCover = scenario({ ships: { Alpha: { at: { x: 540, y: 360 } }, Bravo: { at: { x: 760, y: 360 } } }, ...ROUND_TRIP }, async (match) => {
  const alpha = match.ship("Alpha");
  // Alpha flies at the pillar and stops against it.
  alpha.moveTo({ x: 760, y: 360 });
  await match.until(() => alpha.state.x === 600 - SHIP_RADIUS, "Alpha to reach the pillar");
  await match.wait(10);
  match.expectShips({ Alpha: { x: 600 - SHIP_RADIUS, y: 360 } });
  alpha.stop();
  alpha.aimAt("Bravo");
  alpha.fire();
  alpha.fire();
  const shots = () => match.events.filter((event) => event.type === "shot");
  await match.until(
    () => shots().length === 2 && shots().every((shot) => shot.type === "shot" && !match.world.bullets.has(shot.bullet)),
    "two shots fired and stopped",
  );
  expect(match.events.filter((event) => event.type === "hit")).toEqual([]);
  match.expectShips({ Bravo: { health: SHIP_HEALTH } });
});

const dash = scenario({ ships: { Alpha: { at: { x: 100, y: 360 } } }, ...ROUND_TRIP }, async (match) => {
  const alpha = match.ship("Alpha");
  alpha.moveTo({ x: 1100, y: 360 });
  await match.until(() => alpha.state.vx > 100, "Alpha to get going");
  alpha.dash();
  await match.until(() => alpha.state.dashTicks > 0, "the dash");
  expect(alpha.state.vx).toBeGreaterThan(SHIP_MAX_SPEED);
  expect(alpha.state.vx).toBeLessThanOrEqual(DASH_SPEED);
  // A second dash right after does nothing: the cooldown holds it back.
  await match.until(() => alpha.state.dashTicks === 0, "the burst to end");
  const cooldown = alpha.state.dashCooldown;
  expect(cooldown).toBeGreaterThan(0);
  alpha.dash();
  await match.wait(5);
  expect(alpha.state.dashTicks).toBe(0);
  expect(alpha.state.dashCooldown).toBeLessThan(cooldown);
});

const friendlyFire = scenario(
  {
    settings: { mode: "tdm" },
    ships: { Alpha: { at: { x: 400, y: 500 }, team: 1 }, Bravo: { at: { x: 600, y: 500 }, team: 1 }, Charlie: { at: { x: 800, y: 500 }, team: 2 } },
    ...ROUND_TRIP,
  },
  async (match) => {
    match.ship("Alpha").aimAt({ x: 800, y: 500 });
    match.ship("Alpha").fire();
    await match.until(() => match.events.some((event) => event.type === "hit"), "the shot to reach Charlie");
    // The bullet flew through Bravo, Alpha's teammate, and hit Charlie behind.
    expect(match.events.filter((event) => event.type === "hit")).toEqual([expect.objectContaining({ shooter: "Alpha", target: "Charlie" })]);
    match.expectShips({ Bravo: { health: SHIP_HEALTH }, Charlie: { health: SHIP_HEALTH - BULLET_DAMAGE } });
  },
);

const koTarget = scenario(
  { settings: { koTarget: 1 }, ships: { Alpha: { at: { x: 500, y: 500 } }, Bravo: { at: { x: 700, y: 500 }, health: BULLET_DAMAGE } }, ...ROUND_TRIP },
  async (match) => {
    match.ship("Alpha").aimAt("Bravo");
    match.ship("Alpha").fire();
    await match.until(() => match.world.phase === "results", "the round to end");
    expect(match.events.filter((event) => event.type === "round-over")).toEqual([expect.objectContaining({ round: 1, winner: "Alpha" })]);
    match.expectShips({ Alpha: { kos: 1 } });
  },
);

describe.each(levels(server))("at the %s level", (_level, play) => {
  it("a hit takes the bullet's damage off the target and pushes it away", () => play(hit));
  it("a KO scores for the shooter and counts a death for the victim", () => play(knockOut));
  it("walls stop ships, and bullets: a ship behind cover is not hit by shots that were fired", () => play(behindCover));
  it("a dash bursts the ship forward and its cooldown holds back a second one", () => play(dash));
  it("in Team Deathmatch a bullet passes through a teammate and hits the enemy behind", () => play(friendlyFire));
  it("a round ends as soon as someone reaches the KO target, and names them the winner", () => play(koTarget));
});
