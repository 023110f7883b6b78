// The messages every player may send the arena room: its round trip, a line of
// chat, and the network lesson's question about its handshake. Spread into the
// room's messages, so the client's `send` is typed from them.
import { validate } from "@colyseus/core";
import { z } from "zod";
import { QUICK_CHAT } from "../shared/chat.ts";
import type { ArenaClient, ArenaRoom } from "./ArenaRoom.ts";
import { takeHandshake } from "./handshakes.ts";
import { maskWords } from "./wordFilter.ts";

export function playerMessages(room: Pick<ArenaRoom, "state" | "chat" | "broadcast">) {
  return {
    /** The client's measured round trip, shown on the scoreboard. */
    ping: validate(z.object({ ms: z.number().int().min(0).max(60_000) }), (client: ArenaClient, { ms }) => {
      const ship = room.state.ships.get(client.sessionId);
      if (ship) ship.ping = Math.min(ms, 65_535);
    }),
    /** A line of chat, typed or quick (see RoomChat): broadcast as `chat`, or a `chat-notice` to the sender alone. */
    chat: validate(
      z.union([
        z.object({ text: z.string() }),
        z.object({
          quick: z
            .number()
            .int()
            .min(0)
            .max(QUICK_CHAT.length - 1),
        }),
      ]),
      (client: ArenaClient, said) => {
        const ship = room.state.ships.get(client.sessionId);
        if (!ship) return;
        const { message, notice } = room.chat.say(client.sessionId, ship.name, said);
        if (message && room.state.settings.wordFilter) message.text = maskWords(message.text);
        if (message) room.broadcast("chat", message);
        if (notice) client.send("chat-notice", { text: notice });
      },
    ),
    /** A page that shows the lesson asks how the server saw its WebSocket's opening handshake; it is told once. */
    handshake: validate(z.undefined(), (client: ArenaClient) => {
      const handshake = takeHandshake(client.sessionId);
      if (handshake) client.send("handshake", handshake);
    }),
  };
}
