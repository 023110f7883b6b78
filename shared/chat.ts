// Room chat: what may be said, and the canned lines on the number keys. The server
// cleans every message before anyone sees it; clients only ever show it as text.

/** The longest message, in characters; longer ones are cut. */
export const CHAT_MAX_LENGTH = 200;
/** A player may send this many messages within CHAT_WINDOW_SECONDS; past that they are told to wait. */
export const CHAT_BURST = 5;
export const CHAT_WINDOW_SECONDS = 5;

/** Quick chat and emotes, on the number keys 1 to 9 (and the touch row), by index. */
export const QUICK_CHAT = ["Hello!", "Nice shot!", "Watch out!", "Follow me!", "Thanks!", "GG", "😀", "😮", "😡"] as const;

/** What the server broadcasts for every message said in a room. */
export interface ChatMessage {
  /** The sender's session id (their ship's key). */
  from: string;
  name: string;
  text: string;
  /** Wall-clock ms when the server accepted it. */
  at: number;
  /** A quick-chat line or emote: also shown briefly above the sender's ship. */
  quick: boolean;
}

/**
 * A message as it may be shown: control characters, bidi overrides and other
 * format characters (all but the zero-width joiner that builds emoji) and lone
 * surrogates removed, whitespace collapsed, trimmed, and cut to CHAT_MAX_LENGTH
 * characters. `cut` says whether it was too long.
 */
export function cleanChat(raw: string): { text: string; cut: boolean } {
  const printable = raw
    .replace(/[\p{Cc}\p{Cs}]|(?!\u200d)\p{Cf}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  const characters = Array.from(printable);
  return { text: characters.slice(0, CHAT_MAX_LENGTH).join("").trim(), cut: characters.length > CHAT_MAX_LENGTH };
}
