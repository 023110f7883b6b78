import type Phaser from "phaser";
import type { ShipView } from "../net/ArenaConnection.ts";
import { ShipMarks } from "./ShipMarks.ts";
import { type ShipLayers, ShipSprite } from "./ShipSprite.ts";

/** One sprite per ship in view: made as a ship appears, gone with it. The arena and the replays draw ships through this. */
export class ShipSprites {
  private readonly scene: Phaser.Scene;
  private readonly sprites = new Map<string, ShipSprite>();
  private readonly layers: ShipLayers;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    // Trails under every ship (at 4, and 5 for the one we see from), marks over them all.
    this.layers = { trails: scene.add.graphics().setDepth(3), marks: new ShipMarks(scene, 5.5) };
  }

  get(id: string): ShipSprite | undefined {
    return this.sprites.get(id);
  }

  /** Draws each ship with `draw`, teammates of the ship we see from (`own`) marked; sprites of ships no longer in `views` are destroyed. */
  sync<View extends ShipView>(views: readonly View[], draw: (sprite: ShipSprite, view: View) => void): void {
    this.layers.trails.clear();
    this.layers.marks.clear();
    const seen = new Set<string>();
    const ourTeam = views.find((view) => view.own)?.ship.team ?? 0;
    for (const view of views) {
      seen.add(view.id);
      let sprite = this.sprites.get(view.id);
      if (!sprite) {
        sprite = new ShipSprite(this.scene, view, this.layers);
        this.sprites.set(view.id, sprite);
      }
      sprite.side(view.ship.team, ourTeam !== 0 && view.ship.team === ourTeam && !view.own);
      draw(sprite, view);
    }
    this.layers.marks.draw();
    for (const [id, sprite] of this.sprites) {
      if (seen.has(id)) continue;
      sprite.destroy();
      this.sprites.delete(id);
    }
  }

  /** Every sprite goes (to be made again, with another palette or another ship marked). */
  clear(): void {
    for (const sprite of this.sprites.values()) sprite.destroy();
    this.sprites.clear();
    this.layers.trails.clear();
    this.layers.marks.clear();
  }
}
