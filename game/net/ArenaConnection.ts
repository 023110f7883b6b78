// Joining the arena and wiring the SDK's netcode: the input handle, the
// reconciler that predicts our own ship, and interpolation for everyone else.
import { Callbacks, Predict, PredictedSpawns, type InputHandle, type Reconciler } from "@colyseus/sdk";
import { layoutByName, type ArenaLayout } from "../../shared/arena.ts";
import { INTERPOLATION_DELAY_MS, TICK_RATE } from "../../shared/constants.ts";
import { namesWith, SHIP_FIELDS } from "../../shared/entities.ts";
import type { ChatMessage } from "../../shared/chat.ts";
import { type Handshake, koFromWire, type KoMessage, type ReportMessage } from "../../shared/messages.ts";
import { ArenaState, type Ship, ShipInput } from "../../shared/schema.ts";
import type { RoomSettings } from "../../shared/settings.ts";
import { stepShip, type Motion, type ShipBody, type ShipControls, type Shot } from "../../shared/step.ts";
import type { BulletState, ShipState } from "../../shared/world.ts";
import { gameClient, type ArenaJoinOptions, type ArenaRoom, type GameClient, type ServerRoom, watchRoom } from "./gameClient.ts";
import { browserId } from "./browserId.ts";
import { LinkStats } from "./LinkStats.ts";
import { NetworkMeter } from "./NetworkMeter.ts";
import { SeenHistory } from "./SeenHistory.ts";
import { ShotFeed } from "./ShotFeed.ts";

/** Everything the step reads or writes: the reconciler predicts these and adopts them from the server. */
const PREDICTED_FIELDS = namesWith(SHIP_FIELDS, "predicted");
/**
 * Rolling correction size (px or px/s) past which the SDK warns in the console that
 * prediction diverges. Knock-backs from hits correct by up to about HIT_KNOCKBACK
 * now and then; a broken step would drift far more often. Setting a tolerance also
 * turns on the SDK's correction telemetry that `corrections` counts.
 */
const DIVERGENCE_WARNING_PX = 100;
/**
 * A correction this large is a respawn, not an error: jump instead of gliding across
 * the arena. It must stay above the speed a knock-back adds (px/s), which is a real
 * disagreement to smooth out, not a teleport.
 */
const SNAP_CORRECTION_PX = 400;

/** One of our shots as predicted on the client: where and when it left the gun. */
export interface PredictedShot extends Shot {
  /** performance.now() when the step fired it. */
  firedAt: number;
}

/** A bullet to draw: its start, velocity (px/s) and how long it has flown (s). */
export interface BulletView extends Motion {
  /** Stable from the predicted shot to the server's bullet. */
  id: number;
  age: number;
  owner: string;
}

/** How the WebSocket was opened, for the network panel. */
export interface HandshakeInfo {
  url: string;
  /** Wall-clock time the room was joined. */
  at: Date;
  /** Matchmaking request plus WebSocket upgrade plus join, ms. */
  durationMs: number;
  /** The upgrade request and the server's answer as the server saw them; null until it tells us. */
  seen: Handshake | null;
}

/** What a player can ask for in the lobby. */
/** What a player chose in the lobby: quick play, a room of their own (private ones with the settings they chose), a room by its code, or watching one. */
export type LobbyChoice =
  | { kind: "quick" }
  | { kind: "create"; private: boolean; settings?: Partial<RoomSettings> }
  | { kind: "code"; code: string }
  | { kind: "watch"; code: string };

/** How to get into a room: a lobby choice, or resuming a seat held since a drop or a reload. */
export type JoinRequest = LobbyChoice | { kind: "resume"; reconnectionToken: string };

async function openRoom(client: GameClient, name: string, request: JoinRequest, browser: string): Promise<ArenaRoom> {
  switch (request.kind) {
    case "quick":
      return client.joinOrCreate("arena", { name, browser } satisfies ArenaJoinOptions, ArenaState);
    case "create":
      return client.create("arena", { name, browser, private: request.private, settings: request.settings } satisfies ArenaJoinOptions, ArenaState);
    case "code":
      try {
        return await client.joinById<ServerRoom<"arena">>(request.code, { name, browser } satisfies ArenaJoinOptions, ArenaState);
      } catch (error) {
        // The matchmaker says "room not found" for unknown codes; say it in the player's words.
        if (error instanceof Error && /not found|no rooms found/i.test(error.message)) {
          throw new Error(`There is no room with code ${request.code}.`);
        }
        // A room full of players is locked by the framework; one its host locked says so itself.
        if (error instanceof Error && !/by its host|by the host/.test(error.message) && /locked|already full/i.test(error.message)) {
          throw new Error(`Room ${request.code} is full.`);
        }
        throw error;
      }
    case "watch":
      return watchRoom(client, request.code);
    case "resume":
      return client.reconnect<ServerRoom<"arena">>(request.reconnectionToken, ArenaState);
  }
}

