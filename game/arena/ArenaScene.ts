// The arena scene: the match as it is played, drawn from the connection each
// frame. What it shows besides the ships has controllers of their own: the
// killcam, the keys (one router, with its order of precedence), the connection
// banner, and the HUD.
import Phaser from "phaser";
import { DASH_COOLDOWN } from "../../shared/constants.ts";
import type { KoMessage } from "../../shared/messages.ts";
import type { Ship } from "../../shared/schema.ts";
import type { BulletState } from "../../shared/world.ts";
import { secondsUntilTick } from "../../shared/scores.ts";
import { ticks } from "../../shared/step.ts";
import type { ArenaConnection, ShipView } from "../net/ArenaConnection.ts";
import { shipColor } from "../palette.ts";
import { ChatPanel } from "../ui/ChatPanel.ts";
import { HostPanel } from "../ui/HostPanel.ts";
import { fullScreen } from "../ui/fullScreen.ts";
import type { NetworkPanel } from "../ui/NetworkPanel.ts";
import type { Settings, SettingsPanel } from "../ui/SettingsPanel.ts";
import { ArenaBackdrop } from "../draw/ArenaBackdrop.ts";
import { HillLayer } from "../draw/HillLayer.ts";
import { modeOf } from "../../shared/modes/index.ts";
import { teamScoresState } from "./hud/TeamScores.ts";
import { BulletLayer } from "../draw/BulletLayer.ts";
import { ConnectionBanner } from "./ConnectionBanner.ts";
import { Effects } from "./Effects.ts";
import { Hud } from "./Hud.ts";
import type { RoomHost } from "./hud/RoomLine.ts";
import { IdleNotice } from "./IdleNotice.ts";
import { KeyRouter } from "./KeyRouter.ts";
import { KillcamController } from "./KillcamController.ts";
import { saveFile } from "./saveFile.ts";
import { leaveMessage } from "./leaveMessage.ts";
import { PickupLayer } from "../draw/PickupLayer.ts";
import { DEVICE_HINTS, PlayerControls } from "./PlayerControls.ts";
import { installProbe, type ProbeSource } from "./probe.ts";
import { ShipSprites } from "../draw/ShipSprites.ts";
import { SoundEffects } from "./SoundEffects.ts";
import { Spectating } from "./Spectating.ts";

export interface ArenaSceneData {
  connection: ArenaConnection;
  networkPanel: NetworkPanel;
  settingsPanel: SettingsPanel;
  /** Back to the lobby, with a message saying why (empty when the player chose to leave). */
  exit: (message: string) => void;
  /** The player's name, for a Join from watching. */
  name: string;
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
  private hill!: HillLayer;
  private backdrop!: ArenaBackdrop;
  private banner!: ConnectionBanner;
  private killcams!: KillcamController;
  private keys!: KeyRouter;
  private tabKey!: Phaser.Input.Keyboard.Key;
  private networkPanel!: NetworkPanel;
  private chat!: ChatPanel;
  private hostPanel!: HostPanel;
  private spectating!: Spectating;
  private idleNotice!: IdleNotice;
  private playerName = "";
  private settingsPanel!: SettingsPanel;
  /** The palette the ship sprites were drawn with, to redraw them when it changes. */
  private drawnColorBlind = false;
  private exit: (message: string) => void = () => {};
  private readonly sfx = new SoundEffects();
  private sprites!: ShipSprites;
  /** Our predicted shots already given a muzzle flash and a sound. */
  private shotsSeen = 0;
  private lastAim = 0;
  private ownMemory: OwnShipMemory | null = null;
  private frames = 0;
  /** The scoreboard toggled open by its button (touch), besides Tab held. */
  private scoreboardOpen = false;

  constructor() {
    super("arena");
  }

