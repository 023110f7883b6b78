import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH, SHIP_HEALTH } from "../../shared/constants.ts";
import type { Ship } from "../../shared/schema.ts";
import { byRank, clockText } from "../../shared/scores.ts";
import { type HudRegion, regionsUnder } from "./hudLayout.ts";
import { COLORS, css, FONTS, healthColor } from "../palette.ts";

const FEED_SIZE = 5;
const FEED_MS = 7000;
const BAR_W = 220;
/** How much of a HUD panel shows while a ship is under it. */
const FADED_ALPHA = 0.18;

export interface ScoreLine {
  id: string;
  own: boolean;
  ship: Ship;
}

/** What the HUD shows this frame. Times are in seconds. */
export interface HudState {
  layout: string;
  round: number;
  koTarget: number;
  phase: string;
  /** Seconds left in the round, or until the next round on the results screen. */
  phaseSecondsLeft: number;
  pingMs: number | null;
  own: Ship | undefined;
  /** Seconds until our ship is back, when knocked out. */
  respawnSecondsLeft: number;
  /** 0..1 of the dash cooldown still to run. */
  dashCharging: number;
  scores: ScoreLine[];
  showScoreboard: boolean;
  muted: boolean;
  /** The controls of the input device in use. */
  hint: string;
  /** Where the ships in play are drawn: a HUD panel over one of them fades. */
  ships: ReadonlyArray<{ x: number; y: number }>;
}

export interface HudActions {
  /** The room's code, shown for sharing. */
  code: string;
  toggleMute: () => void;
  copyLink: () => void;
  leave: () => void;
  /** Opens or closes the scoreboard (the button that stands in for Tab on touch screens). */
  toggleScoreboard: () => void;
  openChat: () => void;
  openSettings: () => void;
  fullScreen: () => void;
  /** Opens the replay of the round just played (shown on the results screen). */
  watchRound: () => void;
}

/** A HUD object that fades with its region. */
interface Fadable {
  setAlpha(alpha: number): unknown;
}

interface FeedLine {
  text: Phaser.GameObjects.Text;
  at: number;
}

/** Health, dash, score and timer; kill feed; scoreboard on Tab; the KO card and the results screen. */
export class Hud {
  private readonly status: Phaser.GameObjects.Text;
  private readonly timer: Phaser.GameObjects.Text;
  private readonly bars: Phaser.GameObjects.Graphics;
  private readonly healthText: Phaser.GameObjects.Text;
  private readonly scoreText: Phaser.GameObjects.Text;
  private readonly muteButton: Phaser.GameObjects.Text;
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly panelTitle: Phaser.GameObjects.Text;
  private readonly panelBody: Phaser.GameObjects.Text;
  private readonly koCard: Phaser.GameObjects.Text;
  private readonly watchButton: Phaser.GameObjects.Text;
  private readonly feed: FeedLine[] = [];
  private readonly notice: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text;
  private noticeUntil = 0;
  /** The HUD's objects by the screen region they sit in, to fade together. */
  private readonly regions = new Map<HudRegion, Fadable[]>();
  /** The regions faded right now, because a ship is under them (read by the test probe). */
  faded: HudRegion[] = [];

  private readonly scene: Phaser.Scene;

