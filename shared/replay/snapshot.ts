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
 * FNV-1a over every value the rules read or write, in the state's order. Numbers
 * are hashed by their exact bits, so the smallest difference shows.
 */
export function worldChecksum(world: WorldState): number {
  const hash = new Fnv1a();
  hash.numbers(world.tick, world.round, world.phaseEndTick, world.roundSeconds, world.koTarget, world.serial);
  hash.text(world.phase);
  hash.text(world.layout);
  for (const [id, s] of world.ships.entries()) {
    hash.text(id);
    hash.text(s.name);
    hash.text(s.koBy);
    hash.numbers(s.x, s.y, s.vx, s.vy, s.health, s.kos, s.deaths, s.shieldUntil, s.respawnTick, s.dashTicks, s.dashCooldown, s.fireCooldown);
    hash.numbers(s.speedTicks, s.rapidTicks, s.hue, s.alive ? 1 : 0, s.away ? 1 : 0, s.bot ? 1 : 0);
  }
  for (const [id, b] of world.bullets.entries()) {
    hash.text(id);
    hash.text(b.owner);
    hash.numbers(b.x, b.y, b.vx, b.vy, b.spawnTick);
  }
  for (const [id, p] of world.pickups.entries()) {
    hash.text(id);
    hash.numbers(p.readyTick);
  }
  return hash.value;
}

class Fnv1a {
  value = 0x811c9dc5;
  private readonly view = new DataView(new ArrayBuffer(8));

  numbers(...values: number[]): void {
    for (const value of values) {
      this.view.setFloat64(0, value);
      for (let i = 0; i < 8; i++) this.byte(this.view.getUint8(i));
    }
  }

  text(value: string): void {
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      this.byte(code & 0xff);
      this.byte(code >>> 8);
    }
    this.byte(0);
  }

  private byte(byte: number): void {
    this.value = Math.imul(this.value ^ byte, 0x01000193) >>> 0;
  }
}
