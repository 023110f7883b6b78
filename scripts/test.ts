// `npm test`: the static checks (the type check, the DOM-free type checks of the
// netcode and the rules, Biome's lint, import boundaries and format check), the
// Node suites (Vitest), then the browser suite (Playwright), then one closing line
// with the totals of both.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureClientBuilt, ROOT } from "../server/clientBuild.ts";
import { ensureCommands } from "./aptInstall.ts";
import { runBrowserTests } from "./browser-tests.ts";

const RESULTS = join(ROOT, "test-results");
const NODE_RESULTS = join(RESULTS, "node-results.json");
const BROWSER_RESULTS = join(RESULTS, "browser-results.json");

rmSync(NODE_RESULTS, { force: true });
rmSync(BROWSER_RESULTS, { force: true });
mkdirSync(RESULTS, { recursive: true });
const startedAt = Date.now();

const checks = staticChecks();

// The hosting tests run a real redis-server and nginx, and make a certificate with openssl.
ensureCommands({ "redis-server": "redis-server", nginx: "nginx", openssl: "openssl" }, "The hosting tests");
// Built once here: otherwise every server process the hosting tests start would build it at the same time.
await ensureClientBuilt();

const vitest = spawnSync(
  process.execPath,
  [
    join(ROOT, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    join(ROOT, "tests", "vitest.config.ts"),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${NODE_RESULTS}`,
  ],
  { cwd: ROOT, stdio: "inherit" },
);
const browserStatus = await runBrowserTests([]);

const node = readJson(NODE_RESULTS);
const browser = readJson(BROWSER_RESULTS);
const passed = (node?.numPassedTests ?? 0) + (browser?.stats?.expected ?? 0) + (browser?.stats?.flaky ?? 0);
const failed = (node?.numFailedTests ?? 0) + (browser?.stats?.unexpected ?? 0);
const crashed = !checks || vitest.status !== 0 || browserStatus !== 0 || !node || !browser;
const seconds = Math.round((Date.now() - startedAt) / 1000);

console.log(
  `\nNode: ${totals(node?.numPassedTests, node?.numFailedTests)}; browser: ${totals(browser?.stats?.expected, browser?.stats?.unexpected)}; ${seconds} s in all.`,
);
console.log(`${passed} passed, ${failed} failed`);
if (crashed && failed === 0) console.error("A static check or a test runner failed outside any test; see the output above.");
process.exitCode = crashed || failed > 0 ? 1 : 0;

/** The type check (all of it, then game/net and shared/ without the DOM) and Biome, with its import boundaries; says which failed. */
function staticChecks(): boolean {
  const steps: Array<[string, string[]]> = [
    ["Type check", [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", ROOT]],
    ["Type check of game/net without the DOM", [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "game", "net")]],
    ["Type check of shared/ without the DOM", [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "shared")]],
    ["Lint and format check (Biome)", [join(ROOT, "node_modules", "@biomejs", "biome", "bin", "biome"), "check", ROOT]],
  ];
  let passed = true;
  for (const [name, args] of steps) {
    const ok = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" }).status === 0;
    console.log(ok ? `${name} passed.` : `${name} FAILED (see above).`);
    passed &&= ok;
  }
  return passed;
}

/** A reporter's JSON output, as far as the totals go. */
interface Results {
  numPassedTests?: number;
  numFailedTests?: number;
  stats?: { expected?: number; unexpected?: number; flaky?: number };
}

function readJson(path: string): Results | null {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function totals(passedCount: number | undefined, failedCount: number | undefined): string {
  return passedCount === undefined ? "did not report" : `${passedCount} passed, ${failedCount ?? 0} failed`;
}
