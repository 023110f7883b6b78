// Our own ship, bottom left: health and dash bars, what is active, KOs and deaths.
import type Phaser from "phaser";
import { ARENA_HEIGHT, SHIP_HEALTH } from "../../../shared/constants.ts";
import type { ShipState } from "../../../shared/world.ts";
import { COLORS, healthColor } from "../../palette.ts";
import { hudText, type Place } from "./hudText.ts";

const BAR_W = 220;

export class OwnStatus {
  private readonly bars: Phaser.GameObjects.Graphics;
  private readonly healthText: Phaser.GameObjects.Text;
  private readonly scoreText: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, place: Place) {
    this.bars = scene.add.graphics().setDepth(20);
    this.healthText = hudText(scene, 20, ARENA_HEIGHT - 62, 15);
    this.scoreText = hudText(scene, 20 + BAR_W + 16, ARENA_HEIGHT - 46, 18);
    place("bottomLeft", this.bars, this.healthText, this.scoreText);
  }

  /** `dashCharging`: 0..1 of the dash cooldown still to run. */
  update(own: Readonly<ShipState> | undefined, dashCharging: number): void {
    const g = this.bars;
    g.clear();
    // No ship of ours (watching the whole arena, or before ours arrives): nothing to show.
    this.healthText.setVisible(own !== undefined);
    this.scoreText.setVisible(own !== undefined);
    if (!own) return;
    const x = 20;
    const y = ARENA_HEIGHT - 40;
    const health = own.alive ? own.health : 0;
    g.fillStyle(COLORS.black, 0.55);
    g.fillRect(x - 4, y - 4, BAR_W + 8, 30);
    g.fillStyle(COLORS.barTrack, 1);
    g.fillRect(x, y, BAR_W, 12);
    const share = health / SHIP_HEALTH;
    g.fillStyle(healthColor(share), 1);
    g.fillRect(x, y, BAR_W * share, 12);
    g.fillStyle(COLORS.barTrack, 1);
    g.fillRect(x, y + 16, BAR_W, 6);
    g.fillStyle(dashCharging > 0 ? COLORS.dashCharging : COLORS.shield, 1);
    g.fillRect(x, y + 16, BAR_W * (1 - dashCharging), 6);
    const effects = [own.speedTicks > 0 ? "speed" : "", own.rapidTicks > 0 ? "rapid fire" : ""].filter(Boolean).join(" · ");
    this.healthText.setText(`Health ${health}   ${dashCharging > 0 ? "dash charging" : "dash ready"}${effects ? `   ${effects}` : ""}`);
    this.scoreText.setText(`KOs ${own.kos}   Deaths ${own.deaths}`);
  }
}
