// The SDK client typed from the server's own definition (the way colyseus'
// one-prompt-game does it): room names, join options, messages and HTTP routes are
// checked by the compiler. Only the server's *type* is imported; it is erased at
// build, so no server code reaches the bundle.
import { Client, type Room } from "@colyseus/sdk";
import { ArenaState } from "../../shared/schema.ts";
// biome-ignore lint/style/noRestrictedImports: the one door to the server: a type, erased at build.
import type { GameServer } from "../../server/app.ts";

export type GameClient = Client<GameServer>;

/** The server's room class registered under `name`, as a type. */
export type ServerRoom<Name extends keyof GameServer["~rooms"]> = GameServer["~rooms"][Name]["~room"];

/**
 * What the arena room accepts when a player joins (its onJoin's options). The SDK's
 * join methods also have untyped overloads that accept anything, so calls state
 * their options with `satisfies ArenaJoinOptions`.
 */
export type ArenaJoinOptions = NonNullable<Parameters<ServerRoom<"arena">["onJoin"]>[1]>;

/** A joined arena room, as the client sees it: the server room's state, options and messages. */
export type ArenaRoom = Room<ServerRoom<"arena">>;

/** A joined lobby room (the live list of public rooms). */
export type LobbyRoom = Room<ServerRoom<"lobby">>;

export function gameClient(endpoint: string): GameClient {
  return new Client<GameServer>(endpoint);
}

/**
 * Watches the arena room `code` without a ship: the watch route reserves a
 * spectator's seat (even in a room whose player seats are all taken), and the
 * SDK takes it. Throws with the server's reason when there is no seat.
 */
export async function watchRoom(client: GameClient, code: string): Promise<ArenaRoom> {
  const { data } = await client.http.post("/api/rooms/:code/watch", { params: { code } });
  if ("error" in data) throw new Error(data.error);
  return client.consumeSeatReservation(data, ArenaState);
}
