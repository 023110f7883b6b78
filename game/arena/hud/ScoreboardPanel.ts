// The scoreboard in the middle of the arena, on Tab (or its button), and the
// results screen between rounds, with "Watch this round" under it.
import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../../shared/constants.ts";
import type { Ship } from "../../../shared/schema.ts";
import { byRank } from "../../../shared/scores.ts";
import { COLORS, css, FONTS } from "../../palette.ts";
import { clickable, hudText } from "./hudText.ts";

export interface ScoreLine {
  id: string;
  own: boolean;
  /** The room's host (a private room's). */
  host: boolean;
  ship: Ship;
}

export interface ScoreboardState {
  round: number;
  phase: string;
  /** Seconds until the next round, on the results screen. */
  phaseSecondsLeft: number;
  scores: ScoreLine[];
  /** Tab held, or the scoreboard button toggled on. */
  showScoreboard: boolean;
}

export class ScoreboardPanel {
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly watchButton: Phaser.GameObjects.Text;
  /** Whether the scoreboard (or the results) is showing (read by the test probe). */
  shown = false;

  constructor(scene: Phaser.Scene, watchRound: () => void) {
    this.panel = scene.add.graphics().setDepth(30);
    this.title = hudText(scene, ARENA_WIDTH / 2, 0, 28)
      .setOrigin(0.5, 0)
      .setDepth(31);
    this.body = scene.add
      .text(ARENA_WIDTH / 2, 0, "", { fontFamily: FONTS.mono, fontSize: "17px", color: css(COLORS.text), lineSpacing: 6 })
      .setOrigin(0.5, 0)
      .setDepth(31);
    this.watchButton = clickable(
      hudText(scene, ARENA_WIDTH / 2, 0, 17, COLORS.backdrop)
        .setOrigin(0.5, 0)
        .setDepth(31)
        .setText("▶  Watch this round")
        .setStroke(css(COLORS.accent), 0)
        .setBackgroundColor(css(COLORS.accent))
        .setPadding(14, 7, 14, 7),
      watchRound,
    ).setVisible(false);
    this.watchButton.setName("watch-round");
  }

  /** The centre of the "Watch this round" button while it shows (read by the test probe). */
  get watchButtonCentre(): { x: number; y: number } | null {
    const button = this.watchButton;
    return button.visible ? { x: button.x, y: button.y + button.height / 2 } : null;
  }

  update(state: ScoreboardState): void {
    const results = state.phase === "results";
    const visible = results || state.showScoreboard;
    this.shown = visible;
    this.panel.clear();
    this.title.setVisible(visible);
    this.body.setVisible(visible);
    this.watchButton.setVisible(visible && results);
    if (!visible) return;

    const ranked = [...state.scores].sort((a, b) => byRank(a.ship, b.ship));
    const rows = ranked.map((line, i) => {
      // Our row is marked ▶, the host's ★ (a name has at most 16 characters: the marks fit beside it).
      const name = `${line.own ? "▶" : " "}${line.host ? "★" : " "} ${line.ship.name}`.padEnd(20).slice(0, 20);
      const ping = line.ship.bot ? "bot" : `${line.ship.ping}`;
      return `${String(i + 1).padStart(2)}  ${name} ${String(line.ship.kos).padStart(4)} ${String(line.ship.deaths).padStart(7)} ${ping.padStart(6)}`;
    });
    const header = `    ${"Pilot".padEnd(20)}  KOs  Deaths   Ping`;
    const winner = ranked[0] && ranked[0].ship.kos > 0 ? `${ranked[0].ship.name} wins!` : "No winner";
    const title = results ? `Round ${state.round} over · ${winner}` : `Scoreboard · round ${state.round}`;
    const footer = results ? `\nNext round in ${Math.ceil(state.phaseSecondsLeft)} s` : "";
    const height = 120 + rows.length * 27 + (results ? 30 : 0);
    const top = Math.max(40, ARENA_HEIGHT / 2 - height / 2);
    this.panel.fillStyle(COLORS.panel, 0.88);
    this.panel.fillRoundedRect(ARENA_WIDTH / 2 - 330, top, 660, height, 12);
    this.panel.lineStyle(2, COLORS.edge, 1);
    this.panel.strokeRoundedRect(ARENA_WIDTH / 2 - 330, top, 660, height, 12);
    this.title.setY(top + 18).setText(title);
    this.body.setY(top + 66).setText([header, ...rows].join("\n") + footer);
    this.watchButton.setY(top + height + 12);
  }
}
