// What a client may ask for when it joins or creates an arena room, checked before
// matchmaking (ArenaRoom.onAuth): the shape of the options, and which flags go
// with which request.
import { ServerError, type AuthContext } from "@colyseus/core";
import { z } from "zod";
import { ARENAS, MODE_NAMES, NUMBER_SETTINGS } from "../shared/settings.ts";
import { refusals } from "./metrics.ts";

/** The longest name a client may send; what is kept of it is cut to NAME_MAX_LENGTH. */
export const NAME_INPUT_MAX_LENGTH = 100;
/** The id a browser keeps (game/net/browserId.ts), as a join may carry it. */
export const browserIdFormat = z.string().min(1).max(64);

/** Any of a room's settings (shared/settings.ts), each within its range; nothing else. */
export const settingsChange = z
  .object({
    ...(Object.fromEntries(Object.entries(NUMBER_SETTINGS).map(([name, { min, max }]) => [name, z.number().int().min(min).max(max).optional()])) as {
      [Name in keyof typeof NUMBER_SETTINGS]: z.ZodOptional<z.ZodNumber>;
    }),
    mode: z.enum(MODE_NAMES).optional(),
    arena: z.enum(ARENAS).optional(),
    wordFilter: z.boolean().optional(),
  })
  .strict();

/** The matchmaking request's body. Fields the game does not know are dropped. */
const joinOptions = z.object({
  name: z.string().max(NAME_INPUT_MAX_LENGTH).optional(),
  /** Create a room reached only by its code. */
  private: z.boolean().optional(),
  /** A random id the browser keeps, so a player the host removed stays out under any name. */
  browser: browserIdFormat.optional(),
  /** A private room's settings, chosen by its creator: the server's defaults for the rest. */
  settings: settingsChange.optional(),
  /** Watch the room without a ship: given only by the watch route (routes.ts), never accepted from matchmaking. */
  spectate: z.boolean().optional(),
});
export type JoinOptions = z.infer<typeof joinOptions>;

export function isSpectator(options: unknown): boolean {
  return (options as JoinOptions | undefined)?.spectate === true;
}

/**
 * Refuses with 400 and the reason: options of the wrong shape, and flags on a
 * request they do not go with. Only `create` makes a private room, so quick play
 * cannot open one; spectators take their seat through the watch route (POST
 * /api/rooms/CODE/watch), which reaches a room whose player seats are all taken.
 */
export function checkJoinOptions(options: unknown, context: AuthContext): void {
  const parsed = joinOptions.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? `"${issue.path.join(".")}"` : "the options";
    refuse(`Bad join options: ${field}: ${issue.message}.`);
  }
  const method = matchmakeMethod(context);
  if (parsed.data.private !== undefined && method !== "create") refuse('Bad join options: "private" goes only with create.');
  if (parsed.data.settings !== undefined && !(method === "create" && parsed.data.private === true)) {
    refuse('Bad join options: "settings" go only with the create of a private room.');
  }
  if (parsed.data.spectate !== undefined) refuse(`Bad join options: "spectate" is not a ${method} option; watch a room with POST /api/rooms/CODE/watch.`);
}

function refuse(reason: string): never {
  refusals.inc({ reason: "bad_options" });
  throw new ServerError(400, reason);
}

/** The matchmaking method of the request being authorised ("create", "joinOrCreate", "joinById", ...). */
function matchmakeMethod(context: AuthContext): string {
  const path = context.req?.url ? new URL(context.req.url).pathname : "";
  return /^\/matchmake\/(\w+)\//.exec(path)?.[1] ?? "";
}
