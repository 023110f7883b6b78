import Phaser from "phaser";
import { Callbacks } from "@colyseus/sdk";
import type { ArenaLayout } from "../../shared/arena.ts";
import { ARENA_HEIGHT, ARENA_WIDTH, DASH_COOLDOWN } from "../../shared/constants.ts";
import type { KillcamMessage, KoMessage } from "../../shared/messages.ts";
import type { Bullet, Ship } from "../../shared/schema.ts";
import { secondsUntilTick } from "../../shared/scores.ts";
import { ticks } from "../../shared/step.ts";
import { drawFloor, drawWalls } from "./ArenaBackdrop.ts";
import { BulletLayer } from "./BulletLayer.ts";
import type { ArenaConnection, ShipView } from "../net/ArenaConnection.ts";
import { DEVICE_HINTS, PlayerControls } from "./PlayerControls.ts";
import { Effects } from "./Effects.ts";
import { Hud } from "./Hud.ts";
import type { NetworkPanel } from "../ui/NetworkPanel.ts";
import type { Settings, SettingsPanel } from "../ui/SettingsPanel.ts";
import { COLORS, css, FONTS, shipColor } from "../palette.ts";
import { PickupLayer } from "./PickupLayer.ts";
import { QUICK_CHAT } from "../../shared/chat.ts";
import { ChatPanel } from "../ui/ChatPanel.ts";
import { fullScreen } from "../ui/fullScreen.ts";
import { makeGlowTexture } from "./glow.ts";
import { leaveMessage } from "./leaveMessage.ts";
import { installProbe, type KillcamEnd } from "./probe.ts";
import { KILLCAM_VIEWPORT, KillcamCard } from "./KillcamCard.ts";
import type { ReplayPlayer } from "../replay/ReplayPlayer.ts";
import type { ReplaySceneData } from "../replay/ReplayScene.ts";
import { ShipSprites } from "./ShipSprites.ts";
import { SoundEffects } from "./SoundEffects.ts";

export interface ArenaSceneData {
  connection: ArenaConnection;
  networkPanel: NetworkPanel;
  settingsPanel: SettingsPanel;
  /** Back to the lobby, with a message saying why (empty when the player chose to leave). */
  exit: (message: string) => void;
}

/**
 * The killcam's code (the rules, the replay format, its scene: some 11 KB) is not
 * part of the game's first download. It is fetched this long after the arena
 * starts, or with the first killcam if that comes sooner: fetched only at the
 * knock-out, on a slow device it could arrive after the ship is back.
 */
const KILLCAM_CODE_AFTER_MS = 3000;
let killcamModule: Promise<typeof import("../replay/killcam.ts")> | null = null;
function killcamCode(): Promise<typeof import("../replay/killcam.ts")> {
  // A fetch that failed is tried again with the next killcam.
  killcamModule ??= import("../replay/killcam.ts").catch((error: unknown) => {
    killcamModule = null;
    throw error;
  });
  return killcamModule;
}

/** What we last saw of our own ship, to turn changes into feedback. */
interface OwnShipMemory {
  health: number;
  alive: boolean;
  speedTicks: number;
  rapidTicks: number;
  shieldUntil: number;
  dashTicks: number;
}

export class ArenaScene extends Phaser.Scene {
  private connection: ArenaConnection | null = null;
  private controls!: PlayerControls;
  private hud!: Hud;
  private effects!: Effects;
  private bullets!: BulletLayer;
  private pickups!: PickupLayer;
  private walls!: Phaser.GameObjects.Graphics;
  private banner!: Phaser.GameObjects.Text;
  private tabKey!: Phaser.Input.Keyboard.Key;
  private networkPanel!: NetworkPanel;
  private chat!: ChatPanel;
  private settingsPanel!: SettingsPanel;
  /** The palette the ship sprites were drawn with, to redraw them when it changes. */
  private drawnColorBlind = false;
  private exit: (message: string) => void = () => {};
  private readonly sfx = new SoundEffects();
  private sprites!: ShipSprites;
  private drawnLayout = "";
  /** Our predicted shots already given a muzzle flash and a sound. */
  private shotsSeen = 0;
  private lastAim = 0;
  private ownMemory: OwnShipMemory | null = null;
  private frames = 0;
  private status = "playing";
  /** The scoreboard toggled open by its button (touch), besides Tab held. */
  private scoreboardOpen = false;
  private killcamCard!: KillcamCard;
  /** The latest killcam: who is followed, how far it has played, and why it closed (null while it shows). */
  private killcam: { killer: string; player: ReplayPlayer; until: number; closedBy: KillcamEnd | null } | null = null;
  private killcamsShown = 0;

