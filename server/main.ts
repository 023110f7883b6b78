// `npm start`: build the client if needed, then serve the page, the rooms and
// /health on one port. Settings come from the environment (see README), and from
// a .env file in the current directory if there is one.
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { createGameServer, listenGameServer } from "./app.ts";
import { CLIENT_DIR, ensureClientBuilt } from "./clientBuild.ts";
import { ConfigError, configFromEnv } from "./config.ts";
import { FrameworkChanged } from "./frameworkVersions.ts";
import { log } from "./log.ts";

const ENV_FILE = resolve(".env");

async function main(): Promise<void> {
  // Node's own reader: variables already set (on the command line, say) win over the file.
  const envFile = existsSync(ENV_FILE) ? ENV_FILE : null;
  if (envFile) process.loadEnvFile(envFile);
  const config = configFromEnv();
  await ensureClientBuilt((line) => log.info({ event: "client-build" }, line));
  const server = createGameServer(config, { clientDir: CLIENT_DIR, standalone: true });
  const { port } = await listenGameServer(server, config, config.port, config.host);

  const addresses = urls(config.tls ? "https" : "http", config.host, port);
  const lines = [
    `Skirmish is running (tick ${config.tickRate} Hz, patches ${config.patchRate} Hz, up to ${config.maxPlayers} players per room, bots fill to ${config.bots}).`,
    ...addresses.map(({ label, url }) => `  ${label ? `${label}:`.padEnd(7) : ""}${url}`),
  ];
  if (envFile) lines.push(`  Settings read from ${envFile} as well as the environment.`);
  if (config.redisUrl) lines.push(`  Sharing matchmaking through Redis at ${config.redisUrl} as ${config.publicAddress ?? "(no PUBLIC_ADDRESS)"}`);
  log.info(
    {
      event: "started",
      port,
      urls: addresses.map(({ url }) => url),
      envFile,
      tickRate: config.tickRate,
      patchRate: config.patchRate,
      maxPlayers: config.maxPlayers,
    },
    lines.join("\n"),
  );
}

function urls(scheme: string, host: string, port: number): Array<{ label: string; url: string }> {
  const anyInterface = host === "0.0.0.0" || host === "::";
  if (!anyInterface) return [{ label: "", url: `${scheme}://${host.includes(":") ? `[${host}]` : host}:${port}/` }];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === "IPv4" && !net.internal)
    .map((net) => ({ label: "LAN", url: `${scheme}://${net!.address}:${port}/` }));
  return [{ label: "Local", url: `${scheme}://localhost:${port}/` }, ...lan];
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log.fatal({ event: "configuration-error" }, `Configuration error: ${error.message}`);
  else if (error instanceof FrameworkChanged) log.fatal({ event: "framework-changed" }, error.message);
  else log.fatal({ err: error, event: "start-failed" }, "Skirmish could not start.");
  process.exit(1);
});