  constructor(scene: Phaser.Scene, actions: HudActions) {
    this.scene = scene;
    const text = (x: number, y: number, size: number, color: number = COLORS.text) =>
      scene.add.text(x, y, "", { fontFamily: FONTS.ui, fontSize: `${size}px`, color: css(color), stroke: css(COLORS.black), strokeThickness: 3 }).setDepth(20);
    this.status = text(12, 10, 14, COLORS.muted);
    this.timer = text(ARENA_WIDTH / 2, 8, 26).setOrigin(0.5, 0);
    this.bars = scene.add.graphics().setDepth(20);
    this.healthText = text(20, ARENA_HEIGHT - 62, 15);
    this.scoreText = text(20 + BAR_W + 16, ARENA_HEIGHT - 46, 18);
    this.hint = text(ARENA_WIDTH - 12, ARENA_HEIGHT - 10, 12, COLORS.muted).setOrigin(1, 1);
    const clickable = (node: Phaser.GameObjects.Text, onClick: () => void) =>
      node.setInteractive({ useHandCursor: true }).on("pointerdown", (_p: unknown, _x: number, _y: number, event: Phaser.Types.Input.EventData) => {
        // A click on the HUD is not a shot.
        event.stopPropagation();
        onClick();
      });
    this.muteButton = clickable(text(ARENA_WIDTH - 12, ARENA_HEIGHT - 30, 13, COLORS.muted).setOrigin(1, 1), actions.toggleMute);
    // A row of buttons left of the sound toggle: they stand in for keys on a touch screen.
    const buttons = [
      ["Scores", actions.toggleScoreboard],
      ["Chat", actions.openChat],
      ["⚙ Settings", actions.openSettings],
      ...(document.fullscreenEnabled && window.matchMedia?.("(pointer: coarse)").matches ? [["Full screen", actions.fullScreen] as const] : []),
    ] as const;
    let right = ARENA_WIDTH - 130;
    const rowButtons = buttons.map(([label, onClick]) => {
      const node = clickable(
        text(right, ARENA_HEIGHT - 30, 13, COLORS.accent)
          .setOrigin(1, 1)
          .setText(label),
        onClick,
      );
      node.setName(label);
      right -= node.width + 16;
      return node;
    });
    const room = text(ARENA_WIDTH / 2 - 8, 44, 14, COLORS.muted)
      .setOrigin(1, 0)
      .setText(`Room ${actions.code}`);
    room.setName("room-code");
    const copy = clickable(text(ARENA_WIDTH / 2 + 8, 44, 14, COLORS.accent).setText("Copy link"), actions.copyLink);
    const leave = clickable(text(ARENA_WIDTH / 2 + 88, 44, 14, COLORS.danger).setText("Leave"), actions.leave);
    this.notice = text(ARENA_WIDTH / 2, 66, 14, COLORS.accent).setOrigin(0.5, 0);
    this.place("topLeft", this.status);
    this.place("topCenter", this.timer, room, copy, leave, this.notice);
    this.place("bottomLeft", this.bars, this.healthText, this.scoreText);
    this.place("bottomRight", this.hint, this.muteButton, ...rowButtons);
    this.panel = scene.add.graphics().setDepth(30);
    this.panelTitle = text(ARENA_WIDTH / 2, 0, 28)
      .setOrigin(0.5, 0)
      .setDepth(31);
    this.panelBody = scene.add
      .text(ARENA_WIDTH / 2, 0, "", { fontFamily: FONTS.mono, fontSize: "17px", color: css(COLORS.text), lineSpacing: 6 })
      .setOrigin(0.5, 0)
      .setDepth(31);
    this.watchButton = clickable(
      text(ARENA_WIDTH / 2, 0, 17, COLORS.backdrop)
        .setOrigin(0.5, 0)
        .setDepth(31)
        .setText("▶  Watch this round")
        .setStroke(css(COLORS.accent), 0)
        .setBackgroundColor(css(COLORS.accent))
        .setPadding(14, 7, 14, 7),
      actions.watchRound,
    ).setVisible(false);
    this.watchButton.setName("watch-round");
    this.koCard = scene.add
      .text(ARENA_WIDTH / 2, ARENA_HEIGHT / 2 - 120, "", {
        fontFamily: FONTS.ui,
        fontSize: "24px",
        color: css(COLORS.text),
        align: "center",
        backgroundColor: css(COLORS.black, 0.69),
        padding: { x: 22, y: 14 },
      })
      .setOrigin(0.5)
      .setDepth(25);
  }

  /** A short message under the room line, such as "Link copied". */
  flash(message: string): void {
    this.notice.setText(message);
    this.noticeUntil = this.scene.time.now + 2500;
  }

  addKo(killerName: string, victimName: string, involvesMe: boolean, now: number): void {
    const line = this.scene.add
      .text(ARENA_WIDTH - 12, 0, `${killerName}  ✕  ${victimName}`, {
        fontFamily: FONTS.ui,
        fontSize: "15px",
        color: css(involvesMe ? COLORS.highlight : COLORS.text),
        backgroundColor: css(COLORS.black, 0.6),
        padding: { x: 8, y: 3 },
      })
      .setOrigin(1, 0)
      .setDepth(20)
      .setAlpha(this.faded.includes("topRight") ? FADED_ALPHA : 1);
    this.feed.unshift({ text: line, at: now });
    while (this.feed.length > FEED_SIZE) this.feed.pop()!.text.destroy();
  }

  /** The kill feed as shown, newest first (read by the test probe). */
  get feedLines(): string[] {
    return this.feed.map((line) => line.text.text);
  }

