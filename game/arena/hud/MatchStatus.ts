// The match at a glance: the arena, the round, what wins it (which says the
// mode: "first team to 60 points") and our ping (top left), and the round's
// clock (top centre).
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../../shared/constants.ts";
import { clockText } from "../../../shared/scores.ts";
import { COLORS } from "../../palette.ts";
import { hudText, type Place } from "./hudText.ts";

export interface MatchStatusState {
  layout: string;
  round: number;
  /** What wins the round before the clock ("first to 15 KOs"). */
  goal: string;
  phase: string;
  /** Seconds left in the round. */
  phaseSecondsLeft: number;
  pingMs: number | null;
}

export class MatchStatus {
  private readonly status: Phaser.GameObjects.Text;
  private readonly timer: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, place: Place) {
    this.status = hudText(scene, 12, 10, 14, COLORS.muted);
    this.timer = hudText(scene, ARENA_WIDTH / 2, 8, 26).setOrigin(0.5, 0);
    place("topLeft", this.status);
    place("topCenter", this.timer);
  }

  update(state: MatchStatusState): void {
    const ping = state.pingMs === null ? "…" : `${Math.round(state.pingMs)} ms`;
    this.status.setText(`${state.layout} · round ${state.round} · ${state.goal} · ping ${ping}`);
    this.timer.setText(state.phase === "playing" ? clockText(state.phaseSecondsLeft) : "");
  }
}
