// The room's code under the clock, to share it, and who hosts it: Copy link,
// Leave, the host's panel (for the host), and a short notice beneath ("Link copied").
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../../shared/constants.ts";
import { COLORS } from "../../palette.ts";
import { clickable, hudText, type Place } from "./hudText.ts";

const NOTICE_MS = 2500;

/** Who hosts the room, as the room line tells it (a public room has no host). */
export interface RoomHost {
  name: string;
  /** It is us: the host's panel is ours to open. */
  you: boolean;
}

export class RoomLine {
  private readonly scene: Phaser.Scene;
  private readonly code: string;
  private readonly room: Phaser.GameObjects.Text;
  private readonly hostButton: Phaser.GameObjects.Text;
  private readonly notice: Phaser.GameObjects.Text;
  private noticeUntil = 0;

  constructor(scene: Phaser.Scene, place: Place, actions: { code: string; copyLink: () => void; leave: () => void; openHostPanel: () => void }) {
    this.scene = scene;
    this.code = actions.code;
    this.room = hudText(scene, ARENA_WIDTH / 2 - 8, 44, 14, COLORS.muted)
      .setOrigin(1, 0)
      .setText(`Room ${actions.code}`);
    this.room.setName("room-code");
    const copy = clickable(hudText(scene, ARENA_WIDTH / 2 + 8, 44, 14, COLORS.accent).setText("Copy link"), actions.copyLink);
    const leave = clickable(hudText(scene, ARENA_WIDTH / 2 + 88, 44, 14, COLORS.danger).setText("Leave"), actions.leave);
    this.hostButton = clickable(hudText(scene, ARENA_WIDTH / 2 + 140, 44, 14, COLORS.accent).setText("Host"), actions.openHostPanel).setVisible(false);
    this.hostButton.setName("host-panel");
    this.notice = hudText(scene, ARENA_WIDTH / 2, 66, 14, COLORS.accent).setOrigin(0.5, 0);
    place("topCenter", this.room, copy, leave, this.hostButton, this.notice);
  }

  /** Names the host beside the code; the host sees the button to their panel. */
  setHost(host: RoomHost | null): void {
    const text = host ? `Room ${this.code} · host ${host.you ? "you" : host.name}` : `Room ${this.code}`;
    if (this.room.text !== text) this.room.setText(text);
    this.hostButton.setVisible(host?.you ?? false);
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
