// The lobby: pick a name, then Quick Play, create a private room, join by code, or
// pick a public room from a list the server keeps up to date over a WebSocket.
import { Client, type Room, type RoomAvailable } from "@colyseus/sdk";
import { NAME_MAX_LENGTH } from "../../shared/constants.ts";
import type { LobbyChoice } from "../net/ArenaConnection.ts";
import type { RoomListing } from "../../shared/messages.ts";
import { cleanName } from "../../shared/names.ts";
import { CODE_LENGTH, normalizeRoomCode } from "../../shared/roomCodes.ts";
import { clockText } from "../../shared/scores.ts";
import { MODES } from "../../shared/modes/index.ts";
import { COLORS, css, FONTS } from "../palette.ts";
import { CreateRoomForm } from "./CreateRoomForm.ts";
import { button, element, textInput } from "./dom.ts";

const NAME_KEY = "skirmish.name";

export class Lobby {
  private readonly root: HTMLDivElement;
  private readonly nameInput: HTMLInputElement;
  private readonly codeInput: HTMLInputElement;
  private readonly message: HTMLDivElement;
  private readonly list: HTMLDivElement;
  private readonly createForm: CreateRoomForm;
  private readonly rooms = new Map<string, RoomAvailable<RoomListing>>();
  private listing: Room | null = null;
  private listTimer: ReturnType<typeof setInterval> | null = null;
  private busy = false;
  private readonly endpoint: string;
  private readonly choose: (name: string, choice: LobbyChoice) => Promise<void>;

  constructor(parent: HTMLElement, endpoint: string, choose: (name: string, choice: LobbyChoice) => Promise<void>) {
    this.endpoint = endpoint;
    this.choose = choose;
    this.root = element("div", {
      position: "fixed",
      inset: "0",
      display: "none",
      // "safe": a card taller than a short landscape phone starts at the top and scrolls, rather than being cut off.
      alignItems: "safe center",
      justifyContent: "center",
      background: `radial-gradient(circle at 50% 30%, ${css(COLORS.backdropGlow)} 0%, ${css(COLORS.backdrop)} 70%)`,
      zIndex: "20",
      color: css(COLORS.text),
      font: `15px ${FONTS.ui}`,
      // The game never scrolls; the lobby may, on a short screen.
      overflowY: "auto",
      touchAction: "pan-y",
      padding: "12px 0",
      boxSizing: "border-box",
    });
    this.root.id = "lobby";
    const card = element("div", {
      width: "min(560px, 94vw)",
      padding: "24px",
      borderRadius: "12px",
      background: css(COLORS.panel, 0.92),
      border: `1px solid ${css(COLORS.edge)}`,
      display: "flex",
      flexDirection: "column",
      gap: "14px",
    });
    const title = element("div", { font: `800 34px ${FONTS.ui}`, letterSpacing: "1px" }, "SKIRMISH");
    const subtitle = element("div", { color: css(COLORS.muted), marginTop: "-10px" }, "Top-down arena · up to 16 ships · bots fill in · ");
    const how = element("a", { color: css(COLORS.accent) }, "How it works");
    how.href = "/how";
    how.id = "lobby-how";
    subtitle.append(how);

    this.nameInput = textInput("lobby-name", "Your name", NAME_MAX_LENGTH);
    this.nameInput.value = readName();
    const nameRow = row(element("label", { minWidth: "60px" }, "Name"), this.nameInput);
    this.nameInput.style.flex = "1";

    const actions = row(
      button("Quick Play", () => this.act({ kind: "quick" }), true),
      button("Create private room", () => void this.createForm.open()),
    );
    this.createForm = new CreateRoomForm(endpoint, (settings) => void this.act({ kind: "create", private: true, settings }));
    this.codeInput = textInput("lobby-code", "Room code", CODE_LENGTH + 2);
    this.codeInput.style.flex = "1";
    this.codeInput.style.textTransform = "uppercase";
    this.codeInput.addEventListener("keydown", (event) => event.key === "Enter" && this.joinTypedCode());
    const codeRow = row(
      this.codeInput,
      button("Join by code", () => this.joinTypedCode()),
    );

    this.message = element("div", { minHeight: "20px", color: css(COLORS.danger) });
    this.message.id = "lobby-message";
    const listTitle = element("div", { color: css(COLORS.muted), marginTop: "4px" }, "Public rooms");
    this.list = element("div", { display: "flex", flexDirection: "column", gap: "6px", maxHeight: "38vh", overflowY: "auto" });
    this.list.id = "lobby-rooms";

    card.append(title, subtitle, nameRow, actions, this.createForm.root, codeRow, this.message, listTitle, this.list);
    this.root.append(card);
    parent.append(this.root);
  }

