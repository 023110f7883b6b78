// Room chat on the page: Enter (or the Chat button) to type, Enter to send, Esc to
// cancel; lines fade after a while, and the history scrolls while typing. Lines
// are only ever set as text, never as HTML. A name in the history mutes or
// unmutes that player, for this page only.
import { CHAT_MAX_LENGTH, type ChatMessage, QUICK_CHAT } from "../../shared/chat.ts";
import { COLORS, css, FONTS } from "../palette.ts";
import { button, element } from "./dom.ts";

const HISTORY = 50;
const SHOWN_MS = 8000;

export interface ChatActions {
  say(text: string): void;
  sayQuick(index: number): void;
  /** The colour to write a sender's name in. */
  colorOf(from: string): number;
  /** Typing started or ended: the game stops or resumes reading the keyboard. */
  typing(active: boolean): void;
}

export class ChatPanel {
  private readonly root: HTMLDivElement;
  private readonly log: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly quickRow: HTMLDivElement;
  private readonly muted = new Set<string>();
  private readonly actions: ChatActions;
  isTyping = false;

  constructor(parent: HTMLElement, actions: ChatActions) {
    this.actions = actions;
    this.root = element("div", {
      position: "fixed",
      left: "12px",
      bottom: "96px",
      width: "min(420px, 60vw)",
      zIndex: "12",
      font: `14px ${FONTS.ui}`,
      color: css(COLORS.text),
      display: "flex",
      flexDirection: "column",
      gap: "4px",
      pointerEvents: "none",
    });
    this.root.id = "chat";
    this.log = element("div", { display: "flex", flexDirection: "column", gap: "2px", maxHeight: "30vh", overflowY: "hidden" });
    this.log.id = "chat-log";
    this.input = element("input", {
      display: "none",
      padding: "7px 9px",
      borderRadius: "6px",
      border: `1px solid ${css(COLORS.accent)}`,
      background: css(COLORS.panel, 0.9),
      color: css(COLORS.text),
      font: `14px ${FONTS.ui}`,
      pointerEvents: "auto",
    });
    Object.assign(this.input, {
      id: "chat-input",
      maxLength: CHAT_MAX_LENGTH,
      placeholder: "Say something · Enter to send · Esc to cancel",
      autocomplete: "off",
    });
    this.quickRow = element("div", { display: "none", flexWrap: "wrap", gap: "4px", pointerEvents: "auto" });
    QUICK_CHAT.forEach((line, i) => {
      this.quickRow.append(
        button(line, () => {
          actions.sayQuick(i);
          this.close();
        }),
      );
    });
    this.root.append(this.log, this.input, this.quickRow);
    parent.append(this.root);
    this.input.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (event.key === "Enter") {
        const text = this.input.value.trim();
        if (text) actions.say(text);
        this.close();
      } else if (event.key === "Escape") {
        this.close();
      }
    });
  }

  open(): void {
    if (this.isTyping) return;
    this.isTyping = true;
    this.actions.typing(true);
    this.input.style.display = "block";
    this.quickRow.style.display = "flex";
    this.log.style.overflowY = "auto";
    this.log.style.pointerEvents = "auto";
    for (const line of this.log.children) (line as HTMLElement).style.opacity = "1";
    this.input.value = "";
    this.input.focus();
  }

  close(): void {
    if (!this.isTyping) return;
    this.isTyping = false;
    this.input.blur();
    this.input.style.display = "none";
    this.quickRow.style.display = "none";
    this.log.style.overflowY = "hidden";
    this.log.style.pointerEvents = "none";
    this.actions.typing(false);
  }

  add(message: ChatMessage): void {
    const line = element("div", {
      padding: "2px 8px",
      borderRadius: "4px",
      background: css(COLORS.black, 0.55),
      transition: "opacity 0.6s",
      overflowWrap: "anywhere",
    });
    line.dataset.from = message.from;
    const name = element("button", {
      all: "unset",
      cursor: "pointer",
      fontWeight: "700",
      color: css(this.actions.colorOf(message.from)),
    });
    name.textContent = `${message.name}:`;
    name.dataset.name = message.name;
    name.title = "Mute or unmute this player";
    name.addEventListener("click", () => this.toggleMute(message.from));
    const text = element("span", {}, ` ${message.text}`);
    line.append(name, text);
    if (this.muted.has(message.from)) return;
    this.log.append(line);
    while (this.log.children.length > HISTORY) this.log.firstElementChild?.remove();
    this.log.scrollTop = this.log.scrollHeight;
    setTimeout(() => {
      if (!this.isTyping) line.style.opacity = "0";
    }, SHOWN_MS);
  }

  /** A notice for us alone (from the server, or the game). */
  notice(text: string): void {
    const line = element("div", {
      padding: "2px 8px",
      borderRadius: "4px",
      background: css(COLORS.black, 0.55),
      color: css(COLORS.highlight),
      transition: "opacity 0.6s",
    });
    line.className = "chat-notice";
    line.textContent = text;
    this.log.append(line);
    setTimeout(() => (line.style.opacity = "0"), SHOWN_MS);
  }

  /** Mutes a player (their lines shrink to their name, and new ones are not shown), or unmutes them. */
  private toggleMute(from: string): void {
    const muting = !this.muted.has(from);
    if (muting) this.muted.add(from);
    else this.muted.delete(from);
    for (const line of this.log.querySelectorAll<HTMLElement>(`[data-from="${CSS.escape(from)}"]`)) {
      const [name, text] = line.children as unknown as [HTMLElement, HTMLElement];
      name.textContent = muting ? `${name.dataset.name} (muted)` : `${name.dataset.name}:`;
      text.style.display = muting ? "none" : "inline";
    }
  }

  destroy(): void {
    this.root.remove();
  }
}
