// The core of the rules, as pure functions over the room state: joining, applying
// inputs, bullets and hits, knock-outs and respawns, pickups and rounds. What
// differs between modes (whether a hit counts, what scores, what ends a round and
// who won, where a ship comes back) is asked of the round's mode (modes/). The
// room calls these and nothing else changes the state. Time is counted in ticks of the
// fixed step; randomness comes from seededRandom. No clocks, no Math.random.
import { LAYOUTS, layoutByName, type ArenaLayout, type PickupKind } from "./arena.ts";
import { modeOf } from "./modes/index.ts";
import { balanceTeams, formTeams, joiningTeam } from "./modes/teams.ts";
import { DEFAULT_SETTINGS, type RoomSettings } from "./settings.ts";
import {
  BULLET_DAMAGE,
  BULLET_LIFETIME,
  BULLET_RADIUS,
  HEAL_AMOUNT,
  HIT_KNOCKBACK,
  PICKUP_RADIUS,
  PICKUP_RESPAWN,
  RAPID_FIRE_DURATION,
  RESPAWN_DELAY,
  RESULTS_DURATION,
  SHIELD_PICKUP_DURATION,
  SHIP_HEALTH,
  SHIP_RADIUS,
  SPAWN_SHIELD,
  SPEED_BOOST_DURATION,
} from "./constants.ts";
import { bulletPosition, wallStop } from "./flight.ts";
import { type Box, boxAround, distanceSquared, segmentClearsBox, segmentNearPoint } from "./geometry.ts";
import { seededRandom } from "./random.ts";
import type { BULLET_FIELDS, PICKUP_FIELDS, ROUND_FIELDS, SHIP_FIELDS, Values } from "./entities.ts";
import { onGrid, stepShip, ticks, type ShipControls } from "./step.ts";

/** A ship as the rules see it: the fields of its table (entities.ts). The step reads a part of it (ShipBody). */
export type ShipState = Values<typeof SHIP_FIELDS>;
export type BulletState = Values<typeof BULLET_FIELDS>;
export type PickupState = Values<typeof PICKUP_FIELDS>;
export type Phase = Values<typeof ROUND_FIELDS>["phase"];

/** The keyed collections of the state: a MapSchema on the server, a Map in tests. */
export interface EntityMap<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): unknown;
  delete(key: string): unknown;
  has(key: string): boolean;
  clear(): void;
  keys(): IterableIterator<string>;
  entries(): IterableIterator<[string, V]>;
  values(): IterableIterator<V>;
  /** In the map's order, like entries(), without an entry array per item (for what runs every tick). */
  forEach(visit: (value: V, key: string) => void): void;
  readonly size: number;
}

/** The settings the rules read (settings.ts): the mode, a round's length and targets, and where rounds are played. */
export type MatchRules = Pick<RoomSettings, "mode" | "roundSeconds" | "koTarget" | "holdTarget" | "arena">;

export const DEFAULT_RULES: MatchRules = {
  mode: DEFAULT_SETTINGS.mode,
  roundSeconds: DEFAULT_SETTINGS.roundSeconds,
  koTarget: DEFAULT_SETTINGS.koTarget,
  holdTarget: DEFAULT_SETTINGS.holdTarget,
  arena: DEFAULT_SETTINGS.arena,
};

/** The round's fields (entities.ts), and its entities. */
export interface WorldState extends Values<typeof ROUND_FIELDS> {
  ships: EntityMap<ShipState>;
  bullets: EntityMap<BulletState>;
  pickups: EntityMap<PickupState>;
}

/** Makes new entities: schema instances on the server, plain objects in tests. */
export interface EntityFactory {
  ship(): ShipState;
  bullet(): BulletState;
  pickup(): PickupState;
}

export { bulletPosition } from "./flight.ts";

export type WorldEvent =
  | { type: "shot"; shooter: string; bullet: string }
  | { type: "hit"; shooter: string; target: string; bullet: string; damage: number }
  /** A bullet stopped by a shielded ship: no damage. */
  | { type: "deflect"; shooter: string; target: string; bullet: string }
  | { type: "ko"; killer: string; victim: string }
  | { type: "pickup"; ship: string; kind: PickupKind }
  | { type: "respawn"; ship: string }
  /** `winner`: the ship that won a free-for-all; `team`: the team that won a team round (0: none). */
  | { type: "round-over"; round: number; winner: string | null; team: number }
  | { type: "round-start"; round: number; layout: string };

