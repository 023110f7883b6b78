// `npm run test:browser [-- playwright args]`: finds (or installs) a Chromium,
// builds the client if it is stale, then runs the Playwright suite.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureClientBuilt, ROOT } from "../server/clientBuild.ts";
import { ensureChromium } from "./chromium.ts";

export async function runBrowserTests(args: string[]): Promise<number> {
  const chromium = ensureChromium();
  console.log(`Browser tests use ${chromium}`);
  await ensureClientBuilt();
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "--config", join(ROOT, "tests", "playwright.config.ts"), ...args],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } },
  );
  return result.status ?? 1;
}

if (import.meta.main) {
  process.exitCode = await runBrowserTests(process.argv.slice(2));
}
