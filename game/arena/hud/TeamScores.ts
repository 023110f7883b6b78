// In a team mode: both teams' scores either side of the clock (ours marked), and
// under the match status the mode, who has King of the Hill's hill, and the
// button that switches our team in a private room.
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../../shared/constants.ts";
import { modeOf, type ModeName } from "../../../shared/modes/index.ts";
import { type HillState, hillHolder } from "../../../shared/modes/koth.ts";
import { teamName } from "../../../shared/modes/teams.ts";
import { COLORS, css, teamColor } from "../../palette.ts";
import { clickable, hudText, type Place } from "./hudText.ts";

export interface TeamScoresState {
  /** The mode's name. */
  label: string;
  redScore: number;
  blueScore: number;
  /** Who has the hill, in King of the Hill (null in other modes). */
  hill: HillState | null;
  /** The team of the ship we see from (0: none). */
  ownTeam: number;
  /** We may switch teams (a private room, and we have a ship). */
  canSwitch: boolean;
}

/** What the widget shows of the room's state: null in a mode without teams. `player`: we have a seat (not watching). */
export function teamScoresState(
  state: { mode: ModeName; redScore: number; blueScore: number; hill: HillState; hostId: string },
  own: { team: number } | undefined,
  player: boolean,
): TeamScoresState | null {
  const mode = modeOf(state);
  if (!mode.teams) return null;
  const ownTeam = own?.team ?? 0;
  // A private room has a host; only there may players switch.
  const canSwitch = player && ownTeam !== 0 && state.hostId !== "";
  return { label: mode.label, redScore: state.redScore, blueScore: state.blueScore, hill: state.mode === "koth" ? state.hill : null, ownTeam, canSwitch };
}

/** Gap between the clock and each team's score, px. */
const CLOCK_GAP = 52;

export class TeamScores {
  private readonly red: Phaser.GameObjects.Text;
  private readonly blue: Phaser.GameObjects.Text;
  private readonly hill: Phaser.GameObjects.Text;
  private readonly switchButton: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, place: Place, switchTeam: () => void) {
    this.red = hudText(scene, ARENA_WIDTH / 2 - CLOCK_GAP, 10, 22).setOrigin(1, 0);
    this.blue = hudText(scene, ARENA_WIDTH / 2 + CLOCK_GAP, 10, 22).setOrigin(0, 0);
    this.red.setName("red-score");
    this.blue.setName("blue-score");
    this.hill = hudText(scene, 12, 30, 14);
    this.switchButton = clickable(hudText(scene, 12, 30, 14, COLORS.accent).setText("⇄ Switch team"), switchTeam);
    this.switchButton.setName("switch-team");
    place("topCenter", this.red, this.blue);
    place("topLeft", this.hill, this.switchButton);
  }

  /** The centre of the "Switch team" button while it shows (read by the test probe). */
  get switchButtonCentre(): { x: number; y: number } | null {
    const button = this.switchButton;
    return button.visible ? { x: button.x + button.width / 2, y: button.y + button.height / 2 } : null;
  }

  update(state: TeamScoresState | null): void {
    for (const node of [this.red, this.blue, this.hill, this.switchButton]) node.setVisible(state !== null);
    if (!state) return;
    // Ours is marked in words too: the colours alone would not tell everyone.
    this.setText(this.red, `${state.ownTeam === 1 ? "▸ " : ""}${teamName(1).toUpperCase()} ${state.redScore}`, teamColor(1));
    this.setText(this.blue, `${state.blueScore} ${teamName(2).toUpperCase()}${state.ownTeam === 2 ? " ◂" : ""}`, teamColor(2));
    const holder = state.hill === null ? null : hillHolder(state.hill);
    const hill =
      state.hill === null ? "" : holder !== null ? ` · hill: ${teamName(holder)} holds` : state.hill === "contested" ? " · hill: contested" : " · hill: no one";
    this.setText(this.hill, `${state.label}${hill}`, holder !== null ? teamColor(holder) : state.hill === "contested" ? COLORS.highlight : COLORS.muted);
    this.switchButton.setVisible(state.canSwitch).setX(12 + this.hill.width + 16);
  }

  private setText(node: Phaser.GameObjects.Text, text: string, color: number): void {
    if (node.text !== text) node.setText(text);
    node.setColor(css(color));
  }
}
