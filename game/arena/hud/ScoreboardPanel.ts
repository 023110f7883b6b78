// The scoreboard in the middle of the arena, on Tab (or its button), and the
// results screen between rounds, with "Watch this round" under it. In a team
// mode it groups the ships by team, and the results name the winning team.
import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../../shared/constants.ts";
import type { Ship } from "../../../shared/schema.ts";
import { byRank } from "../../../shared/scores.ts";
import { leadingTeam, TEAMS, teamName, teamScore } from "../../../shared/modes/teams.ts";
import { COLORS, css, FONTS, teamColor } from "../../palette.ts";
import { clickable, hudText } from "./hudText.ts";
import type { TeamScoresState } from "./TeamScores.ts";

/** One line of the scoreboard's body, px (17 px type and 6 px between lines, as the body is set). */
const ROW_HEIGHT = 27;

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
  /** The teams' scores and the hill, in a team mode (null in free-for-all). */
  teams: TeamScoresState | null;
}

export class ScoreboardPanel {
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly watchButton: Phaser.GameObjects.Text;
  /** Whether the scoreboard (or the results) is showing (read by the test probe). */
  shown = false;

  /** Its title while it shows (read by the test probe). */
  get titleText(): string {
    return this.shown ? this.title.text : "";
  }

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

  /** Just right of the "Watch this round" button, halfway down, while it shows: where the Report button goes. */
  get besideWatchButton(): { x: number; y: number } | null {
    const button = this.watchButton;
    return button.visible ? { x: button.x + button.width / 2 + 12, y: button.y + button.height / 2 } : null;
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
    // In a team mode each team is a block under its name and score, ranked within it.
    const teams = state.teams;
    const groups = teams
      ? TEAMS.map(({ team, name }) => ({
          team,
          heading: `${name.toUpperCase()} · ${teamScore(teams, team)}${team === teams.ownTeam ? " · your team" : ""}`,
          lines: ranked.filter((line) => line.ship.team === team),
        }))
      : [{ team: 0, heading: null, lines: ranked }];
    const rows: string[] = [];
    const bands: Array<{ row: number; team: number }> = [];
    for (const group of groups) {
      if (group.heading) {
        bands.push({ row: rows.length + 1, team: group.team });
        rows.push(group.heading);
      }
      rows.push(...group.lines.map(scoreRow));
    }
    const header = `    ${"Pilot".padEnd(20)}  KOs  Deaths   Ping`;
    const title = results ? `Round ${state.round} over · ${winnerText(ranked, teams)}` : `Scoreboard · round ${state.round}`;
    const footer = results ? `\nNext round in ${Math.ceil(state.phaseSecondsLeft)} s` : "";
    const height = 120 + rows.length * ROW_HEIGHT + (results ? 30 : 0);
    const top = Math.max(40, ARENA_HEIGHT / 2 - height / 2);
    this.panel.fillStyle(COLORS.panel, 0.88);
    this.panel.fillRoundedRect(ARENA_WIDTH / 2 - 330, top, 660, height, 12);
    this.panel.lineStyle(2, COLORS.edge, 1);
    this.panel.strokeRoundedRect(ARENA_WIDTH / 2 - 330, top, 660, height, 12);
    for (const { row, team } of bands) {
      this.panel.fillStyle(teamColor(team), 0.28);
      this.panel.fillRect(ARENA_WIDTH / 2 - 318, top + 66 + row * ROW_HEIGHT - 3, 636, ROW_HEIGHT);
    }
    this.title.setY(top + 18).setText(title);
    this.body.setY(top + 66).setText([header, ...rows].join("\n") + footer);
    this.watchButton.setY(top + height + 12);
  }
}

/** A ship's line: rank, our mark ▶, the host's ★ (a name has at most 16 characters: the marks fit beside it), KOs, deaths, ping. */
function scoreRow(line: ScoreLine, index: number): string {
  const name = `${line.own ? "▶" : " "}${line.host ? "★" : " "} ${line.ship.name}`.padEnd(20).slice(0, 20);
  const ping = line.ship.bot ? "bot" : `${line.ship.ping}`;
  return `${String(index + 1).padStart(2)}  ${name} ${String(line.ship.kos).padStart(4)} ${String(line.ship.deaths).padStart(7)} ${ping.padStart(6)}`;
}

/** Who won the round: the team ahead (as the rules decide it), or the ship at the top. */
function winnerText(ranked: readonly ScoreLine[], teams: TeamScoresState | null): string {
  if (teams) {
    const { team } = leadingTeam(teams);
    const high = Math.max(teams.redScore, teams.blueScore);
    const low = Math.min(teams.redScore, teams.blueScore);
    return team === 0 ? `Draw, ${high}–${low}` : `${teamName(team)} team wins, ${high}–${low}`;
  }
  return ranked[0] && ranked[0].ship.kos > 0 ? `${ranked[0].ship.name} wins!` : "No winner";
}