  create(data: ArenaSceneData): void {
    const connection = data.connection;
    // A scene instance is reused for each room: start from a clean slate.
    this.sprites = new ShipSprites(this);
    this.ownMemory = null;
    this.frames = 0;
    this.shotsSeen = 0;
    this.connection = connection;
    this.networkPanel = data.networkPanel;
    this.settingsPanel = data.settingsPanel;
    this.exit = data.exit;
    this.playerName = data.name;

    this.backdrop = new ArenaBackdrop(this);
    this.hill = new HillLayer(this);
    this.pickups = new PickupLayer(this);
    this.bullets = new BulletLayer(this);
    this.effects = new Effects(this);
    this.controls = new PlayerControls(this);
    this.hud = this.makeHud(connection);
    this.tabKey = this.input.keyboard!.addKey(Phaser.Input.Keyboard.KeyCodes.TAB, true);
    this.killcams = new KillcamController(this, connection);
    this.keys = new KeyRouter(this, {
      killcamShowing: () => this.killcams.showing,
      skipKillcam: () => this.killcams.close("skip"),
      openChat: () => this.openChat(),
      sayQuick: (index) => connection.sayQuick(index),
      toggleMute: () => this.sfx.toggleMute(),
      unlockSound: () => this.sfx.unlock(),
    });
    this.chat = new ChatPanel(document.body, {
      say: (text) => connection.say(text),
      sayQuick: (index) => connection.sayQuick(index),
      colorOf: (from) => shipColor(connection.state.ships.get(from)),
      typing: (active) => this.keys.setTyping(active),
    });
    this.hostPanel = new HostPanel(document.body, connection, (active) => this.keys.setTyping(active));
    this.events.once("shutdown", () => {
      this.chat.destroy();
      this.hostPanel.destroy();
      this.settingsPanel.setHostControls(null);
    });
    this.banner = new ConnectionBanner(this, connection);
    this.spectating = new Spectating(this, connection, () => connection.takeSeat(this.playerName));
    this.idleNotice = new IdleNotice(this, connection, () => this.sfx.play("warning"));
    this.listen(connection);
    installProbe(() => this.probeSource());
  }

  private makeHud(connection: ArenaConnection): Hud {
    return new Hud(this, {
      code: connection.code,
      toggleMute: () => this.sfx.toggleMute(),
      copyLink: () => this.copyLink(),
      leave: () => void this.leave(),
      toggleScoreboard: () => (this.scoreboardOpen = !this.scoreboardOpen),
      openChat: () => this.openChat(),
      openSettings: () => this.settingsPanel.setOpen(true),
      fullScreen: () => void fullScreen(),
      // The room's code lets a private room's replay through; the round is the one whose results show.
      watchRound: () => window.open(`/replay?room=${connection.code}&round=${connection.state.round}`, "_blank", "noopener"),
      openHostPanel: () => this.hostPanel.open(),
      join: () => connection.takeSeat(this.playerName),
      switchTeam: () => connection.switchTeam(),
      report: () => connection.report(),
    });
  }

  private probeSource(): ProbeSource {
    return {
      connection: this.connection,
      frames: this.frames,
      renderer: this.game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas",
      status: this.banner.status,
      feed: this.hud.feedLines,
      device: this.controls.device,
      hudFaded: this.hud.faded,
      scoreboard: this.hud.scoreboardShown,
      scoreboardTitle: this.hud.scoreboardTitle,
      networkPanel: this.networkPanel,
      watchButton: this.hud.watchButtonCentre,
      switchTeamButton: this.hud.switchTeamButtonCentre,
      reportButton: this.hud.reportButtonCentre,
      killcam: this.killcams.probe(),
      watching: this.spectating.state(false),
      idleWarned: this.idleNotice.warned,
    };
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
    this.backdrop.show(layout);

    const views = this.spectating.views(connection.ships());
    this.lastAim = this.controls.aimAngle(aimFromX, aimFromY);
    this.drawShips(views, connection.sessionId, tick, now, this.lastAim);

    this.bullets.draw(connection.bullets(now), layout, (owner) => shipColor(state.ships.get(owner)));
    this.pickups.draw(state.pickups.values(), tick, now);
    this.hill.draw(state, now);
    if (connection.predictedShots > this.shotsSeen) this.onOwnShot(aimFromX, aimFromY, this.lastAim);
    this.shotsSeen = connection.predictedShots;

    const followed = this.spectating.followedId;
    const own = followed ? state.ships.get(followed) : connection.ownShip;
    const predicted = connection.predictedShip;
    this.killcams.update(tick, state.phase);
    this.idleNotice.update(now, this.killcams.showing || this.keys.typing, this.controls.padActive);
    if (own && !followed) this.feedbackForOwnShip(own, predicted?.dashTicks ?? 0);
    this.updateHud(connection, views, own, tick, now);
  }

