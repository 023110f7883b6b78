// Entry for `npm run dev`: the colyseus/vite plugin imports this module and
// hot-reloads the rooms when server or shared code changes.
import { createGameServer } from "./app.ts";
import { configFromEnv } from "./config.ts";

export const server = createGameServer(configFromEnv(), { development: true });
