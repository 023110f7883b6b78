// The messages every player may send the arena room: its round trip, a line of
// chat, and the network lesson's question about its handshake. Spread into the
// room's messages, so the client's `send` is typed from them.
import { validate } from "@colyseus/core";
import { z } from "zod";
import { QUICK_CHAT } from "../shared/chat.ts";
import type { ArenaClient, ArenaRoom } from "./ArenaRoom.ts";
import { takeHandshake } from "./handshakes.ts";
import { browserIdFormat, NAME_INPUT_MAX_LENGTH } from "./joinOptions.ts";
import { log } from "./log.ts";
import { shownPing } from "./shownPing.ts";
import { maskWords } from "./wordFilter.ts";

export function playerMessages(room: Pick<ArenaRoom, "state" | "chat" | "broadcast" | "idle" | "seating" | "host" | "reports">) {
  return {
    /** The player is here though their inputs say nothing: busy in a killcam or the chat, or a key pressed while warned (see IdleWatch). */
    active: validate(z.undefined(), (client: ArenaClient) => room.idle.active(client.sessionId)),
    /** A spectator takes a free seat, as a player named `name` (see Seating). */
    join: validate(
      z.object({ name: z.string().max(NAME_INPUT_MAX_LENGTH).optional(), browser: browserIdFormat.optional() }).strict(),
      (client: ArenaClient, asked) => room.seating.takeSeat(client, asked),
    ),
    /** The player asks to play for the other team (see Host.switchTeam). */
    team: validate(z.undefined(), (client: ArenaClient) => room.host.switchTeam(client.sessionId)),
    /** The player pressed Report: they are sent a replay to attach to a bug report (see Reports). */
    report: validate(z.undefined(), (client: ArenaClient) => {
      room.reports.report(client.sessionId).then(
        ({ report, notice }) => {
          if (report) client.send("report", report);
          if (notice) client.send("report-notice", { text: notice });
        },
        (error: unknown) => {
          log.error({ err: error, event: "report-failed" }, `A report for session ${client.sessionId} could not be made.`);
          client.send("report-notice", { text: "The report could not be made; try again in a moment." });
        },
      );
    }),
    /** The client's measured round trip, shown on the scoreboard once it has changed by a few ms (see shownPing). */
    ping: validate(z.object({ ms: z.number().int().min(0).max(60_000) }), (client: ArenaClient, { ms }) => {
      const ship = room.state.ships.get(client.sessionId);
      if (ship) ship.ping = shownPing(ship.ping, Math.min(ms, 65_535));
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
