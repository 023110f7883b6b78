// Watching the arena without a ship: following one ship (a ring around it, its
// health and score where ours would be) or the whole arena. Q and E or the arrow
// keys switch ships, O (or up and down) shows the whole arena, and a tap near
// either side of the screen switches too. Join (J, or the watch bar's button)
// asks for a seat.
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../shared/constants.ts";
import type { ArenaConnection, ShipView } from "../net/ArenaConnection.ts";
import type { WatchState } from "./hud/WatchBar.ts";

/** How far in from either side a tap switches ships (a share of the arena's width). */
const SIDE_TAP = 0.2;

export class Spectating {
  private readonly connection: ArenaConnection;
  /** The ship followed, or null for the whole arena. */
  private followed: string | null = null;
  private wholeArena = false;
  /** Moved here for idling, until a ship of ours comes back. */
  private idled = false;

  private readonly join: () => void;

  constructor(scene: Phaser.Scene, connection: ArenaConnection, join: () => void) {
    this.connection = connection;
    this.join = join;
    const keys = (event: KeyboardEvent) => this.key(event);
    addEventListener("keydown", keys);
    scene.events.once("shutdown", () => removeEventListener("keydown", keys));
    scene.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => {
      if (!connection.watching) return;
      if (pointer.worldX < ARENA_WIDTH * SIDE_TAP) this.step(-1);
      else if (pointer.worldX > ARENA_WIDTH * (1 - SIDE_TAP)) this.step(1);
    });
    connection.onWatching(() => (this.idled = true));
    connection.onOwnShip(() => (this.idled = false));
  }

  /** The ships as drawn: while watching, the followed one is drawn as if ours (ringed). */
  views<View extends ShipView<ShipView["ship"]>>(views: View[]): View[] {
    if (!this.connection.watching) return views;
    if (!this.wholeArena && !views.some((view) => view.id === this.followed)) this.followed = views[0]?.id ?? null;
    const followed = this.wholeArena ? null : this.followed;
    return views.map((view) => ({ ...view, own: view.id === followed }));
  }

  /** What the watch bar shows (null while playing). */
  state(touch: boolean): WatchState | null {
    if (!this.connection.watching) return null;
    const ship = this.wholeArena || !this.followed ? undefined : this.connection.state.ships.get(this.followed);
    return { following: ship?.name ?? null, touch, idled: this.idled };
  }

  /** The ship whose status the HUD shows while watching. */
  get followedId(): string | null {
    return this.connection.watching && !this.wholeArena ? this.followed : null;
  }

  private key(event: KeyboardEvent): void {
    if (!this.connection.watching || event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    if (key === "q" || key === "arrowleft") this.step(-1);
    else if (key === "e" || key === "arrowright") this.step(1);
    else if (key === "o" || key === "arrowup" || key === "arrowdown") this.wholeArena = !this.wholeArena;
    else if (key === "j") this.join();
  }

  /** Follows the next (or previous) ship, in the state's order. */
  private step(direction: number): void {
    const ids = [...this.connection.state.ships.keys()];
    if (ids.length === 0) return;
    const at = this.followed === null ? -1 : ids.indexOf(this.followed);
    this.followed = ids[(at + direction + ids.length) % ids.length]!;
    this.wholeArena = false;
  }
}
