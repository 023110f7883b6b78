import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");
export const CLIENT_DIR = join(ROOT, "dist", "client");
const CLIENT_SOURCES = ["game", "shared", "package-lock.json"].map((path) => join(ROOT, path));

/** Builds the client with Vite unless dist/client is newer than every client source. */
export async function ensureClientBuilt(log: (line: string) => void = console.log): Promise<void> {
  const builtAt = modifiedAt(join(CLIENT_DIR, "index.html"));
  const changedAt = Math.max(...CLIENT_SOURCES.map(newestIn));
  if (builtAt > changedAt) return;
  log(builtAt === 0 ? "Building the client (first run)..." : "Client sources changed, rebuilding...");
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "game", "vite.config.ts"), logLevel: "warn" });
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestIn(join(path, entry))));
}

// `node server/clientBuild.ts`: build once before starting several processes that would each build.
if (import.meta.main) await ensureClientBuilt();