  constructor() {
    super("arena");
  }

  create(data: ArenaSceneData): void {
    // A scene instance is reused for each room: start from a clean slate.
    this.sprites = new ShipSprites(this);
    this.ownMemory = null;
    this.drawnLayout = "";
    this.frames = 0;
    this.shotsSeen = 0;
    this.status = "playing";
    this.connection = data.connection;
    this.networkPanel = data.networkPanel;
    this.settingsPanel = data.settingsPanel;
    this.exit = data.exit;

    makeGlowTexture(this);
    drawFloor(this);
    this.walls = this.add.graphics().setDepth(1);
    this.pickups = new PickupLayer(this);
    this.bullets = new BulletLayer(this);
    this.effects = new Effects(this);
    this.controls = new PlayerControls(this);
    this.hud = new Hud(this, {
      code: data.connection.code,
      toggleMute: () => this.sfx.toggleMute(),
      copyLink: () => this.copyLink(),
      leave: () => void this.leave(),
      toggleScoreboard: () => (this.scoreboardOpen = !this.scoreboardOpen),
      openChat: () => this.chat.open(),
      openSettings: () => this.settingsPanel.setOpen(true),
      fullScreen: () => void fullScreen(),
      // The room's code lets a private room's replay through; the round is the one whose results show.
      watchRound: () => window.open(`/replay?room=${data.connection.code}&round=${data.connection.state.round}`, "_blank", "noopener"),
    });
    const keyboard = this.input.keyboard!;
    this.tabKey = keyboard.addKey(Phaser.Input.Keyboard.KeyCodes.TAB, true);
    this.chat = new ChatPanel(document.body, {
      say: (text) => data.connection.say(text),
      sayQuick: (index) => data.connection.sayQuick(index),
      colorOf: (from) => shipColor(data.connection.state.ships.get(from)?.hue ?? 0),
      // While typing, the keys are the message's, not the ship's.
      typing: (active) => {
        keyboard.enabled = !active;
        if (active) {
          keyboard.disableGlobalCapture();
          keyboard.resetKeys();
        } else keyboard.enableGlobalCapture();
      },
    });
    this.killcamCard = new KillcamCard(this, () => this.closeKillcam("skip"));
    // Fetched once the arena is up, so the first killcam is ready in time on a slow device.
    this.time.delayedCall(KILLCAM_CODE_AFTER_MS, () => void killcamCode().catch(() => {}));
    this.killcam = null;
    this.events.once("shutdown", () => {
      this.chat.destroy();
      this.closeKillcam("left");
    });
    // Esc skips a killcam that is showing, and then only that: the settings (also on Esc) stay shut.
    const skipOnEsc = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !this.killcamShowing) return;
      event.stopImmediatePropagation();
      this.closeKillcam("skip");
    };
    addEventListener("keydown", skipOnEsc, { capture: true });
    this.events.once("shutdown", () => removeEventListener("keydown", skipOnEsc, { capture: true }));
    keyboard.on("keydown-ENTER", () => this.chat.open());
    keyboard.on("keydown", (event: KeyboardEvent) => {
      const quick = Number(event.key);
      if (Number.isInteger(quick) && quick >= 1 && quick <= QUICK_CHAT.length) data.connection.sayQuick(quick - 1);
    });
    keyboard.on("keydown-M", () => this.sfx.toggleMute());
    // Browsers start audio only after a gesture.
    keyboard.on("keydown", () => this.sfx.unlock());
    this.input.on("pointerdown", () => this.sfx.unlock());

    this.banner = this.add
      .text(ARENA_WIDTH / 2, ARENA_HEIGHT / 2, "", {
        fontFamily: FONTS.ui,
        fontSize: "26px",
        color: css(COLORS.text),
        align: "center",
        backgroundColor: css(COLORS.black, 0.67),
        padding: { x: 18, y: 12 },
      })
      .setOrigin(0.5)
      .setDepth(40)
      .setVisible(false);
    this.listen(data.connection);
    installProbe(() => ({
      connection: this.connection,
      frames: this.frames,
      renderer: this.game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas",
      status: this.status,
      feed: this.hud.feedLines,
      device: this.controls.device,
      hudFaded: this.hud.faded,
      scoreboard: this.hud.scoreboardShown,
      networkPanel: this.networkPanel,
      watchButton: this.hud.watchButtonCentre,
      killcam: {
        showing: this.killcamShowing,
        killer: this.killcam?.killer ?? null,
        played: this.killcam?.player.position ?? 0,
        length: this.killcam?.player.length ?? 0,
        closedBy: this.killcam?.closedBy ?? null,
        shown: this.killcamsShown,
        received: this.connection?.killcams.count ?? 0,
        bytes: this.connection?.killcams.bytes ?? 0,
      },
    }));
  }

  override update(time: number): void {
    this.frames++;
    const connection = this.connection;
    if (connection) this.play(connection, time);
    this.networkPanel.update(performance.now());
  }

  private play(connection: ArenaConnection, now: number): void {
    const ownSprite = this.sprites.get(connection.sessionId);
    const aimFromX = ownSprite?.x ?? 0;
    const aimFromY = ownSprite?.y ?? 0;
    this.controls.update();
    this.applySettings(this.settingsPanel.settings);
    connection.update(now, () => this.controls.forStep(aimFromX, aimFromY));

    const tick = connection.serverTick(now);
    const state = connection.state;
    const layout = connection.layout;
    if (layout.name !== this.drawnLayout) this.drawWalls(layout);

    const views = connection.ships();
    this.lastAim = this.controls.aimAngle(aimFromX, aimFromY);
    this.drawShips(views, tick, now, this.lastAim);

    const dt = connection.stepMs / 1000;
    this.bullets.draw(connection.bullets(now), layout, (owner) => shipColor(state.ships.get(owner)?.hue ?? 0));
    this.pickups.draw(state.pickups.values(), tick, now);
    if (connection.predictedShots > this.shotsSeen) this.onOwnShot(aimFromX, aimFromY, this.lastAim);
    this.shotsSeen = connection.predictedShots;

    const own = connection.ownShip;
    const predicted = connection.predictedShip;
    // The killcam never holds a player back: it closes as their ship returns, or the round ends.
    if (this.killcam && tick >= this.killcam.until) this.closeKillcam("respawn");
    if (state.phase !== "playing") this.closeKillcam("round-over");
    if (own) this.feedbackForOwnShip(own, predicted?.dashTicks ?? 0);
    this.hud.update(
      {
        layout: layout.name,
        round: state.round,
        koTarget: state.koTarget,
        phase: state.phase,
        phaseSecondsLeft: secondsUntilTick(state.phaseEndTick, tick, state.tickRate),
        pingMs: connection.stats.pingMs,
        own,
        respawnSecondsLeft: own ? secondsUntilTick(own.respawnTick, tick, state.tickRate) : 0,
        dashCharging: predicted ? predicted.dashCooldown / ticks(DASH_COOLDOWN, dt) : 0,
        scores: views.map(({ id, own: mine, ship }) => ({ id, own: mine, ship })),
        showScoreboard: this.tabKey.isDown || this.controls.padScoreboard || this.scoreboardOpen,
        hint: DEVICE_HINTS[this.controls.device],
        ships: views.filter((view) => view.ship.alive),
        muted: this.sfx.muted,
      },
      now,
    );
  }

  /** Volume and shake follow the settings as they are; a palette change redraws every ship. */
  private applySettings(settings: Settings): void {
    this.sfx.volume = settings.volume;
    this.effects.shakeEnabled = settings.shake;
    if (settings.colorBlind === this.drawnColorBlind) return;
    this.drawnColorBlind = settings.colorBlind;
    this.sprites.clear();
  }

  private listen(connection: ArenaConnection): void {
    const room = connection.room;
    this.networkPanel.bind(connection);
    connection.onKo((message) => this.onKo(connection, message));
    connection.onKillcam((message) => void this.openKillcam(connection, message));
    connection.onChat((message) => {
      this.chat.add(message);
      if (message.quick) this.sprites.get(message.from)?.say(message.text, this.time.now);
    });
    connection.onChatNotice((text) => this.chat.notice(text));
    Callbacks.get(room).onAdd("bullets", (bullet) => this.onShot(connection, bullet), false);
    room.onDrop(() => {
      this.status = "reconnecting";
      this.banner.setText("Connection lost\nReconnecting…").setVisible(true);
    });
    room.onReconnect(() => {
      this.status = "playing";
      this.banner.setVisible(false);
    });
    // Why the server closed us: the close frame's reason, or an error message it sent just before.
    let serverSaid = "";
    room.onError((_code, message) => (serverSaid = message ?? ""));
    room.onLeave((code, reason) => {
      if (this.connection !== connection) return;
      this.connection = null;
      this.scene.stop();
      this.exit(leaveMessage(connection.code, code, reason || serverSaid));
    });
  }

  private async leave(): Promise<void> {
    await this.connection?.room.leave(true);
  }

  private copyLink(): void {
    const link = `${location.origin}/?room=${this.connection?.code ?? ""}`;
    void navigator.clipboard?.writeText(link).then(
      () => this.hud.flash("Link copied"),
      () => this.hud.flash(link),
    );
  }

  /** Another ship fired: our own shots get their flash the moment we predict them. */
  private onShot(connection: ArenaConnection, bullet: Bullet): void {
    const shooter = connection.state.ships.get(bullet.owner);
    const sprite = this.sprites.get(bullet.owner);
    if (!shooter || !sprite || bullet.owner === connection.sessionId) return;
    this.effects.muzzleFlash(sprite.x, sprite.y, Math.atan2(bullet.vy, bullet.vx), shipColor(shooter.hue));
  }

  private onOwnShot(x: number, y: number, aim: number): void {
    const own = this.connection?.ownShip;
    this.effects.muzzleFlash(x, y, aim, shipColor(own?.hue ?? 0));
    this.sfx.play("shoot");
  }

  private onKo(connection: ArenaConnection, message: KoMessage): void {
    const mine = message.killer === connection.sessionId || message.victim === connection.sessionId;
    this.hud.addKo(message.killerName, message.victimName, mine, this.time.now);
    const victim = this.sprites.get(message.victim);
    const hue = connection.state.ships.get(message.victim)?.hue ?? 0;
    if (victim) this.effects.knockOut(victim.x, victim.y, shipColor(hue));
    this.sfx.play("ko");
  }

  /**
   * Plays the seconds before our knock-out from the killer's side, re-simulated
   * from the inputs the server sent. It is sped up to end before we respawn.
   */
  private async openKillcam(connection: ArenaConnection, message: KillcamMessage): Promise<void> {
    let player: ReplayPlayer;
    try {
      const { ReplayPlayer, ReplayScene, unpackReplay } = await killcamCode();
      if (!this.game.scene.keys.killcam) this.game.scene.add("killcam", ReplayScene, false);
      player = new ReplayPlayer(await unpackReplay(message.replay));
    } catch {
      return; // A killcam that cannot be read is simply not shown.
    }
    // The message may come before the patch that shows our ship knocked out: its respawn tick is the message's.
    const tick = connection.serverTick(performance.now());
    if (this.connection !== connection || message.victim !== connection.sessionId || tick >= message.respawnTick) return;
    this.closeKillcam("next");
    const respawnIn = secondsUntilTick(message.respawnTick, tick, connection.state.tickRate);
    const clipSeconds = player.length / player.tickRate;
    const speed = Math.max(1, clipSeconds / Math.max(0.5, respawnIn - 0.4));
    this.killcam = { killer: message.killer, player, until: message.respawnTick, closedBy: null };
    this.killcamsShown++;
    const killer = player.simulation.state.ships.get(message.killer)?.name ?? "Your killer";
    this.killcamCard.show(killer, speed);
    const data: ReplaySceneData = {
      player,
      follow: () => message.killer,
      onFrame: (ms) => player.advance((ms / 1000) * player.tickRate * speed),
      viewport: KILLCAM_VIEWPORT,
      zoom: 1.25,
      keepInView: message.victim,
    };
    this.scene.launch("killcam", data);
  }

  private get killcamShowing(): boolean {
    return this.killcam !== null && this.killcam.closedBy === null;
  }

  private closeKillcam(why: KillcamEnd): void {
    if (!this.killcam || this.killcam.closedBy !== null) return;
    this.killcam.closedBy = why;
    this.killcamCard.hide();
    this.scene.stop("killcam");
  }

  /** Turns changes to our own ship into sound and shake. */
  private feedbackForOwnShip(own: Ship, dashTicks: number): void {
    const before = this.ownMemory;
    this.ownMemory = {
      health: own.health,
      alive: own.alive,
      speedTicks: own.speedTicks,
      rapidTicks: own.rapidTicks,
      shieldUntil: own.shieldUntil,
      dashTicks,
    };
    if (!before) return;
    if (own.alive && !before.alive) this.sfx.play("respawn");
    else if (own.alive && own.health < before.health) {
      this.effects.shake();
      this.sfx.play("hurt");
    } else if (
      own.alive &&
      (own.health > before.health || own.speedTicks > before.speedTicks || own.rapidTicks > before.rapidTicks || own.shieldUntil > before.shieldUntil)
    ) {
      this.sfx.play("pickup");
    }
    if (dashTicks > 0 && before.dashTicks === 0) this.sfx.play("dash");
  }

  private drawShips(views: ShipView[], tick: number, now: number, ownAim: number): void {
    this.sprites.sync(views, (sprite, view) => sprite.update(view, view.own ? ownAim : view.ship.aim, tick < view.ship.shieldUntil, now));
  }

  private drawWalls(layout: ArenaLayout): void {
    drawWalls(this.walls, layout);
    this.drawnLayout = layout.name;
  }
}
