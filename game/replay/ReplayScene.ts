import Phaser from "phaser";
import { layoutByName } from "../../shared/arena.ts";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import { ArenaBackdrop } from "../draw/ArenaBackdrop.ts";
import { HillLayer } from "../draw/HillLayer.ts";
import { BulletLayer } from "../draw/BulletLayer.ts";
import { PickupLayer } from "../draw/PickupLayer.ts";
import { ShipSprites } from "../draw/ShipSprites.ts";
import { shipColor } from "../palette.ts";
import type { BulletView, ShipView } from "../net/ArenaConnection.ts";
import type { HillView } from "../draw/HillLayer.ts";
import type { PickupState, ShipState } from "../../shared/world.ts";

/** The round as a playback shows it at the tick drawn: its layout and hill, its ships (by id) and its pickups. */
export interface PlaybackState extends HillView {
  ships: { get(id: string): Readonly<ShipState> | undefined };
  pickups: { values(): Iterable<Readonly<PickupState>> };
}

/** What the scene draws: a replay re-simulated (ReplayPlayer), or what a client was shown (SeenPlayer, the killcam). */
export interface Playback {
  readonly state: PlaybackState;
  /** The tick drawn, fractional. */
  readonly renderTick: number;
  ships(marked: string | null): ShipView[];
  bullets(): BulletView[];
}

export interface ReplaySceneData {
  player: Playback;
  /** The ship the camera follows and marks, or null to show the whole arena. */
  follow: () => string | null;
  /** Called first thing each frame with the frame's length in ms: the owner moves playback on. */
  onFrame: (deltaMs: number) => void;
  /** Part of the screen to draw in (the killcam's card); the whole canvas if left out. */
  viewport?: { x: number; y: number; width: number; height: number };
  /** Zoom while following a ship (the most, when it also keeps another in view). */
  zoom?: number;
  /** Another ship the camera keeps in view with the followed one while it is in play (the killcam's victim). */
  keepInView?: string;
}

/** Room left around the ships the camera frames, px. */
const FRAME_MARGIN = 90;
/** Ships and bullets this far outside the view are still drawn (name tags, trails, a camera on the move). */
const CULL_MARGIN = 120;
/** How quickly the camera catches up with what it frames, per frame. */
const CAMERA_EASE = 0.2;

/** Draws a replay as the game draws a match: the same floor, hill, walls, ships, bullets and pickups. */
export class ReplayScene extends Phaser.Scene {
  private options!: ReplaySceneData;
  private sprites!: ShipSprites;
  private backdrop!: ArenaBackdrop;
  private bullets!: BulletLayer;
  private pickups!: PickupLayer;
  private hill!: HillLayer;
  private marked: string | null = null;
  private framing: { x: number; y: number; zoom: number } | null = null;

  create(data: ReplaySceneData): void {
    this.options = data;
    this.sprites = new ShipSprites(this);
    this.marked = null;
    this.framing = null;
    this.backdrop = new ArenaBackdrop(this);
    this.hill = new HillLayer(this);
    this.pickups = new PickupLayer(this);
    this.bullets = new BulletLayer(this);
    const camera = this.cameras.main;
    const viewport = data.viewport;
    if (viewport) camera.setViewport(viewport.x, viewport.y, viewport.width, viewport.height);
    camera.setBounds(0, 0, ARENA_WIDTH, ARENA_HEIGHT);
  }

  override update(_time: number, delta: number): void {
    const { player, follow, onFrame } = this.options;
    onFrame(delta);
    const state = player.state;
    const layout = layoutByName(state.layout);
    this.backdrop.show(layout);
    const marked = follow();
    if (marked !== this.marked) {
      // The marked ship is drawn as your own is in the game: ring and gold name.
      this.sprites.clear();
      this.marked = marked;
    }
    const now = this.time.now;
    const tick = player.renderTick;
    const views = player.ships(marked);
    // The killcam's window shows part of the arena: what is outside it is not drawn.
    const inView = this.inView();
    this.sprites.sync(views, (sprite, view) => {
      if (inView(view)) sprite.update(view, view.ship.aim, tick < view.ship.shieldUntil, now);
      else sprite.hide();
    });
    this.bullets.draw(player.bullets().filter(inView), layout, (owner) => shipColor(state.ships.get(owner)));
    this.pickups.draw(state.pickups.values(), tick, now);
    this.hill.draw(state, now);
    const followed = views.find((view) => view.id === marked);
    const kept = views.find((view) => view.id === this.options.keepInView && view.ship.alive);
    this.aimCamera(followed ? [followed, ...(kept ? [kept] : [])] : []);
  }

  /** Whether a point is within the camera's view as last drawn (with room for a ship's tag and trail). */
  private inView(): (point: { x: number; y: number }) => boolean {
    const view = this.cameras.main.worldView;
    if (view.width === 0) return () => true;
    const left = view.x - CULL_MARGIN;
    const right = view.right + CULL_MARGIN;
    const top = view.y - CULL_MARGIN;
    const bottom = view.bottom + CULL_MARGIN;
    return (point) => point.x >= left && point.x <= right && point.y >= top && point.y <= bottom;
  }

  /** Frames the given ships (the whole arena when none), easing there so the view does not jerk. */
  private aimCamera(framed: ReadonlyArray<{ x: number; y: number }>): void {
    const camera = this.cameras.main;
    const whole = Math.min(camera.width / ARENA_WIDTH, camera.height / ARENA_HEIGHT);
    if (framed.length === 0) {
      camera.setZoom(whole).centerOn(ARENA_WIDTH / 2, ARENA_HEIGHT / 2);
      this.framing = null;
      return;
    }
    const xs = framed.map((point) => point.x);
    const ys = framed.map((point) => point.y);
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const fit = Math.min(camera.width / (right - left + 2 * FRAME_MARGIN), camera.height / (bottom - top + 2 * FRAME_MARGIN));
    const goal = { x: (left + right) / 2, y: (top + bottom) / 2, zoom: Math.max(whole, Math.min(this.options.zoom ?? 1.6, fit)) };
    const ease = this.framing ? CAMERA_EASE : 1;
    const current = this.framing ?? goal;
    this.framing = {
      x: current.x + (goal.x - current.x) * ease,
      y: current.y + (goal.y - current.y) * ease,
      zoom: current.zoom + (goal.zoom - current.zoom) * ease,
    };
    camera.setZoom(this.framing.zoom).centerOn(this.framing.x, this.framing.y);
  }
}
