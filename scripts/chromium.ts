// Finds a Chromium for the browser tests, or installs Debian's packages (the way
// Playwright's own installer does on Debian/Ubuntu), since test tools cannot
// download their own browser builds here.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { aptInstall } from "./aptInstall.ts";

const DEBIAN_PATHS = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
const DEBIAN_PACKAGES = ["chromium", "chromium-headless-shell"];

/** Launch flags for a headless Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-swiftshader",
];

/** The first Chromium found: $CHROMIUM_PATH, Debian's packages, then Playwright's cache. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH points to ${override}, which does not exist`);
    return override;
  }
  return [...DEBIAN_PATHS, ...playwrightCacheBrowsers()].find((path) => existsSync(path)) ?? null;
}

function playwrightCacheBrowsers(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), ".cache", "ms-playwright");
  if (!existsSync(cache)) return [];
  return readdirSync(cache).flatMap((dir) => [
    join(cache, dir, "chrome-linux", "headless_shell"),
    join(cache, dir, "chrome-headless-shell-linux64", "chrome-headless-shell"),
    join(cache, dir, "chrome-linux", "chrome"),
  ]);
}

/** Finds a Chromium, installing Debian's packages with apt-get when there is none. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;

  aptInstall(DEBIAN_PACKAGES, "No Chromium found for the browser tests", log);

  const installed = findChromium();
  if (!installed) throw new Error(`apt-get finished but no Chromium is at ${DEBIAN_PATHS.join(" or ")}`);
  log(`Installed Chromium at ${installed}.`);
  return installed;
}
