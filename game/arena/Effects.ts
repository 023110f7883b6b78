import type Phaser from "phaser";
import { COLORS } from "../palette.ts";

const SPARK = "spark";

/** Short-lived feedback: muzzle flashes, KO bursts and screen shake. Presentation only. */
export class Effects {
  private readonly sparks: Phaser.GameObjects.Particles.ParticleEmitter;

  private readonly scene: Phaser.Scene;
  private readonly spare: Phaser.GameObjects.Graphics[] = [];

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    if (!scene.textures.exists(SPARK)) {
      const g = scene.make.graphics({}, false);
      g.fillStyle(COLORS.white, 1);
      g.fillCircle(4, 4, 4);
      g.generateTexture(SPARK, 8, 8);
      g.destroy();
    }
    this.sparks = scene.add
      .particles(0, 0, SPARK, {
        speed: { min: 60, max: 320 },
        lifespan: { min: 250, max: 650 },
        scale: { start: 1, end: 0 },
        alpha: { start: 1, end: 0 },
        emitting: false,
      })
      .setDepth(8);
  }

  muzzleFlash(x: number, y: number, angle: number, color: number): void {
    const flash = this.graphic(x, y, 7).setRotation(angle);
    flash.fillStyle(COLORS.white, 0.95);
    flash.fillCircle(22, 0, 6);
    flash.fillStyle(color, 0.7);
    flash.fillTriangle(18, -7, 18, 7, 36, 0);
    this.scene.tweens.add({ targets: flash, alpha: 0, duration: 90, onComplete: () => this.done(flash) });
  }

  knockOut(x: number, y: number, color: number): void {
    this.sparks.setParticleTint(color);
    this.sparks.explode(36, x, y);
    const ring = this.graphic(x, y, 8);
    ring.lineStyle(3, color, 1);
    ring.strokeCircle(0, 0, 18);
    this.scene.tweens.add({ targets: ring, scale: 3.2, alpha: 0, duration: 420, onComplete: () => this.done(ring) });
  }

  /** A blank graphic at (x, y): one that has played its part, or a new one. Every shot flashes, and objects are dear to make. */
  private graphic(x: number, y: number, depth: number): Phaser.GameObjects.Graphics {
    const spare = this.spare.pop();
    if (!spare) return this.scene.add.graphics({ x, y }).setDepth(depth);
    return spare.clear().setPosition(x, y).setDepth(depth).setRotation(0).setScale(1).setAlpha(1).setVisible(true);
  }

  private done(graphic: Phaser.GameObjects.Graphics): void {
    this.spare.push(graphic.setVisible(false));
  }

  /** Screen shake on hits (the settings panel can turn it off). */
  shakeEnabled = true;

  shake(): void {
    if (this.shakeEnabled) this.scene.cameras.main.shake(140, 0.006);
  }
}