/** A ship as it should be drawn this frame: ours predicted, others interpolated (a replay's: blended between ticks). */
export interface ShipView<DrawnShip extends Readonly<ShipState> = Readonly<ShipState>> {
  id: string;
  own: boolean;
  x: number;
  y: number;
  /** The ship as the rules have it (the synchronised one, or a replay's), for everything that is not interpolated. */
  ship: DrawnShip;
}

export class ArenaConnection {
  readonly room: ArenaRoom;
  readonly meter: NetworkMeter;
  readonly handshake: HandshakeInfo;
  private readonly predict: Predict<ArenaState>;
  private readonly input: InputHandle<ShipInput>;
  private reconciler: Reconciler<Ship> | null = null;
  /** Our bullets from the moment we fire, handed over to the server's when they arrive; everyone else's too. */
  private readonly shots: PredictedSpawns<BulletState, PredictedShot>;
  /** The server's bullets, from the shots its ships carry. */
  private readonly shotFeed: ShotFeed;
  /** What we were shown of the last few seconds, for the killcam. */
  readonly seen: SeenHistory;
  /** Round trip, jitter and prediction corrections, for the panels. */
  readonly stats: LinkStats;
  /** Shots we predicted, and those the server never confirmed. */
  predictedShots = 0;
  rejectedShots = 0;
  /** The last state tick received and when it arrived, to estimate the server's tick between patches. */
  private lastTick = { tick: 0, at: 0 };
  private readonly koListeners: Array<(message: KoMessage) => void> = [];
  private readonly chatListeners: Array<(message: ChatMessage) => void> = [];
  private readonly noticeListeners: Array<(text: string) => void> = [];
  private readonly reportListeners: Array<(message: ReportMessage | null) => void> = [];
  private readonly idleListeners: Array<(seconds: number) => void> = [];
  private readonly watchingListeners: Array<() => void> = [];
  private readonly ownShipListeners: Array<() => void> = [];
  /** The browser this connection joined from (see browserId), sent again with a Join from watching. */
  private browser = "";

  private constructor(room: ArenaRoom, meter: NetworkMeter, handshake: HandshakeInfo) {
    this.room = room;
    this.meter = meter;
    this.handshake = handshake;
    this.input = room.input({ type: ShipInput, mode: "reliable" });
    this.predict = Predict.get(room, { mode: "lerp", delay: INTERPOLATION_DELAY_MS });
    this.predict.attachAll("ships", { mode: "lerp", fields: ["x", "y"], snap: SNAP_CORRECTION_PX });
    this.shotFeed = new ShotFeed(
      room,
      () => this.layout,
      () => this.stepMs / 1000,
    );
    this.shots = new PredictedSpawns<BulletState, PredictedShot>(
      { owned: (bullet) => bullet.owner === room.sessionId, onReject: () => this.rejectedShots++ },
      room.clock,
    );
    this.shots.attach(this.shotFeed.subscribe);
    this.seen = new SeenHistory(room, () => this.shotFeed.inFlight());

    this.stats = new LinkStats(room);

    room.onMessage("ko", (wire) => {
      const message = koFromWire(wire);
      for (const listener of this.koListeners) listener(message);
    });
    room.onMessage("chat", (message) => {
      for (const listener of this.chatListeners) listener(message);
    });
    // Notices for this player: a chat line not sent, what the host did, why a host's command or a Join was refused.
    for (const type of ["chat-notice", "room-notice", "host-notice", "seat-notice"] as const) {
      room.onMessage(type, ({ text }) => {
        for (const listener of this.noticeListeners) listener(text);
      });
    }
    room.onMessage("idle-warning", ({ seconds }) => {
      for (const listener of this.idleListeners) listener(seconds);
    });
    room.onMessage("watching", () => {
      for (const listener of this.watchingListeners) listener();
    });
    room.onMessage("report", (message) => {
      for (const listener of this.reportListeners) listener(message);
    });
    room.onMessage("report-notice", ({ text }) => {
      for (const listener of this.noticeListeners) listener(text);
      for (const listener of this.reportListeners) listener(null);
    });
    const callbacks = Callbacks.get(room);
    callbacks.listen("tick", (tick) => (this.lastTick = { tick, at: performance.now() }));
    // onAdd also fires for ships already in the state, ours included.
    callbacks.onAdd("ships", (ship, sessionId) => {
      if (sessionId !== room.sessionId) return;
      this.predictOwnShip(ship);
      for (const listener of this.ownShipListeners) listener();
    });
  }

