// The scoreboard page (/scoreboard?room=CODE) for a second screen or a stream: one
// panel kept live over a WebSocket, one fetched over HTTP on demand, each saying
// how old its data is, so the difference between push and request is plain to see.
import type { ChatMessage } from "../../shared/chat.ts";
import type { KoMessage, Scoreboard } from "../../shared/messages.ts";
import { normalizeRoomCode } from "../../shared/roomCodes.ts";
import { clockText, scoreboardFromState } from "../../shared/scores.ts";
import { ArenaState } from "../../shared/schema.ts";
import { gameClient, type ArenaJoinOptions, type ServerRoom } from "../net/gameClient.ts";
import { cssVariables } from "../palette.ts";

cssVariables();
const client = gameClient(location.origin);
const code = normalizeRoomCode(new URLSearchParams(location.search).get("room"));
const byId = (id: string) => document.getElementById(id)!;

type Board = Pick<Scoreboard, "round" | "phase" | "secondsLeft" | "koTarget" | "ships" | "feed" | "layout">;

function render(target: HTMLElement, board: Board): void {
  const rows = board.ships
    .map(
      (ship, i) =>
        `<tr><td class="n">${i + 1}</td><td>${escapeHtml(ship.name)}${ship.bot ? " <small>bot</small>" : ""}</td><td class="n">${ship.kos}</td><td class="n">${ship.deaths}</td></tr>`,
    )
    .join("");
  const clock = board.phase === "results" ? "results" : `${clockText(board.secondsLeft)} left`;
  const feed =
    board.feed
      .slice(0, 6)
      .map((ko) => `<li>${escapeHtml(ko.killer)} ✕ ${escapeHtml(ko.victim)}</li>`)
      .join("") || "<li>No knock-outs yet</li>";
  target.innerHTML =
    `<p>${escapeHtml(board.layout)} · round ${board.round} · ${clock} · first to ${board.koTarget}</p>` +
    `<table><thead><tr><th class="n">#</th><th>Pilot</th><th class="n">KOs</th><th class="n">Deaths</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<ul class="feed">${feed}</ul>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Keeps an "updated N s ago" label current. */
function ageLabel(id: string, prefix: string): (at: number) => void {
  const node = byId(id);
  let updatedAt = 0;
  setInterval(() => {
    if (!updatedAt) return;
    const seconds = (Date.now() - updatedAt) / 1000;
    node.textContent = `${prefix} ${seconds < 1 ? "just now" : `${seconds.toFixed(0)} s ago`}`;
    node.classList.toggle("stale", seconds >= 5);
  }, 200);
  return (at) => (updatedAt = at);
}

async function live(roomCode: string): Promise<void> {
  const stamp = ageLabel("live-age", "updated");
  const body = byId("live-body");
  try {
    const room = await client.joinById<ServerRoom<"arena">>(roomCode, { spectate: true } satisfies ArenaJoinOptions, ArenaState);
    const feed: Board["feed"] = [];
    const draw = () => {
      const board = { ...scoreboardFromState(room.state), feed };
      render(body, board);
      byId("live").dataset.kos = String(board.ships.reduce((sum, ship) => sum + ship.kos, 0));
      stamp(Date.now());
    };
    const chatLog = byId("chat-log");
    let chatLines = 0;
    room.onMessage("chat", (message: ChatMessage) => {
      if (chatLines++ === 0) chatLog.replaceChildren();
      const line = document.createElement("li");
      // Set as text, never as HTML: the server cleans chat, and the page still never renders it as markup.
      line.textContent = `${message.name}: ${message.text}`;
      chatLog.append(line);
      while (chatLog.children.length > 30) chatLog.firstElementChild?.remove();
    });
    room.onMessage("ko", (message: KoMessage) => {
      feed.unshift({ killer: message.killerName, victim: message.victimName, at: Date.now() });
      draw();
    });
    // Every patch carries the room's clock, so the panel is redrawn as they arrive.
    room.onStateChange(draw);
    room.onLeave(() => (byId("live-age").textContent = "the room has closed"));
  } catch (error) {
    body.innerHTML = `<p class="error">${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
  }
}

async function fetched(roomCode: string): Promise<void> {
  const stamp = ageLabel("http-age", "fetched");
  const body = byId("http-body");
  const load = async () => {
    let board: Scoreboard | { error: string };
    try {
      board = (await client.http.get("/api/rooms/:code/scoreboard", { params: { code: roomCode } })).data;
    } catch (error) {
      board = { error: error instanceof Error ? error.message : String(error) };
    }
    if ("error" in board) {
      body.innerHTML = `<p class="error">${escapeHtml(board.error)}.</p>`;
      return;
    }
    render(body, board);
    byId("http").dataset.kos = String(board.ships.reduce((sum, ship) => sum + ship.kos, 0));
    stamp(board.at);
  };
  byId("refresh").addEventListener("click", () => void load());
  await load();
}

if (!code) {
  byId("title").textContent = "Scoreboard: add ?room=CODE to the address";
} else {
  byId("title").textContent = `Scoreboard · room ${code}`;
  void live(code);
  void fetched(code);
}
