// `npm start`: build the client if needed, then serve the page, the rooms and
// /health on one port. Settings come from the environment (see README).
import { networkInterfaces } from "node:os";
import { createGameServer, listenGameServer } from "./app.ts";
import { CLIENT_DIR, ensureClientBuilt } from "./clientBuild.ts";
import { ConfigError, configFromEnv } from "./config.ts";

async function main(): Promise<void> {
  const config = configFromEnv();
  await ensureClientBuilt();
  const server = createGameServer(config, { clientDir: CLIENT_DIR, standalone: true });
  const { port } = await listenGameServer(server, config, config.port, config.host);

  console.log(
    `Skirmish is running (tick ${config.tickRate} Hz, patches ${config.patchRate} Hz, up to ${config.maxPlayers} players per room, bots fill to ${config.bots}).`,
  );
  for (const url of urls(config.tls ? "https" : "http", config.host, port)) console.log(`  ${url}`);
  if (config.redisUrl) console.log(`  Sharing matchmaking through Redis at ${config.redisUrl} as ${config.publicAddress ?? "(no PUBLIC_ADDRESS)"}`);
}

function urls(scheme: string, host: string, port: number): string[] {
  const anyInterface = host === "0.0.0.0" || host === "::";
  if (!anyInterface) return [`${scheme}://${host.includes(":") ? `[${host}]` : host}:${port}/`];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === "IPv4" && !net.internal)
    .map((net) => `LAN:   ${scheme}://${net!.address}:${port}/`);
  return [`Local: ${scheme}://localhost:${port}/`, ...lan];
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
