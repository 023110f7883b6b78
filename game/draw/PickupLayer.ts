import type Phaser from "phaser";
import type { PickupKind } from "../../shared/arena.ts";
import { PICKUP_RADIUS } from "../../shared/constants.ts";
import type { PickupState } from "../../shared/world.ts";

import { COLORS, css, FONTS } from "../palette.ts";

/** A pickup as drawn: the synchronised one in the game, a replay's or killcam's otherwise (its labels are kept by object). */
type Pickup = Readonly<PickupState>;

export const PICKUP_STYLE: Record<PickupKind, { color: number; label: string; name: string }> = {
  heal: { color: COLORS.pickupHeal, label: "+", name: "Heal" },
  speed: { color: COLORS.pickupSpeed, label: "»", name: "Speed" },
  rapid: { color: COLORS.pickupRapid, label: "≡", name: "Rapid fire" },
  shield: { color: COLORS.shield, label: "◯", name: "Shield" },
};

/** Pickups pulse while they can be taken and show a faint outline while they recharge. */
export class PickupLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly labels = new Map<Pickup, Phaser.GameObjects.Text>();

  private readonly scene: Phaser.Scene;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.graphics = scene.add.graphics().setDepth(2);
  }

  draw(pickups: Iterable<Pickup>, tick: number, now: number): void {
    const g = this.graphics;
    g.clear();
    const seen = new Set<Pickup>();
    const pulse = 1 + 0.12 * Math.sin(now / 180);
    for (const pickup of pickups) {
      seen.add(pickup);
      const style = PICKUP_STYLE[pickup.kind];
      const ready = tick >= pickup.readyTick;
      const label = this.labelFor(pickup, style.label);
      label.setPosition(pickup.x, pickup.y).setVisible(ready);
      if (ready) {
        g.fillStyle(style.color, 0.18);
        g.fillCircle(pickup.x, pickup.y, PICKUP_RADIUS * 1.6 * pulse);
        g.fillStyle(style.color, 1);
        g.fillCircle(pickup.x, pickup.y, PICKUP_RADIUS);
      } else {
        g.lineStyle(1.5, style.color, 0.3);
        g.strokeCircle(pickup.x, pickup.y, PICKUP_RADIUS);
      }
    }
    for (const [pickup, label] of this.labels) {
      if (!seen.has(pickup)) {
        label.destroy();
        this.labels.delete(pickup);
      }
    }
  }

  private labelFor(pickup: Pickup, text: string): Phaser.GameObjects.Text {
    let label = this.labels.get(pickup);
    if (!label) {
      label = this.scene.add
        .text(pickup.x, pickup.y, text, { fontFamily: FONTS.ui, fontSize: "18px", fontStyle: "bold", color: css(COLORS.pickupLabel) })
        .setOrigin(0.5)
        .setDepth(3);
      this.labels.set(pickup, label);
    }
    return label;
  }
}
