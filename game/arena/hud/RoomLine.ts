// The room's code under the clock, to share it: Copy link, Leave, and a short
// notice beneath ("Link copied").
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../../shared/constants.ts";
import { COLORS } from "../../palette.ts";
import { clickable, hudText, type Place } from "./hudText.ts";

const NOTICE_MS = 2500;

export class RoomLine {
  private readonly scene: Phaser.Scene;
  private readonly notice: Phaser.GameObjects.Text;
  private noticeUntil = 0;

  constructor(scene: Phaser.Scene, place: Place, actions: { code: string; copyLink: () => void; leave: () => void }) {
    this.scene = scene;
    const room = hudText(scene, ARENA_WIDTH / 2 - 8, 44, 14, COLORS.muted)
      .setOrigin(1, 0)
      .setText(`Room ${actions.code}`);
    room.setName("room-code");
    const copy = clickable(hudText(scene, ARENA_WIDTH / 2 + 8, 44, 14, COLORS.accent).setText("Copy link"), actions.copyLink);
    const leave = clickable(hudText(scene, ARENA_WIDTH / 2 + 88, 44, 14, COLORS.danger).setText("Leave"), actions.leave);
    this.notice = hudText(scene, ARENA_WIDTH / 2, 66, 14, COLORS.accent).setOrigin(0.5, 0);
    place("topCenter", room, copy, leave, this.notice);
  }

  /** A short message under the room line, such as "Link copied". */
  flash(message: string): void {
    this.notice.setText(message);
    this.noticeUntil = this.scene.time.now + NOTICE_MS;
  }

  update(now: number): void {
    this.notice.setVisible(now < this.noticeUntil);
  }
}
