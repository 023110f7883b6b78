// Keyframes (the whole world at one tick) and checksums of the world, the two
// ways a replay pins down the state.
import type { EntityFactory, WorldState } from "../world.ts";
import type { Keyframe, ShipSnapshot } from "./format.ts";

/** The world as it stands; `compensated` says which bullets lag compensation judges. */
export function takeKeyframe(world: WorldState, compensated: (bulletId: string) => boolean): Keyframe {
  return {
    tick: world.tick,
    round: world.round,
    phase: world.phase,
    phaseEndTick: world.phaseEndTick,
    roundSeconds: world.roundSeconds,
    koTarget: world.koTarget,
    layout: world.layout,
    serial: world.serial,
    ships: [...world.ships.entries()].map(
      ([id, s]): ShipSnapshot => ({
        id,
        name: s.name,
        hue: s.hue,
        bot: s.bot,
        x: s.x,
        y: s.y,
        vx: s.vx,
        vy: s.vy,
        aim: s.aim,
        alive: s.alive,
        away: s.away,
        health: s.health,
        kos: s.kos,
        deaths: s.deaths,
        shieldUntil: s.shieldUntil,
        respawnTick: s.respawnTick,
        dashTicks: s.dashTicks,
        dashCooldown: s.dashCooldown,
        fireCooldown: s.fireCooldown,
        speedTicks: s.speedTicks,
        rapidTicks: s.rapidTicks,
        koBy: s.koBy,
      }),
    ),
    bullets: [...world.bullets.entries()].map(([id, b]) => ({
      id,
      x: b.x,
      y: b.y,
      vx: b.vx,
      vy: b.vy,
      owner: b.owner,
      spawnTick: b.spawnTick,
      compensated: compensated(id),
    })),
    pickups: [...world.pickups.entries()].map(([id, p]) => ({ id, kind: p.kind, x: p.x, y: p.y, readyTick: p.readyTick })),
  };
}

/** Puts the world back as the keyframe has it. */
export function restoreKeyframe(world: WorldState, frame: Keyframe, factory: EntityFactory): void {
  Object.assign(world, {
    tick: frame.tick,
    round: frame.round,
    phase: frame.phase,
    phaseEndTick: frame.phaseEndTick,
    roundSeconds: frame.roundSeconds,
    koTarget: frame.koTarget,
    layout: frame.layout,
    serial: frame.serial,
  });
  world.ships.clear();
  for (const { id, ...fields } of frame.ships) world.ships.set(id, Object.assign(factory.ship(), fields));
  world.bullets.clear();
  for (const { id, compensated: _, ...fields } of frame.bullets) world.bullets.set(id, Object.assign(factory.bullet(), fields));
  world.pickups.clear();
  for (const { id, ...fields } of frame.pickups) world.pickups.set(id, Object.assign(factory.pickup(), fields));
}

/**
 * A 32-bit hash of every value the rules read or write, in the state's order.
 * Numbers are hashed by their exact bits (little-endian, whatever the machine),
 * so the smallest difference shows, in every bit of the result (its low byte
 * goes into every tick of a replay).
 */
export function worldChecksum(world: WorldState): number {
  const hash = new WordHash();
  for (const value of [world.tick, world.round, world.phaseEndTick, world.roundSeconds, world.koTarget, world.serial]) hash.number(value);
  hash.text(world.phase);
  hash.text(world.layout);
  // Names and bullets' owners are left out: they are set once (a ship's name at its
  // join, which the replay records), so the hash is cheap enough for every tick.
  for (const [id, s] of world.ships.entries()) {
    hash.text(id);
    hash.text(s.koBy);
    hash.number(s.x);
    hash.number(s.y);
    hash.number(s.vx);
    hash.number(s.vy);
    hash.number(s.health);
    hash.number(s.kos);
    hash.number(s.deaths);
    hash.number(s.shieldUntil);
    hash.number(s.respawnTick);
    hash.number(s.dashTicks);
    hash.number(s.dashCooldown);
    hash.number(s.fireCooldown);
    hash.number(s.speedTicks);
    hash.number(s.rapidTicks);
    hash.number(s.hue);
    hash.word((s.alive ? 1 : 0) | (s.away ? 2 : 0) | (s.bot ? 4 : 0));
  }
  for (const [id, b] of world.bullets.entries()) {
    hash.text(id);
    hash.number(b.x);
    hash.number(b.y);
    hash.number(b.vx);
    hash.number(b.vy);
    hash.number(b.spawnTick);
  }
  for (const [id, p] of world.pickups.entries()) {
    hash.text(id);
    hash.number(p.readyTick);
  }
  return hash.value;
}

/** FNV-1a's step over 32-bit words, each folding its high bits down, and murmur3's finaliser. */
class WordHash {
  private state = 0x811c9dc5;
  private readonly view = new DataView(new ArrayBuffer(8));

  number(value: number): void {
    this.view.setFloat64(0, value, true);
    this.word(this.view.getUint32(0, true));
    this.word(this.view.getUint32(4, true));
  }

  text(value: string): void {
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
    this.word(0xffffffff);
  }

  word(word: number): void {
    const mixed = Math.imul(this.state ^ word, 0x01000193);
    this.state = (mixed ^ (mixed >>> 16)) >>> 0;
  }

  get value(): number {
    let h = this.state;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
}
