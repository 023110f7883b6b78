// The host's panel (the room line's Host button, or Settings): the room's
// settings from the next round on, the round ended or started now, the room
// locked or opened to new players, and a player removed. It asks the server;
// what changed comes back in the state and as a notice in the chat.
import type { ArenaConnection } from "../net/ArenaConnection.ts";
import { type RoomSettings, roomSettings } from "../../shared/settings.ts";
import { COLORS, css, FONTS } from "../palette.ts";
import { button, dialog, element } from "./dom.ts";
import { SettingsFields } from "./SettingsFields.ts";

/** How often an open panel follows the room (its phase, lock and players). */
const REFRESH_MS = 500;

export class HostPanel {
  private readonly root: HTMLDivElement;
  private readonly connection: ArenaConnection;
  private readonly fields = new SettingsFields();
  private readonly roundButton: HTMLButtonElement;
  private readonly lockButton: HTMLButtonElement;
  private readonly players: HTMLDivElement;
  private readonly typing: (active: boolean) => void;
  private refreshTimer: ReturnType<typeof setInterval> | null = null;

  /** `typing` is told while the panel is open, so keys go to its boxes and not to the ship. */
  constructor(parent: HTMLElement, connection: ArenaConnection, typing: (active: boolean) => void) {
    this.connection = connection;
    this.typing = typing;
    this.root = dialog("host-panel", "Host controls", "min(520px, 94vw)", 31);
    const apply = button("Apply from the next round", () => this.applySettings(), true);
    this.roundButton = button("End the round now", () => connection.room.send("next-round"));
    this.lockButton = button("Lock the room", () => connection.room.send("lock", { locked: !connection.state.locked }));
    this.players = element("div", { display: "flex", flexDirection: "column", gap: "6px" });
    this.players.id = "host-players";
    this.root.append(
      element("div", { font: `700 20px ${FONTS.ui}` }, "Host controls"),
      this.fields.root,
      this.fields.problem,
      row(apply),
      row(this.roundButton, this.lockButton),
      element("div", { color: css(COLORS.muted) }, "Players"),
      this.players,
      row(button("Close", () => this.close())),
    );
    this.root.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      this.close();
    });
    parent.append(this.root);
  }

  get isOpen(): boolean {
    return this.root.style.display !== "none";
  }

  open(): void {
    this.fields.fill(roomSettings(this.connection.state.settings));
    this.root.style.display = "flex";
    this.typing(true);
    this.refresh();
    this.refreshTimer ??= setInterval(() => this.refresh(), REFRESH_MS);
  }

  close(): void {
    if (!this.isOpen) return;
    this.root.style.display = "none";
    this.typing(false);
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
  }

  destroy(): void {
    this.close();
    this.root.remove();
  }

  /** Sends the settings that differ from the room's (the server tells everyone what changed). */
  private applySettings(): void {
    const chosen = this.fields.read();
    if (!chosen) return;
    const current = this.connection.state.settings;
    const changed = Object.fromEntries(Object.entries(chosen).filter(([name, value]) => current[name as keyof RoomSettings] !== value));
    if (Object.keys(changed).length > 0) this.connection.room.send("settings", changed);
    this.close();
  }

  /** The buttons and the player list as the room is now. */
  private refresh(): void {
    const state = this.connection.state;
    this.roundButton.textContent = state.phase === "playing" ? "End the round now" : "Start the next round now";
    this.lockButton.textContent = state.locked ? "Unlock the room" : "Lock the room";
    const others = [...state.ships.entries()].filter(([id, ship]) => !ship.bot && id !== this.connection.sessionId);
    const shown = others.map(([id, ship]) => `${id}:${ship.name}`).join(",");
    if (this.players.dataset.shown === shown) return;
    this.players.dataset.shown = shown;
    this.players.replaceChildren(
      ...(others.length === 0
        ? [element("div", { color: css(COLORS.muted) }, "No other players yet.")]
        : others.map(([id, ship]) => {
            const remove = button("Remove", () => this.connection.room.send("kick", { sessionId: id }));
            remove.dataset.player = ship.name;
            const line = row(element("span", { flex: "1" }, ship.name), remove);
            line.style.flexWrap = "nowrap";
            return line;
          })),
    );
  }
}

function row(...children: HTMLElement[]): HTMLDivElement {
  const node = element("div", { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" });
  node.append(...children);
  return node;
}
