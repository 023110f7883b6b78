import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));
/**
 * A test file named on the command line runs wherever it is: a test pinned from a
 * replay (`npm run replay -- FILE --to-test OUT`) may be written outside tests/.
 */
const named = process.argv.filter((arg) => arg.endsWith(".test.ts") && existsSync(arg)).map((arg) => resolve(arg));

export default defineConfig({
  root,
  test: {
    include: ["tests/{unit,scenarios,room,netcode,hosting,docs,guide}/**/*.test.ts", ...named],
    // A process per file: each gets its own Colyseus matchmaker.
    pool: "forks",
    // Two files at once, even on 2 cores (Vitest's default there is one): the longest
    // files mostly wait on rounds played in real time, and every test is written to
    // pass with another process keeping a core busy. The suite takes 5 minutes, not 8.5.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