/** Where a target was at the start (x0, y0) and the end (x1, y1) of the tick being judged. */
export interface SeenMotion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * How a bullet's shooter saw the ships. The server answers with lag compensation
 * (the target rewound to the shooter's screen); a replay with what that decided;
 * bots and tests use the live motion.
 */
export interface Sight {
  /** How the shooter of `bullet` saw `target` move while the bullet flew from age `age - 1` to `age` (in ticks). */
  see(bullet: BulletState, age: number, target: ShipState, bulletId: string, targetId: string): SeenMotion;
  /**
   * A box around every position `see` can answer for `target` this tick, whichever bullet
   * asks, or null if it cannot say. A bullet whose path clears the box by BULLET_REACH is
   * not asked about: most are far from most ships, and every bullet meets every ship.
   */
  bounds(target: ShipState, targetId: string): Box | null;
}

/** The live sight always knows where a ship can be: its motion this tick. */
export type LiveSight = Sight & { bounds(target: ShipState): Box };

/** The target's actual motion this tick, as its velocity says. */
export function liveSight(dt: number): LiveSight {
  const motion = (target: ShipState): SeenMotion => ({ x0: target.x - target.vx * dt, y0: target.y - target.vy * dt, x1: target.x, y1: target.y });
  return {
    see: (_bullet, _age, target) => motion(target),
    bounds: (target) => {
      const { x0, y0, x1, y1 } = motion(target);
      return boxAround(x0, y0, x1, y1);
    },
  };
}

export function layoutOf(world: WorldState): ArenaLayout {
  return layoutByName(world.layout);
}

/** Sets up round 1: on the rules' arena, or on `layout` when they rotate. */
export function startWorld(world: WorldState, factory: EntityFactory, dt: number, rules: MatchRules = DEFAULT_RULES, layout: ArenaLayout = LAYOUTS[0]!): void {
  setRules(world, rules);
  world.round = 1;
  beginRound(world, factory, dt, world.arena === "rotate" ? layout : layoutByName(world.arena));
}

/** The rules from the next round on; the round under way keeps its own. */
export function setRules(world: WorldState, rules: MatchRules): void {
  world.roundSeconds = rules.roundSeconds;
  world.koTarget = rules.koTarget;
  world.holdTarget = rules.holdTarget;
  world.arena = rules.arena;
  world.nextMode = rules.mode;
}

/** Adds a ship for a player or bot, on the smaller team when the mode has teams, at the spawn point farthest from its enemies. */
export function addShip(world: WorldState, id: string, identity: { name: string; hue: number; bot: boolean }, factory: EntityFactory, dt: number): ShipState {
  const ship = factory.ship();
  Object.assign(ship, identity, { kos: 0, deaths: 0, koBy: "", away: false, team: modeOf(world).teams ? joiningTeam(world) : 0 });
  world.ships.set(id, ship);
  respawn(world, id, ship, dt);
  if (world.phase !== "playing") ship.alive = false;
  return ship;
}

/** Takes a ship out; in teams, a bot changes sides if that keeps them within one. */
export function removeShip(world: WorldState, id: string): void {
  world.ships.delete(id);
  for (const [bulletId, bullet] of world.bullets.entries()) {
    if (bullet.owner === id) world.bullets.delete(bulletId);
  }
  if (modeOf(world).teams) balanceTeams(world, (ship) => ship.bot);
}

/** Applies one input to one ship, firing a bullet if the step says so. */
export function applyControls(world: WorldState, id: string, controls: ShipControls, factory: EntityFactory, dt: number, events: WorldEvent[]): void {
  const ship = world.ships.get(id);
  if (!ship) return;
  if (controls.aimX !== 0 || controls.aimY !== 0) ship.aim = Math.atan2(controls.aimY, controls.aimX);
  const shot = stepShip(ship, controls, layoutOf(world), dt);
  if (!shot) return;
  const bulletId = (world.serial++).toString(36);
  const bullet = factory.bullet();
  Object.assign(bullet, shot, { owner: id, spawnTick: world.tick });
  world.bullets.set(bulletId, bullet);
  events.push({ type: "shot", shooter: id, bullet: bulletId });
}

/**
 * Advances everything that is not driven by inputs by one tick: bullets, hits,
 * respawns, pickups, rounds. Bullets hit ships where their shooter sees them.
 */
export function advanceWorld(world: WorldState, factory: EntityFactory, dt: number, events: WorldEvent[], sight: Sight = liveSight(dt)): void {
  world.tick++;
  if (world.phase === "playing") moveBullets(world, dt, events, sight);
  // A KO may have just ended the round: then nothing respawns until the next one.
  if (world.phase === "playing") {
    respawnShips(world, dt, events);
    collectPickups(world, dt, events);
    if (modeOf(world).scoreTick(world, dt) || world.tick >= world.phaseEndTick) endRound(world, dt, events);
  } else if (world.tick >= world.phaseEndTick) {
    world.round++;
    const layout = world.arena === "rotate" ? LAYOUTS[Math.floor(seededRandom(world.round, "layout") * LAYOUTS.length)]! : layoutByName(world.arena);
    beginRound(world, factory, dt, layout);
    events.push({ type: "round-start", round: world.round, layout: layout.name });
  }
}

/**
 * The phase under way ends at the next tick, as if its time were up: a round
 * goes to its results, the results to the next round. (The host's "next round".)
 */
export function endPhase(world: WorldState): void {
  world.phaseEndTick = Math.min(world.phaseEndTick, world.tick + 1);
}

/**
 * A bullet whose path stays farther than this from a ship's centre on either axis
 * cannot hit it: the hit distance and a pixel more, so rounding never decides.
 */
export const BULLET_REACH = SHIP_RADIUS + BULLET_RADIUS + 1;

/** The target's centre, in the coordinates of the path relative to it. */
const SHIP_CENTRE: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 };