  /** The HUD, for the ship we see from (ours, or the one followed while watching). */
  private updateHud(connection: ArenaConnection, views: ShipView<Ship>[], own: Ship | undefined, tick: number, now: number): void {
    const state = connection.state;
    const predicted = connection.predictedShip;
    const dt = connection.stepMs / 1000;
    this.hud.update(
      {
        layout: connection.layout.name,
        round: state.round,
        goal: modeOf(state).goal(state),
        phase: state.phase,
        phaseSecondsLeft: secondsUntilTick(state.phaseEndTick, tick, state.tickRate),
        pingMs: connection.stats.pingMs,
        own,
        respawnSecondsLeft: own ? secondsUntilTick(own.respawnTick, tick, state.tickRate) : 0,
        dashCharging: predicted ? predicted.dashCooldown / ticks(DASH_COOLDOWN, dt) : 0,
        scores: views.map(({ id, ship }) => ({ id, own: id === connection.sessionId, host: id === state.hostId, ship })),
        showScoreboard: this.tabKey.isDown || this.controls.padScoreboard || this.scoreboardOpen,
        hint: DEVICE_HINTS[this.controls.device],
        ships: views.filter((view) => view.ship.alive),
        muted: this.sfx.muted,
        host: this.roomHost(connection),
        watching: this.spectating.state(this.controls.device === "touch"),
        teams: teamScoresState(state, own, !connection.watching),
      },
      now,
    );
  }

  /** Chat is for players: watching, it is read-only. */
  private openChat(): void {
    if (!this.connection?.watching) this.chat.open();
  }

  /** Who hosts the room, for the HUD; the host's panel is offered in the settings while it is us. */
  private roomHost(connection: ArenaConnection): RoomHost | null {
    const id = connection.state.hostId;
    const you = id !== "" && id === connection.sessionId;
    this.settingsPanel.setHostControls(you ? () => this.hostPanel.open() : null);
    return id ? { name: connection.state.ships.get(id)?.name ?? "", you } : null;
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
    connection.onChat((message) => {
      this.chat.add(message);
      if (message.quick) this.sprites.get(message.from)?.say(message.text, this.time.now);
    });
    connection.onNotice((text) => this.chat.notice(text));
    connection.onReport((report) => {
      if (report) saveFile(report.replay, report.file);
      this.hud.reported(report !== null, this.time.now);
    });
    connection.onShot((bullet) => this.onShot(connection, bullet));
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
  private onShot(connection: ArenaConnection, bullet: BulletState): void {
    const shooter = connection.state.ships.get(bullet.owner);
    const sprite = this.sprites.get(bullet.owner);
    if (!shooter || !sprite || bullet.owner === connection.sessionId) return;
    this.effects.muzzleFlash(sprite.x, sprite.y, Math.atan2(bullet.vy, bullet.vx), shipColor(shooter));
  }

  private onOwnShot(x: number, y: number, aim: number): void {
    const own = this.connection?.ownShip;
    this.effects.muzzleFlash(x, y, aim, shipColor(own));
    this.sfx.play("shoot");
  }

  private onKo(connection: ArenaConnection, message: KoMessage): void {
    const mine = message.killer === connection.sessionId || message.victim === connection.sessionId;
    const name = (id: string) => connection.state.ships.get(id)?.name ?? "?";
    this.hud.addKo(name(message.killer), name(message.victim), mine, this.time.now);
    const victim = this.sprites.get(message.victim);
    if (victim) this.effects.knockOut(victim.x, victim.y, shipColor(connection.state.ships.get(message.victim)));
    this.sfx.play("ko");
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

  /** Our ship points where we aim now; the one we see from (ours, or the one followed while watching) is marked. */
  private drawShips(views: Array<ShipView<Ship>>, ownId: string, tick: number, now: number, ownAim: number): void {
    this.sprites.sync(views, (sprite, view) => {
      sprite.mark(view.own);
      const own = view.id === ownId;
      sprite.update(view, own ? ownAim : view.ship.heading, tick < view.ship.shieldUntil, now, !own);
    });
  }
}
