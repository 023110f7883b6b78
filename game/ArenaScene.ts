import Phaser from "phaser";
import type { ArenaLayout } from "../shared/arena.ts";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../shared/constants.ts";
import { ArenaConnection } from "./connection.ts";
import { KeyboardControls } from "./controls.ts";
import { FLOOR_COLOR, GRID_COLOR, MUTED_TEXT_COLOR, TEXT_COLOR, WALL_COLOR, WALL_EDGE_COLOR } from "./palette.ts";
import { publishProbe } from "./probe.ts";
import { ShipSprite } from "./ShipSprite.ts";

export interface ArenaSceneData {
  name: string;
}

const GRID_SPACING = 40;
const TEXT_STYLE = { fontFamily: "system-ui, sans-serif", color: TEXT_COLOR };

function pingText(ms: number | null): string {
  return ms === null ? "ping …" : `ping ${Math.round(ms)} ms`;
}

export class ArenaScene extends Phaser.Scene {
  private connection: ArenaConnection | null = null;
  private controls!: KeyboardControls;
  private readonly sprites = new Map<string, ShipSprite>();
  private hud!: Phaser.GameObjects.Text;
  private banner!: Phaser.GameObjects.Text;
  private frames = 0;
  private status = "connecting";

  constructor() {
    super("arena");
  }

  create(data: ArenaSceneData): void {
    this.drawFloor();
    this.controls = new KeyboardControls(this.input.keyboard!);
    this.hud = this.add.text(12, 10, "", { ...TEXT_STYLE, fontSize: "15px" }).setDepth(10);
    this.add
      .text(ARENA_WIDTH - 12, ARENA_HEIGHT - 10, "Move: WASD or arrow keys", {
        ...TEXT_STYLE,
        fontSize: "13px",
        color: MUTED_TEXT_COLOR,
      })
      .setOrigin(1, 1)
      .setDepth(10);
    this.banner = this.add
      .text(ARENA_WIDTH / 2, ARENA_HEIGHT / 2, "Connecting to the server…", {
        ...TEXT_STYLE,
        fontSize: "26px",
        align: "center",
        backgroundColor: "#000000aa",
        padding: { x: 18, y: 12 },
      })
      .setOrigin(0.5)
      .setDepth(20);
    this.connect(data.name);
  }

  override update(time: number): void {
    this.frames++;
    const connection = this.connection;
    if (connection && this.status === "playing") {
      connection.update(time, this.controls.read());
    }
    const ships = connection?.ships() ?? [];
    this.drawShips(ships);
    this.hud.setText(connection ? `Skirmish · ${ships.length} in arena · ${pingText(connection.pingMs)}` : "Skirmish");
    publishProbe({
      ready: this.status === "playing",
      frames: this.frames,
      renderer: this.game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas",
      sessionId: connection?.sessionId ?? null,
      status: this.status,
      ships,
    });
  }

  private async connect(name: string): Promise<void> {
    try {
      const connection = await ArenaConnection.join(location.origin, name);
      this.connection = connection;
      this.drawWalls(connection.layout);
      this.status = "playing";
      this.banner.setVisible(false);
      connection.room.onLeave(() => this.showDisconnected());
    } catch (error) {
      this.status = "failed";
      const reason = error instanceof Error ? error.message : String(error);
      this.showBanner(`Could not join the arena:\n${reason}\n\nClick to try again`);
    }
  }

  private showDisconnected(): void {
    if (this.status !== "playing") return;
    this.status = "disconnected";
    this.showBanner("Disconnected from the server\n\nClick to rejoin");
  }

  private showBanner(text: string): void {
    this.banner.setText(text).setVisible(true);
    this.input.once("pointerdown", () => location.reload());
  }

  private drawShips(ships: ReturnType<ArenaConnection["ships"]>): void {
    const seen = new Set<string>();
    for (const view of ships) {
      seen.add(view.id);
      let sprite = this.sprites.get(view.id);
      if (!sprite) {
        sprite = new ShipSprite(this, view);
        this.sprites.set(view.id, sprite);
      }
      sprite.update(view);
    }
    for (const [id, sprite] of this.sprites) {
      if (!seen.has(id)) {
        sprite.destroy();
        this.sprites.delete(id);
      }
    }
  }

  private drawFloor(): void {
    const g = this.add.graphics().setDepth(0);
    g.fillStyle(FLOOR_COLOR, 1);
    g.fillRect(0, 0, ARENA_WIDTH, ARENA_HEIGHT);
    g.lineStyle(1, GRID_COLOR, 1);
    for (let x = GRID_SPACING; x < ARENA_WIDTH; x += GRID_SPACING) g.lineBetween(x, 0, x, ARENA_HEIGHT);
    for (let y = GRID_SPACING; y < ARENA_HEIGHT; y += GRID_SPACING) g.lineBetween(0, y, ARENA_WIDTH, y);
    g.lineStyle(3, WALL_EDGE_COLOR, 1);
    g.strokeRect(1.5, 1.5, ARENA_WIDTH - 3, ARENA_HEIGHT - 3);
  }

  private drawWalls(layout: ArenaLayout): void {
    const g = this.add.graphics().setDepth(1);
    for (const wall of layout.walls) {
      g.fillStyle(WALL_COLOR, 1);
      g.fillRect(wall.x, wall.y, wall.w, wall.h);
      g.lineStyle(2, WALL_EDGE_COLOR, 1);
      g.strokeRect(wall.x + 1, wall.y + 1, wall.w - 2, wall.h - 2);
    }
  }
}
