// The messages only a private room's host may send (see Host): anyone else is
// told why nothing changed. Declared once here and spread into the room's
// messages, so the client's `send` is typed from them.
import { validate, type Client } from "@colyseus/core";
import { z } from "zod";
import type { Host } from "./Host.ts";
import { settingsChange } from "./joinOptions.ts";

/** The longest session id a `kick` may name (the framework's are 9 characters). */
const SESSION_ID_MAX_LENGTH = 64;

export function hostMessages(host: () => Host) {
  return {
    /** Settings from the next round on: any of them, each within its range. */
    settings: validate(settingsChange, (client: Client, change) => host().changeSettings(client.sessionId, change)),
    /** The round ends now; during its results, the next one starts now. */
    "next-round": validate(z.undefined(), (client: Client) => host().nextRound(client.sessionId)),
    /** A locked room takes no new players (spectators still come in). */
    lock: validate(z.object({ locked: z.boolean() }).strict(), (client: Client, { locked }) => host().lock(client.sessionId, locked)),
    /** Removes a player for good. */
    kick: validate(z.object({ sessionId: z.string().min(1).max(SESSION_ID_MAX_LENGTH) }).strict(), (client: Client, { sessionId }) =>
      host().kick(client.sessionId, sessionId),
    ),
  };
}