  update(state: HudState, now: number): void {
    const ping = state.pingMs === null ? "…" : `${Math.round(state.pingMs)} ms`;
    this.status.setText(`${state.layout} · round ${state.round} · first to ${state.koTarget} KOs · ping ${ping}`);
    this.timer.setText(state.phase === "playing" ? clockText(state.phaseSecondsLeft) : "");
    this.muteButton.setText(state.muted ? "Sound off (M)" : "Sound on (M)");
    if (this.hint.text !== state.hint) this.hint.setText(state.hint);
    this.fadeOver(state.ships);
    this.notice.setVisible(now < this.noticeUntil);
    this.drawOwnStatus(state);
    this.drawFeed(now);
    this.drawKoCard(state);
    this.drawPanel(state);
  }

  private place(region: HudRegion, ...objects: Fadable[]): void {
    this.regions.set(region, [...(this.regions.get(region) ?? []), ...objects]);
  }

  /** Fades every HUD region a ship is under; the kill feed's lines fade with theirs. */
  private fadeOver(ships: ReadonlyArray<{ x: number; y: number }>): void {
    const under = regionsUnder(ships);
    if (under.size === this.faded.length && this.faded.every((region) => under.has(region))) return;
    this.faded = [...under];
    for (const [region, objects] of this.regions) {
      const alpha = under.has(region) ? FADED_ALPHA : 1;
      for (const object of objects) object.setAlpha(alpha);
    }
    for (const line of this.feed) line.text.setAlpha(under.has("topRight") ? FADED_ALPHA : 1);
  }

  private drawOwnStatus(state: HudState): void {
    const g = this.bars;
    g.clear();
    const own = state.own;
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
    g.fillStyle(state.dashCharging > 0 ? COLORS.dashCharging : COLORS.shield, 1);
    g.fillRect(x, y + 16, BAR_W * (1 - state.dashCharging), 6);
    const effects = [own.speedTicks > 0 ? "speed" : "", own.rapidTicks > 0 ? "rapid fire" : ""].filter(Boolean).join(" · ");
    this.healthText.setText(`Health ${health}   ${state.dashCharging > 0 ? "dash charging" : "dash ready"}${effects ? `   ${effects}` : ""}`);
    this.scoreText.setText(`KOs ${own.kos}   Deaths ${own.deaths}`);
  }

  private drawFeed(now: number): void {
    for (let i = this.feed.length - 1; i >= 0; i--) {
      const line = this.feed[i]!;
      if (now - line.at > FEED_MS) {
        line.text.destroy();
        this.feed.splice(i, 1);
      }
    }
    this.feed.forEach((line, i) => {
      line.text.setY(12 + i * 26);
    });
  }

  private drawKoCard(state: HudState): void {
    const own = state.own;
    const knockedOut = state.phase === "playing" && own !== undefined && !own.alive;
    this.koCard.setVisible(knockedOut);
    if (knockedOut) {
      const by = own.koBy ? `Knocked out by ${own.koBy}` : "Knocked out";
      this.koCard.setText(`${by}\nBack in ${state.respawnSecondsLeft.toFixed(1)} s`);
    }
  }

  /** The centre of the "Watch this round" button while it shows (read by the test probe). */
  get watchButtonCentre(): { x: number; y: number } | null {
    const button = this.watchButton;
    return button.visible ? { x: button.x, y: button.y + button.height / 2 } : null;
  }

  /** Whether the scoreboard (or the results) is showing (read by the test probe). */
  scoreboardShown = false;

  private drawPanel(state: HudState): void {
    const results = state.phase === "results";
    const visible = results || state.showScoreboard;
    this.scoreboardShown = visible;
    this.panel.clear();
    this.panelTitle.setVisible(visible);
    this.panelBody.setVisible(visible);
    this.watchButton.setVisible(visible && results);
    if (!visible) return;

    const ranked = [...state.scores].sort((a, b) => byRank(a.ship, b.ship));
    const rows = ranked.map((line, i) => {
      const name = `${line.own ? "▶ " : "  "}${line.ship.name}`.padEnd(20).slice(0, 20);
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
    this.panelTitle.setY(top + 18).setText(title);
    this.panelBody.setY(top + 66).setText([header, ...rows].join("\n") + footer);
    this.watchButton.setY(top + height + 12);
  }
}
