// Each mode's rules on plain state (shared/modes/): teams kept even as ships come
// and go, no friendly fire, what scores, what ends a round and who wins it.
import { describe, expect, it } from "vitest";
import { CROSSROADS, FOUNDRY } from "../../shared/arena.ts";
import { botControls } from "../../shared/bots.ts";
import { BULLET_DAMAGE, RESULTS_DURATION, SHIP_HEALTH } from "../../shared/constants.ts";
import { hillState } from "../../shared/modes/koth.ts";
import { leavingBot, switchTeam, teamSizes } from "../../shared/modes/teams.ts";
import { ticks } from "../../shared/step.ts";
import { addShip, removeShip, type WorldEvent, type WorldState } from "../../shared/world.ts";
import { dt, FIRE_RIGHT, newWorld, place, plainFactory, play } from "../kit/index.ts";

function join(world: WorldState, id: string, bot = false) {
  return addShip(world, id, { name: id, hue: 0, bot }, plainFactory, dt);
}

function teamsOf(world: WorldState): Record<string, number> {
  return Object.fromEntries([...world.ships.entries()].map(([id, ship]) => [id, ship.team]));
}

/** Fires one bullet from `shooter` to the right and lets it fly. */
function shootRight(world: WorldState, shooter: string, flightTicks = 15): WorldEvent[] {
  const firingTick = world.tick;
  return play(world, flightTicks, (id, tick) => (id === shooter && tick === firingTick ? FIRE_RIGHT : undefined));
}

describe("teams", () => {
  it("put each joining ship on the smaller team, and none on a team in free-for-all", () => {
    const tdm = newWorld(CROSSROADS, { mode: "tdm" });
    for (const id of ["a", "b", "c", "d", "e", "f", "g"]) join(tdm, id);
    expect(teamsOf(tdm)).toEqual({ a: 1, b: 2, c: 1, d: 2, e: 1, f: 2, g: 1 });

    const ffa = newWorld();
    for (const id of ["a", "b", "c"]) join(ffa, id);
    expect(teamsOf(ffa)).toEqual({ a: 0, b: 0, c: 0 });
  });

  it("stay within one as ships leave: a bot changes sides, a player is never moved mid-round", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm" });
    for (const id of ["p1", "p2", "p3"]) join(world, id);
    for (const id of ["bot-1", "bot-2", "bot-3"]) join(world, id, true);
    expect(teamsOf(world)).toEqual({ p1: 1, p2: 2, p3: 1, "bot-1": 2, "bot-2": 1, "bot-3": 2 });

    // Red loses two players: Blue's newest bot comes over.
    removeShip(world, "p1");
    removeShip(world, "p3");
    expect(teamSizes(world)).toEqual({ 1: 2, 2: 2 });
    expect(world.ships.get("bot-3")!.team).toBe(1);
  });

  it("are evened out at the next round when only players could move", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm" });
    for (const id of ["p1", "p2", "p3", "p4"]) join(world, id);
    removeShip(world, "p1");
    removeShip(world, "p3");
    expect(teamSizes(world)).toEqual({ 1: 0, 2: 2 });
    play(world, world.phaseEndTick - world.tick + ticks(RESULTS_DURATION, dt) + 1);
    expect(world.round).toBe(2);
    expect(teamSizes(world)).toEqual({ 1: 1, 2: 1 });
  });

  it("let a player switch while bots can even them out, and refuse when they cannot", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm" });
    join(world, "p1");
    join(world, "p2");
    expect(switchTeam(world, "p1", dt)).toBe("The teams would be uneven: Blue has more ships.");
    expect(world.ships.get("p1")!.team).toBe(1);

    join(world, "bot-1", true);
    join(world, "bot-2", true);
    expect(switchTeam(world, "p1", dt)).toBeNull();
    expect(teamsOf(world)).toEqual({ p1: 2, p2: 2, "bot-1": 1, "bot-2": 1 });
    // The switch takes the ship out of play, to come back for its new side.
    expect(world.ships.get("p1")!.alive).toBe(false);
    expect(world.ships.get("p1")!.deaths).toBe(0);

    expect(switchTeam(newWorld(), "nobody", dt)).toBe("There are no teams in this mode.");
  });

  it("send the newest bot of the bigger team away when a player takes its place", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm" });
    for (const id of ["bot-1", "bot-2", "bot-3", "bot-4"]) join(world, id, true);
    join(world, "p1");
    expect(world.ships.get("p1")!.team).toBe(1);
    expect(leavingBot(world, ["bot-1", "bot-2", "bot-3", "bot-4"])).toBe("bot-3");
  });

  it("are formed as a round begins in a team mode, and dropped in free-for-all", () => {
    const world = newWorld();
    for (const id of ["a", "b", "c", "d"]) join(world, id);
    world.nextMode = "tdm";
    play(world, world.phaseEndTick - world.tick + ticks(RESULTS_DURATION, dt) + 1);
    expect(world.mode).toBe("tdm");
    expect(teamSizes(world)).toEqual({ 1: 2, 2: 2 });
    world.nextMode = "ffa";
    play(world, world.phaseEndTick - world.tick + ticks(RESULTS_DURATION, dt) + 1);
    expect(Object.values(teamsOf(world))).toEqual([0, 0, 0, 0]);
  });
});

