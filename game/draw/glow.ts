// A soft round glow, made once per game as a texture: drawn with additive blending
// and tinted, it gives ships, bullets and pickups a halo in both renderers at the
// cost of one sprite each (per-object filters would be WebGL only, and dearer).
import type Phaser from "phaser";

export const GLOW_TEXTURE = "glow";
const SIZE = 64;

export function makeGlowTexture(scene: Phaser.Scene): void {
  if (scene.textures.exists(GLOW_TEXTURE)) return;
  const texture = scene.textures.createCanvas(GLOW_TEXTURE, SIZE, SIZE);
  if (!texture) return;
  const ctx = texture.getContext();
  const gradient = ctx.createRadialGradient(SIZE / 2, SIZE / 2, 0, SIZE / 2, SIZE / 2, SIZE / 2);
  gradient.addColorStop(0, "rgba(255,255,255,0.9)");
  gradient.addColorStop(0.35, "rgba(255,255,255,0.35)");
  gradient.addColorStop(1, "rgba(255,255,255,0)");
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, SIZE, SIZE);
  texture.refresh();
}
