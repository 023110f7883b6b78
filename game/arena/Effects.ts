import type Phaser from "phaser";
import { addArc } from "../draw/paths.ts";
import { COLORS } from "../palette.ts";

const FLASH_MS = 90;
const RING_MS = 420;
/** How far a knock-out's ring grows (its line thickens with it). */
const RING_GROWTH = 3.2;
const SPARKS = 36;
const SPARK_RADIUS = 4;
const SPARK_SPEED = { min: 60, max: 320 };
const SPARK_MS = { min: 250, max: 650 };
/** Sparks fade in this many steps of alpha: one fill a step, where each spark was an image of its own. */
const SPARK_FADE_STEPS = 4;

interface Flash {
  x: number;
  y: number;
  cos: number;
  sin: number;
  color: number;
  at: number;
}

interface Burst {
  x: number;
  y: number;
  color: number;
  at: number;
  /** Each spark's velocity (px/ms) and lifetime (ms): three numbers a spark. */
  sparks: Float32Array;
}

/**
 * Short-lived feedback: muzzle flashes, knock-out rings and sparks, and screen
 * shake. Presentation only. Every effect is a few numbers, drawn each frame into
 * two shared layers: the Canvas renderer pays per object drawn, and a knock-out's
 * sparks as particles were 36 images for half a second.
 */
export class Effects {
  private readonly scene: Phaser.Scene;
  /** Muzzle flashes, over the bullets. */
  private readonly flashLayer: Phaser.GameObjects.Graphics;
  /** Knock-out rings and sparks, over the flashes. */
  private readonly burstLayer: Phaser.GameObjects.Graphics;
  private readonly flashes: Flash[] = [];
  private readonly bursts: Burst[] = [];

  /** Screen shake on hits (the settings panel can turn it off). */
  shakeEnabled = true;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.flashLayer = scene.add.graphics().setDepth(7);
    this.burstLayer = scene.add.graphics().setDepth(8);
    // After the scene's own update, so an effect it starts shows in the same frame.
    scene.events.on("postupdate", this.draw, this);
    scene.events.once("shutdown", () => scene.events.off("postupdate", this.draw, this));
  }

  muzzleFlash(x: number, y: number, angle: number, color: number): void {
    this.flashes.push({ x, y, cos: Math.cos(angle), sin: Math.sin(angle), color, at: this.scene.time.now });
  }

  knockOut(x: number, y: number, color: number): void {
    const sparks = new Float32Array(SPARKS * 3);
    for (let i = 0; i < SPARKS; i++) {
      const direction = Math.random() * Math.PI * 2;
      const speed = (SPARK_SPEED.min + Math.random() * (SPARK_SPEED.max - SPARK_SPEED.min)) / 1000;
      sparks[i * 3] = Math.cos(direction) * speed;
      sparks[i * 3 + 1] = Math.sin(direction) * speed;
      sparks[i * 3 + 2] = SPARK_MS.min + Math.random() * (SPARK_MS.max - SPARK_MS.min);
    }
    this.bursts.push({ x, y, color, at: this.scene.time.now, sparks });
  }

  shake(): void {
    if (this.shakeEnabled) this.scene.cameras.main.shake(140, 0.006);
  }

  private draw(now: number): void {
    this.flashLayer.clear();
    this.burstLayer.clear();
    dropExpired(this.flashes, now, FLASH_MS);
    dropExpired(this.bursts, now, Math.max(RING_MS, SPARK_MS.max));
    for (const flash of this.flashes) this.drawFlash(flash, 1 - (now - flash.at) / FLASH_MS);
    for (const burst of this.bursts) this.drawBurst(burst, now - burst.at);
  }

  /** A white dot and a flame in the ship's colour, just ahead of the gun. */
  private drawFlash({ x, y, cos, sin, color }: Flash, alpha: number): void {
    const g = this.flashLayer;
    // Along the aim (a) and across it (b), from the ship's centre.
    const at = (a: number, b: number): [number, number] => [x + a * cos - b * sin, y + a * sin + b * cos];
    g.fillStyle(COLORS.white, 0.95 * alpha);
    g.fillCircle(...at(22, 0), 6);
    g.fillStyle(color, 0.7 * alpha);
    g.fillTriangle(...at(18, -7), ...at(18, 7), ...at(36, 0));
  }

  /** The ring grows and fades; each spark flies straight, shrinking and fading over its own lifetime. */
  private drawBurst({ x, y, color, sparks }: Burst, age: number): void {
    const g = this.burstLayer;
    if (age < RING_MS) {
      const share = age / RING_MS;
      const scale = 1 + (RING_GROWTH - 1) * share;
      g.lineStyle(3 * scale, color, 1 - share);
      g.strokeCircle(x, y, 18 * scale);
    }
    for (let step = 0; step < SPARK_FADE_STEPS; step++) {
      let begun = false;
      for (let i = 0; i < sparks.length; i += 3) {
        const left = 1 - age / sparks[i + 2]!;
        if (left <= 0 || Math.min(SPARK_FADE_STEPS - 1, Math.floor(left * SPARK_FADE_STEPS)) !== step) continue;
        if (!begun) {
          g.fillStyle(color, (step + 1) / SPARK_FADE_STEPS);
          g.beginPath();
          begun = true;
        }
        addArc(g, x + sparks[i]! * age, y + sparks[i + 1]! * age, SPARK_RADIUS * left);
      }
      if (begun) g.fillPath();
    }
  }
}

/** Drops the effects older than `lifetime` (ms): they were added in time order. */
function dropExpired(effects: Array<{ at: number }>, now: number, lifetime: number): void {
  let expired = 0;
  while (expired < effects.length && now - effects[expired]!.at >= lifetime) expired++;
  if (expired > 0) effects.splice(0, expired);
}