describe("Team Deathmatch", () => {
  it("lets a bullet pass through a teammate to the enemy behind; the same shot hits an enemy in the teammate's place", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm" });
    const shooter = place(world, "a", 400, 500);
    const mate = place(world, "mate", 560, 500);
    const enemy = place(world, "enemy", 700, 500);
    Object.assign(shooter, { team: 1 });
    Object.assign(mate, { team: 1 });
    Object.assign(enemy, { team: 2 });
    const events = shootRight(world, "a");
    expect(mate.health).toBe(SHIP_HEALTH);
    expect(events.filter((event) => event.type === "hit")).toEqual([expect.objectContaining({ target: "enemy" })]);
    expect(enemy.health).toBe(SHIP_HEALTH - BULLET_DAMAGE);

    // Positive control: the same ship in the same place, on the other team, is hit.
    mate.team = 2;
    shooter.fireCooldown = 0;
    const control = shootRight(world, "a");
    expect(control.filter((event) => event.type === "hit")).toEqual([expect.objectContaining({ target: "mate" })]);
    expect(mate.health).toBe(SHIP_HEALTH - BULLET_DAMAGE);
  });

  it("scores each enemy KO for the shooter's team, and ends at the team's KO target with that team the winner", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm", koTarget: 2 });
    const a = place(world, "a", 400, 500);
    const b = place(world, "b", 560, 500);
    a.team = 1;
    b.team = 2;
    const events: WorldEvent[] = [];
    for (let ko = 0; ko < 2; ko++) {
      Object.assign(b, { alive: true, health: BULLET_DAMAGE, x: 560, y: 500, shieldUntil: 0 });
      a.fireCooldown = 0;
      events.push(...shootRight(world, "a"));
    }
    expect({ red: world.redScore, blue: world.blueScore, kos: a.kos }).toEqual({ red: 2, blue: 0, kos: 2 });
    expect(world.phase).toBe("results");
    expect(events).toContainEqual({ type: "round-over", round: 1, winner: null, team: 1 });
  });

  it("gives the round to the team ahead when the clock runs out, and to no team on a draw", () => {
    const ahead = newWorld(CROSSROADS, { mode: "tdm" });
    ahead.blueScore = 3;
    ahead.redScore = 1;
    expect(play(ahead, ahead.phaseEndTick - ahead.tick)).toContainEqual({ type: "round-over", round: 1, winner: null, team: 2 });

    const level = newWorld(CROSSROADS, { mode: "tdm" });
    level.blueScore = 2;
    level.redScore = 2;
    expect(play(level, level.phaseEndTick - level.tick)).toContainEqual({ type: "round-over", round: 1, winner: null, team: 0 });
  });

  it("has bots go for enemies and never fire at a lone teammate", () => {
    const world = newWorld(CROSSROADS, { mode: "tdm" });
    const bot = join(world, "bot-1", true);
    const mate = join(world, "mate");
    Object.assign(bot, { x: 400, y: 500, team: 1 });
    Object.assign(mate, { x: 550, y: 500, team: 1 });
    expect(botControls(world, "bot-1", dt).fire).toBe(false);
    mate.team = 2;
    expect(botControls(world, "bot-1", dt).fire).toBe(true);
  });
});

describe("King of the Hill", () => {
  const hill = FOUNDRY.hill;

  function kothWorld(holdTarget = 60) {
    const world = newWorld(FOUNDRY, { mode: "koth", holdTarget });
    const red = place(world, "red", hill.x, hill.y);
    const blue = place(world, "blue", 80, 80);
    red.team = 1;
    blue.team = 2;
    return { world, red, blue };
  }

  it("scores a point for each full second one team holds the hill alone", () => {
    const { world } = kothWorld();
    play(world, ticks(3, dt));
    expect(world.hill).toBe("red");
    expect({ red: world.redScore, blue: world.blueScore }).toEqual({ red: 3, blue: 0 });
  });

  it("scores nothing while both teams are on it (contested), or no one is (neutral)", () => {
    const { world, blue, red } = kothWorld();
    Object.assign(blue, { x: hill.x + 40, y: hill.y });
    play(world, ticks(3, dt));
    expect(world.hill).toBe("contested");
    expect({ red: world.redScore, blue: world.blueScore }).toEqual({ red: 0, blue: 0 });

    Object.assign(red, { x: 80, y: 640 });
    Object.assign(blue, { x: 1200, y: 80 });
    play(world, ticks(3, dt));
    expect(world.hill).toBe("neutral");
    expect({ red: world.redScore, blue: world.blueScore }).toEqual({ red: 0, blue: 0 });
    expect(hillState(world)).toBe("neutral");
  });

  it("ends the round at the hold target with the holder the winner; a KO scores no points", () => {
    const { world } = kothWorld(5);
    const events = play(world, ticks(6, dt));
    expect(world.redScore).toBe(5);
    expect(world.phase).toBe("results");
    expect(events).toContainEqual({ type: "round-over", round: 1, winner: null, team: 1 });
  });

  it("never spawns a ship on the hill", () => {
    const world = newWorld(FOUNDRY, { mode: "koth" });
    for (let i = 0; i < 8; i++) {
      const ship = join(world, `s${i}`);
      expect((ship.x - hill.x) ** 2 + (ship.y - hill.y) ** 2).toBeGreaterThan(hill.radius ** 2);
    }
  });

  it("sends bots to the hill before they fight", () => {
    const { world } = kothWorld();
    world.ships.delete("red");
    const bot = join(world, "bot-1", true);
    Object.assign(bot, { x: 100, y: 360, team: 1, shieldUntil: 0 });
    for (let i = 0; i < ticks(8, dt); i++) play(world, 1, (id) => (id === "bot-1" ? botControls(world, id, dt) : undefined));
    expect((bot.x - hill.x) ** 2 + (bot.y - hill.y) ** 2).toBeLessThanOrEqual(hill.radius ** 2);
    expect(world.redScore).toBeGreaterThan(0);
  });
});