  /**
   * Joins an arena room on the server at `endpoint` (an http(s) or ws(s) URL), as
   * `request` says: quick play, a new (private) room, a room code, or resuming a
   * seat held since a dropped connection or a page reload; from `browser` (this
   * browser's id by default; see browserId).
   */
  static async join(endpoint: string, name: string, request: JoinRequest = { kind: "quick" }, browser = browserId()): Promise<ArenaConnection> {
    const client = gameClient(endpoint);
    const startedAt = performance.now();
    const room = await openRoom(client, name, request, browser);
    return ArenaConnection.opened(room, endpoint, startedAt, browser);
  }

  /** Watches the room `code` without a ship (the watch route); Join takes a seat later if one is free. */
  static watch(endpoint: string, code: string, browser = browserId()): Promise<ArenaConnection> {
    return ArenaConnection.join(endpoint, "", { kind: "watch", code }, browser);
  }

  private static async opened(room: ArenaRoom, endpoint: string, startedAt: number, browser: string): Promise<ArenaConnection> {
    const handshake: HandshakeInfo = { url: room.connection.url ?? endpoint, at: new Date(), durationMs: performance.now() - startedAt, seen: null };
    // The network panel shows how the server saw our WebSocket's opening handshake: we ask once.
    room.onMessage("handshake", (seen) => (handshake.seen = seen));
    room.send("handshake");
    const meter = new NetworkMeter();
    meter.attach(room.connection);
    // The full state follows the join handshake; the layout and our ship are in it.
    await new Promise<void>((resolve, reject) => {
      room.onStateChange.once(() => resolve());
      room.onLeave.once((code) => reject(new Error(`The server closed the room (code ${code})`)));
    });
    const connection = new ArenaConnection(room, meter, handshake);
    connection.browser = browser;
    return connection;
  }

  /** The room's code: share it, or the link with it, to play together. */
  get code(): string {
    return this.room.roomId;
  }

  private predictOwnShip(ship: Ship): void {
    const reconciler = this.predict.reconciler(ship, {
      input: this.input,
      fields: PREDICTED_FIELDS,
      step: (ctx, state, command) => {
        const shot = stepShip(state, command, this.layout, ctx.dt);
        // Replays re-run old steps after a correction: only a live step fires a new bullet.
        if (shot && !ctx.isReplay) {
          this.shots.spawn({ ...shot, firedAt: performance.now() });
          this.predictedShots++;
        }
      },
      warnOnDivergence: DIVERGENCE_WARNING_PX,
      snap: SNAP_CORRECTION_PX,
      onReconcile: () => {
        if (reconciler.lastCorrectionMag > 0) this.stats.noteCorrection(performance.now());
      },
    });
    this.reconciler = reconciler;
  }

  /** Size of the last correction (px, or px/s for velocity), 0 if it matched. */
  get lastCorrection(): number {
    return this.reconciler?.lastCorrectionMag ?? 0;
  }

