// What is said in a room: the server alone decides. Messages are cleaned
// (shared/chat.ts), cut to length, and limited per player to a burst within a
// window; past it the sender is told to wait, and never kicked for typing fast.
import { CHAT_BURST, CHAT_MAX_LENGTH, CHAT_WINDOW_SECONDS, type ChatMessage, cleanChat, QUICK_CHAT } from "../shared/chat.ts";

export type Said = { text: string } | { quick: number };

export interface ChatOutcome {
  /** What everyone in the room is sent, if anything. */
  message?: ChatMessage;
  /** What only the sender is told (too fast, cut, empty). */
  notice?: string;
}

export class RoomChat {
  /** When each player's recent messages were accepted, ms. */
  private readonly recent = new Map<string, number[]>();

  say(from: string, name: string, said: Said, now = Date.now()): ChatOutcome {
    const times = (this.recent.get(from) ?? []).filter((at) => now - at < CHAT_WINDOW_SECONDS * 1000);
    if (times.length >= CHAT_BURST) {
      this.recent.set(from, times);
      return { notice: `Slow down: at most ${CHAT_BURST} messages every ${CHAT_WINDOW_SECONDS} s.` };
    }
    const quick = "quick" in said;
    const { text, cut } = quick ? { text: QUICK_CHAT[said.quick] ?? "", cut: false } : cleanChat(said.text);
    if (!text) return { notice: "Nothing to say: the message was empty." };
    times.push(now);
    this.recent.set(from, times);
    return {
      message: { from, name, text, at: now, quick },
      notice: cut ? `Your message was cut to ${CHAT_MAX_LENGTH} characters.` : undefined,
    };
  }

  forget(player: string): void {
    this.recent.delete(player);
  }
}
