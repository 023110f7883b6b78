import { defineConfig } from "@playwright/test";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../shared/constants.ts";
import { CHROMIUM_ARGS, findChromium } from "../scripts/chromium.ts";

const executablePath = findChromium();
if (!executablePath) {
  throw new Error("No Chromium found for the browser tests: run them with `npm test`, which installs one, or set CHROMIUM_PATH.");
}

export default defineConfig({
  testDir: "./browser",
  outputDir: "../test-results/browser",
  // One WebGL page costs more than a core here: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "../test-results/browser-results.json" }]],
  use: {
    viewport: { width: ARENA_WIDTH, height: ARENA_HEIGHT },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: "off",
    // A failing test leaves a picture of what the page showed.
    screenshot: "only-on-failure",
  },
});