/** A ship a bullet may hit this tick, and where its shooter can have seen it (null: anywhere). */
interface Target {
  id: string;
  ship: ShipState;
  seenWithin: Box | null;
}

function moveBullets(world: WorldState, dt: number, events: WorldEvent[], sight: Sight): void {
  if (world.bullets.size === 0) return;
  const layout = layoutOf(world);
  const mode = modeOf(world);
  const lifetime = ticks(BULLET_LIFETIME, dt);
  // Every bullet meets every ship: the ships, and where they can be seen, are found once a tick, not once a bullet.
  const targets: Target[] = [];
  world.ships.forEach((ship, id) => {
    if (ship.alive && !ship.away) targets.push({ id, ship, seenWithin: sight.bounds(ship, id) });
  });
  for (const [id, bullet] of [...world.bullets.entries()]) {
    const age = world.tick - bullet.spawnTick;
    const from = bulletPosition(bullet, age - 1, dt);
    const to = bulletPosition(bullet, age, dt);

    let stopAt = Math.min(age >= lifetime ? 1 : Infinity, wallStop(from, to, layout));

    // A bullet passes through the ships it cannot hurt (its own, teammates).
    const shooter = world.ships.get(bullet.owner);
    let struck: Target | null = null;
    for (const target of targets) {
      const { id: shipId, ship, seenWithin } = target;
      if (shipId === bullet.owner) continue;
      // Most paths pass nowhere near where the ship can be seen: those are not judged.
      if (seenWithin && segmentClearsBox(from.x, from.y, to.x, to.y, seenWithin, BULLET_REACH)) continue;
      // A bullet earlier this tick may have knocked it out.
      if (!ship.alive || (shooter && !mode.hurts(shooter, ship))) continue;
      // Both move during the tick: test the bullet's path relative to the target.
      const seen = sight.see(bullet, age, ship, id, shipId);
      const x0 = from.x - seen.x0;
      const y0 = from.y - seen.y0;
      const x1 = to.x - seen.x1;
      const y1 = to.y - seen.y1;
      // The exact test's call boxes each coordinate (garbage in every room every tick): the paths that pass wide are turned away first.
      if (segmentClearsBox(x0, y0, x1, y1, SHIP_CENTRE, BULLET_REACH)) continue;
      const t = segmentNearPoint(x0, y0, x1, y1, 0, 0, SHIP_RADIUS + BULLET_RADIUS);
      if (t !== null && t <= stopAt) {
        stopAt = t;
        struck = target;
      }
    }
    if (struck) {
      hit(world, id, bullet, struck.id, dt, events);
      // Its knock-back changed how it moves this tick, and so where the next bullets see it.
      struck.seenWithin = sight.bounds(struck.ship, struck.id);
    }
    if (stopAt !== Infinity) world.bullets.delete(id);
  }
}

function hit(world: WorldState, bulletId: string, bullet: BulletState, targetId: string, dt: number, events: WorldEvent[]): void {
  const target = world.ships.get(targetId)!;
  if (world.tick < target.shieldUntil) {
    events.push({ type: "deflect", shooter: bullet.owner, target: targetId, bullet: bulletId });
    return;
  }
  const speed = Math.sqrt(bullet.vx * bullet.vx + bullet.vy * bullet.vy);
  target.vx = onGrid(target.vx + (bullet.vx / speed) * HIT_KNOCKBACK);
  target.vy = onGrid(target.vy + (bullet.vy / speed) * HIT_KNOCKBACK);
  target.health = Math.max(0, target.health - BULLET_DAMAGE);
  events.push({ type: "hit", shooter: bullet.owner, target: targetId, bullet: bulletId, damage: BULLET_DAMAGE });
  if (target.health > 0) return;

  target.alive = false;
  target.vx = 0;
  target.vy = 0;
  target.deaths++;
  target.respawnTick = world.tick + ticks(RESPAWN_DELAY, dt);
  const killer = world.ships.get(bullet.owner);
  target.koBy = killer?.name ?? "";
  events.push({ type: "ko", killer: bullet.owner, victim: targetId });
  if (killer) {
    killer.kos++;
    if (modeOf(world).knockedOut(world, killer)) endRound(world, dt, events);
  }
}