  /** Server tick rate and patch interval, as the server announced them in the handshake. */
  get serverRates(): { tickRate: number; patchRate: number } {
    return { tickRate: this.input.tickRate ?? 0, patchRate: this.input.patchRate ? 1000 / this.input.patchRate : 0 };
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get state(): ArenaState {
    return this.room.state;
  }

  get layout(): ArenaLayout {
    return layoutByName(this.room.state.layout);
  }

  /** Our synchronised ship (health, score, ...); undefined until the server has added it. */
  get ownShip(): Ship | undefined {
    return this.room.state.ships.get(this.room.sessionId);
  }

  /** Our ship as predicted, before render smoothing; null until the server has spawned it. */
  get predictedShip(): Readonly<ShipBody> | null {
    return this.reconciler?.state ?? null;
  }

  /** Inputs sent that the server has not yet applied. */
  get pendingInputs(): number {
    return this.reconciler?.pendingCount ?? 0;
  }

  /** The fixed step of the room, in ms. */
  get stepMs(): number {
    return this.input.stepMs ?? 1000 / TICK_RATE;
  }

  /** The server's tick now, estimated from the last one received (fractional). */
  serverTick(now: number): number {
    const elapsed = Math.min(now - this.lastTick.at, 4 * this.stepMs);
    return this.lastTick.tick + elapsed / this.stepMs;
  }

  onKo(listener: (message: KoMessage) => void): void {
    this.koListeners.push(listener);
  }

  /** Another ship fired: its bullet as the server has it. */
  onShot(listener: (bullet: BulletState) => void): void {
    this.shotFeed.onFired(listener);
  }

  /** The replay we asked for with report(), to save for a bug report; null when none came (a notice says why). */
  onReport(listener: (message: ReportMessage | null) => void): void {
    this.reportListeners.push(listener);
  }

  /** Asks for a replay of what we just saw (the round's last half minute, or between rounds the whole round); see onReport. */
  report(): void {
    if (this.linkUp) this.room.send("report");
  }

  /** Every chat line said in the room, ours included, as the server cleaned it. */
  onChat(listener: (message: ChatMessage) => void): void {
    this.chatListeners.push(listener);
  }

  /** What the server tells us besides chat lines: about our chat (too fast, cut), what the host did, why a host's command was refused. */
  onNotice(listener: (text: string) => void): void {
    this.noticeListeners.push(listener);
  }

  /** The server warns that we will be moved to watching in `seconds` unless we play. */
  onIdleWarning(listener: (seconds: number) => void): void {
    this.idleListeners.push(listener);
  }

  /** The server moved us to watching (idle): our ship and seat are gone; Join asks for them again. */
  onWatching(listener: () => void): void {
    this.watchingListeners.push(listener);
  }

  /** Called whenever a ship of ours appears (a Join from watching included). */
  onOwnShip(listener: () => void): void {
    this.ownShipListeners.push(listener);
  }

  /** Whether we are watching: in the room with no ship of ours. */
  get watching(): boolean {
    return this.ownShip === undefined;
  }

  /** Tells the server we are here though our inputs say nothing (busy in a killcam or the chat, or a key pressed). */
  active(): void {
    if (this.linkUp) this.room.send("active");
  }

  /** Asks to play for the other team (a private room's team mode; a refusal comes as a notice). */
  switchTeam(): void {
    if (this.linkUp) this.room.send("team");
  }

  /** Asks for a seat and a ship while watching, under `name` (refusals come as notices). */
  takeSeat(name: string): void {
    if (this.linkUp) this.room.send("join", { name, browser: this.browser });
  }

  say(text: string): void {
    if (this.linkUp) this.room.send("chat", { text });
  }

  /** A quick-chat line or emote, by its index in QUICK_CHAT. */
  sayQuick(index: number): void {
    if (this.linkUp) this.room.send("chat", { quick: index });
  }

  /**
   * Whether messages may go out. While the SDK re-joins after a drop, the new
   * socket is open before the server's join handshake has been answered; the
   * SDK sends right away then, and a frame ahead of the join is not the room's.
   */
  get linkUp(): boolean {
    return this.room.connection.isOpen && !this.room.reconnection.isReconnecting;
  }

  /**
   * Advances prediction to `now` and sends one input for every fixed step that
   * fell due, as the reconciler expects. Call once per rendered frame.
   */
  update(now: number, controlsForStep: () => ShipControls): void {
    const steps = this.predict.tick(now);
    // The shots' store is ours (fed by the ships' shots), so we drive it: a mispredicted shot goes after its time.
    this.shots.prune();
    // A bullet is drawn until it reaches its wall: the others' are drawn as far behind the server as their ships.
    this.shotFeed.expire(this.lastTick.tick - INTERPOLATION_DELAY_MS / this.stepMs);
    // While the link is down nothing is sent: the SDK would queue the inputs and
    // replay them in a burst on reconnection. The ship waits, as it does on the server.
    // Watching: no ship of ours to steer.
    if (!this.linkUp || this.watching) return;
    for (let i = 0; i < steps; i++) {
      Object.assign(this.input.data, controlsForStep());
      this.input.send();
    }
  }

  /**
   * Every bullet as it should be drawn at `now`: ours on the timeline they were
   * fired on (predicted, then handed over to the server's copy without a jump),
   * everyone else's at the same delay as their ships.
   */
  bullets(now: number): BulletView[] {
    const remoteTick = this.serverTick(now) - INTERPOLATION_DELAY_MS / this.stepMs;
    const views: BulletView[] = [];
    for (const entry of this.shots.entries()) {
      const from = entry.server ?? entry.local!;
      const age = entry.local ? (now - entry.local.firedAt) / 1000 : ((remoteTick - entry.server!.spawnTick) * this.stepMs) / 1000;
      views.push({ id: entry.id, x: from.x, y: from.y, vx: from.vx, vy: from.vy, age, owner: entry.server?.owner ?? this.room.sessionId });
    }
    return views;
  }

  /** Ids of our predicted shots the server has confirmed so far (for tests). */
  confirmedShotIds(): number[] {
    return [...this.shots.entries()].filter((entry) => entry.local && entry.state === "confirmed").map((entry) => entry.id);
  }

  /** Bullets in the store, predicted or not, that are still live. */
  get liveBullets(): number {
    return this.shots.size;
  }

  /** Every ship as it should be drawn this frame. */
  ships(): Array<ShipView<Ship>> {
    const views: Array<ShipView<Ship>> = [];
    this.room.state.ships.forEach((ship, id) => {
      views.push({
        id,
        own: id === this.room.sessionId,
        x: this.predict.value(ship, "x"),
        y: this.predict.value(ship, "y"),
        ship,
      });
    });
    return views;
  }
}
