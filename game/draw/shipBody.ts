// A ship's hull and its glow, drawn once per look into a texture, so that a frame
// draws each ship as one image. Drawn as a Graphics and a glow image of their own,
// they cost the Canvas renderer a state save, a transform and every path of the
// hull again each frame, for each of 16 ships.
import type Phaser from "phaser";
import { SHIP_RADIUS } from "../../shared/constants.ts";
import { COLORS, css } from "../palette.ts";

/** Texture pixels per world pixel: the hull's edges stay crisp as it turns. */
const RESOLUTION = 2;
/** The glow's radius: it reaches twice the hull's. */
const GLOW_RADIUS = SHIP_RADIUS * 2;
/** How strongly the glow shows at its brightest. */
const GLOW_ALPHA = 0.5;

/** The texture of a ship of `color` (striped or plain), with your own ring or not; made on first use. */
export function shipBodyTexture(scene: Phaser.Scene, color: number, striped: boolean, own: boolean): string {
  const key = `ship-body-${color.toString(16)}-${striped ? "striped" : "plain"}${own ? "-own" : ""}`;
  if (scene.textures.exists(key)) return key;
  const size = GLOW_RADIUS * 2 * RESOLUTION;
  const texture = scene.textures.createCanvas(key, size, size);
  if (!texture) return key;
  const ctx = texture.getContext();
  ctx.scale(RESOLUTION, RESOLUTION);
  ctx.translate(GLOW_RADIUS, GLOW_RADIUS);
  drawGlow(ctx, color);
  drawHull(ctx, color, striped, own);
  texture.refresh();
  return key;
}

/** The body's scale: its texture is drawn at RESOLUTION pixels per world pixel. */
export const SHIP_BODY_SCALE = 1 / RESOLUTION;

/** A soft halo in the ship's colour. */
function drawGlow(ctx: CanvasRenderingContext2D, color: number): void {
  const gradient = ctx.createRadialGradient(0, 0, 0, 0, 0, GLOW_RADIUS);
  gradient.addColorStop(0, css(color, 0.9 * GLOW_ALPHA));
  gradient.addColorStop(0.35, css(color, 0.35 * GLOW_ALPHA));
  gradient.addColorStop(1, css(color, 0));
  ctx.fillStyle = gradient;
  ctx.fillRect(-GLOW_RADIUS, -GLOW_RADIUS, GLOW_RADIUS * 2, GLOW_RADIUS * 2);
}

/** An arrowhead pointing along +x (the image is rotated to the aim), with a cockpit, an optional stripe and your own ring. */
function drawHull(ctx: CanvasRenderingContext2D, color: number, striped: boolean, own: boolean): void {
  const r = SHIP_RADIUS;
  if (own) {
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = css(COLORS.white, 0.95);
    ctx.beginPath();
    ctx.arc(0, 0, r + 6, 0, Math.PI * 2);
    ctx.stroke();
  }
  const outline = () => {
    ctx.beginPath();
    ctx.moveTo(r + 5, 0);
    ctx.lineTo(-r, -r * 0.9);
    ctx.lineTo(-r * 0.45, 0);
    ctx.lineTo(-r, r * 0.9);
    ctx.closePath();
  };
  ctx.fillStyle = css(color);
  outline();
  ctx.fill();
  if (striped) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = css(COLORS.black, 0.55);
    ctx.beginPath();
    ctx.moveTo(-r * 0.55, -r * 0.55);
    ctx.lineTo(-r * 0.55, r * 0.55);
    ctx.stroke();
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = css(COLORS.white, own ? 0.9 : 0.45);
  outline();
  ctx.stroke();
  ctx.fillStyle = css(COLORS.black, 0.35);
  ctx.beginPath();
  ctx.arc(r * 0.2, 0, r * 0.3, 0, Math.PI * 2);
  ctx.fill();
}