  /** Shows the lobby with an optional message (why we are back here) and a code to prefill. */
  show(message = "", code = ""): void {
    this.root.style.display = "flex";
    this.setMessage(message);
    if (code) this.codeInput.value = code;
    (this.nameInput.value ? this.codeInput : this.nameInput).focus();
    void this.watchRooms();
  }

  hide(): void {
    this.root.style.display = "none";
    this.createForm.close();
    void this.listing?.leave();
    this.listing = null;
    if (this.listTimer) clearInterval(this.listTimer);
    this.listTimer = null;
  }

  /** The stored name, if the player has chosen one before. */
  get storedName(): string {
    return readName();
  }

  private joinTypedCode(): void {
    const code = normalizeRoomCode(this.codeInput.value);
    if (!code) this.setMessage(`A room code is ${CODE_LENGTH} letters and digits, like KX7PQ.`);
    else void this.act({ kind: "code", code });
  }

  private async act(choice: LobbyChoice): Promise<void> {
    if (this.busy) return;
    const name = cleanName(this.nameInput.value);
    // Watching needs no name: Join asks for one later.
    if (!name && choice.kind !== "watch") {
      this.setMessage("Choose a name first.");
      this.nameInput.focus();
      return;
    }
    if (name) localStorage.setItem(NAME_KEY, name);
    this.busy = true;
    this.setMessage("");
    try {
      await this.choose(name, choice);
    } catch (error) {
      this.setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
    }
  }

  private setMessage(text: string): void {
    this.message.textContent = text;
  }

  /** Joins the server's lobby room, which sends the public rooms and then every change to them. */
  private async watchRooms(): Promise<void> {
    if (this.listing) return;
    try {
      const room = await new Client(this.endpoint).joinOrCreate("lobby");
      this.listing = room;
      room.onMessage("rooms", (rooms: RoomAvailable<RoomListing>[]) => {
        this.rooms.clear();
        for (const entry of rooms) this.rooms.set(entry.roomId, entry);
        this.renderRooms();
      });
      room.onMessage("+", ([roomId, entry]: [string, RoomAvailable<RoomListing>]) => {
        this.rooms.set(roomId, entry);
        this.renderRooms();
      });
      room.onMessage("-", (roomId: string) => {
        this.rooms.delete(roomId);
        this.renderRooms();
      });
      // The round clocks tick down between updates.
      this.listTimer = setInterval(() => this.renderRooms(), 1000);
    } catch {
      this.list.textContent = "The room list is not available right now.";
    }
  }

  private renderRooms(): void {
    this.list.replaceChildren();
    const rooms = [...this.rooms.values()].filter((entry) => entry.name === "arena");
    if (rooms.length === 0) {
      this.list.append(element("div", { color: css(COLORS.muted) }, "No public rooms yet: Quick Play starts one."));
      return;
    }
    for (const entry of rooms.sort((a, b) => b.clients - a.clients)) {
      const meta = entry.metadata;
      const players = meta
        ? `${meta.players}/${meta.maxPlayers} players${meta.bots ? ` + ${meta.bots} bots` : ""}${meta.spectators ? ` · ${meta.spectators} watching` : ""}`
        : `${entry.clients} players`;
      const clock = meta ? (meta.phase === "results" ? "results" : `${clockText((meta.phaseEndsAt - Date.now()) / 1000)} left`) : "";
      const line = element("div", {
        display: "flex",
        alignItems: "center",
        gap: "10px",
        padding: "8px 10px",
        borderRadius: "6px",
        background: css(COLORS.floor),
      });
      line.dataset.code = entry.roomId;
      line.append(
        element("span", { font: `700 15px ${FONTS.mono}`, minWidth: "64px" }, entry.roomId),
        element("span", { flex: "1" }, meta ? `${MODES[meta.mode]?.label ?? meta.mode} · ${meta.layout} · ${players} · ${clock}` : players),
        button("Watch", () => this.act({ kind: "watch", code: entry.roomId })),
        button("Join", () => this.act({ kind: "code", code: entry.roomId })),
      );
      this.list.append(line);
    }
  }
}

function row(...children: HTMLElement[]): HTMLDivElement {
  const node = element("div", { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" });
  node.append(...children);
  return node;
}

function readName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}