function respawnShips(world: WorldState, dt: number, events: WorldEvent[]): void {
  for (const [id, ship] of world.ships.entries()) {
    if (!ship.alive && world.tick >= ship.respawnTick) {
      respawn(world, id, ship, dt);
      events.push({ type: "respawn", ship: id });
    }
  }
}

/** Back to full health with a brief shield, where the mode says (away from living enemies). */
function respawn(world: WorldState, id: string, ship: ShipState, dt: number): void {
  const spawn = modeOf(world).spawn(world, id);
  Object.assign(ship, {
    x: spawn.x,
    y: spawn.y,
    vx: 0,
    vy: 0,
    alive: true,
    health: SHIP_HEALTH,
    dashTicks: 0,
    dashCooldown: 0,
    fireCooldown: 0,
    speedTicks: 0,
    rapidTicks: 0,
    shieldUntil: world.tick + ticks(SPAWN_SHIELD, dt),
  });
}

function collectPickups(world: WorldState, dt: number, events: WorldEvent[]): void {
  const reach = (SHIP_RADIUS + PICKUP_RADIUS) ** 2;
  for (const pickup of world.pickups.values()) {
    if (world.tick < pickup.readyTick) continue;
    for (const [id, ship] of world.ships.entries()) {
      if (!ship.alive || ship.away || distanceSquared(ship.x, ship.y, pickup.x, pickup.y) > reach) continue;
      const kind = pickup.kind;
      applyPickup(world, ship, kind, dt);
      pickup.readyTick = world.tick + ticks(PICKUP_RESPAWN, dt);
      events.push({ type: "pickup", ship: id, kind });
      break;
    }
  }
}

function applyPickup(world: WorldState, ship: ShipState, kind: PickupKind, dt: number): void {
  switch (kind) {
    case "heal":
      ship.health = Math.min(SHIP_HEALTH, ship.health + HEAL_AMOUNT);
      break;
    case "speed":
      ship.speedTicks = ticks(SPEED_BOOST_DURATION, dt);
      break;
    case "rapid":
      ship.rapidTicks = ticks(RAPID_FIRE_DURATION, dt);
      break;
    case "shield":
      ship.shieldUntil = Math.max(ship.shieldUntil, world.tick + ticks(SHIELD_PICKUP_DURATION, dt));
      break;
  }
}

/** The mode says who won; the round freezes for the results screen. */
function endRound(world: WorldState, dt: number, events: WorldEvent[]): void {
  if (world.phase !== "playing") return;
  world.phase = "results";
  world.phaseEndTick = world.tick + ticks(RESULTS_DURATION, dt);
  world.bullets.clear();
  for (const ship of world.ships.values()) {
    ship.alive = false;
    ship.vx = 0;
    ship.vy = 0;
  }
  const { ship, team } = modeOf(world).winner(world);
  events.push({ type: "round-over", round: world.round, winner: ship, team });
}

function beginRound(world: WorldState, factory: EntityFactory, dt: number, layout: ArenaLayout): void {
  world.layout = layout.name;
  world.mode = world.nextMode;
  formTeams(world, modeOf(world).teams);
  world.redScore = 0;
  world.blueScore = 0;
  world.hill = "neutral";
  world.hillTicks = 0;
  world.phase = "playing";
  world.phaseEndTick = world.tick + ticks(world.roundSeconds, dt);
  world.bullets.clear();
  world.pickups.clear();
  layout.pickups.forEach((spot, index) => {
    const pickup = factory.pickup();
    Object.assign(pickup, { kind: spot.kind, x: spot.x, y: spot.y, readyTick: world.tick });
    world.pickups.set(String(index), pickup);
  });
  for (const ship of world.ships.values()) {
    ship.kos = 0;
    ship.deaths = 0;
    ship.koBy = "";
    ship.alive = false;
  }
  // One by one, so each ship spawns away from those already placed.
  for (const [id, ship] of world.ships.entries()) respawn(world, id, ship, dt);
}
