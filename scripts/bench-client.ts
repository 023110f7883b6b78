// `npm run bench:client`: what the client costs a player, in figures.
// - size: what a first visit to the game downloads until its first arena frame
//   (every file the page fetched, gzipped, summed), and every file of the built
//   client (all its pages: the game, the scoreboard, /how, /replay), gzipped, summed;
// - time from requesting the page to an interactive lobby, and from pressing
//   Quick Play to the first arena frame, against a local server (median of a few);
// - script time per frame with 16 ships in combat (15 bots and the player), on the
//   Canvas renderer in headless Chromium, from the browser's own performance
//   metrics (ScriptDuration) over the frames the game drew.
// CLIENT_BENCH_SECONDS sets the length of the per-frame measurement (default 10).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { CLIENT_DIR, ensureClientBuilt } from "../server/clientBuild.ts";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium.ts";
import { startGameServer } from "./lib/gameServerProcess.ts";

const SECONDS = Number(process.env.CLIENT_BENCH_SECONDS ?? 10);
const RUNS = 3;
let frameCost: { ships: number; frames: number; fps: number; scriptMsPerFrame: number } | undefined;

await ensureClientBuilt();
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const allPagesBytes = filesIn(CLIENT_DIR).reduce((sum, file) => sum + gzipped(file), 0);
let firstVisitBytes = 0;

const server = await startGameServer({ BOTS: "16" });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  const lobbyMs: number[] = [];
  const firstFrameMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    let startedAt = performance.now();
    await page.goto(`${server.url}?renderer=canvas`);
    await page.locator("#lobby-name").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Quick Play" }).waitFor({ state: "visible" });
    lobbyMs.push(performance.now() - startedAt);
    await page.locator("#lobby-name").fill(`Bench ${run}`);
    startedAt = performance.now();
    await page.getByRole("button", { name: "Quick Play" }).click();
    await page.waitForFunction(() => (window.__probe?.ready ?? false) && (window.__probe?.frames ?? 0) > 0, null, { polling: "raf" });
    firstFrameMs.push(performance.now() - startedAt);
    if (run === 0) firstVisitBytes = await downloaded(page);
    if (run < RUNS - 1) await context.close();
    else await measureFrames(page);
  }
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}; browser, server and bots share it.`);
  console.log(
    JSON.stringify(
      {
        gzipKB: round(firstVisitBytes / 1024),
        allPagesGzipKB: round(allPagesBytes / 1024),
        lobbyMs: median(lobbyMs),
        quickPlayToFirstFrameMs: median(firstFrameMs),
        ...frameCost,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.stop();
}

/** Script time per frame while 16 ships fight, from the page's own metrics. */
async function measureFrames(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.__probe?.ships.length ?? 0) >= 16, null, { timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const sample = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const script = metrics.find((metric) => metric.name === "ScriptDuration")?.value ?? 0;
    const frames = await page.evaluate(() => window.__probe?.frames ?? 0);
    return { script, frames, at: performance.now() };
  };
  const before = await sample();
  await page.waitForTimeout(SECONDS * 1000);
  const after = await sample();
  const frames = after.frames - before.frames;
  const ships = await page.evaluate(() => window.__probe?.ships.length ?? 0);
  frameCost = {
    ships,
    frames,
    fps: round((frames * 1000) / (after.at - before.at)),
    scriptMsPerFrame: round(((after.script - before.script) * 1000) / frames, 2),
  };
}

/** The built files the page has fetched so far (the page itself and every resource from this server), gzipped, summed. */
async function downloaded(page: Page): Promise<number> {
  const urls = await page.evaluate(() => [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)]);
  const files = new Set<string>();
  for (const url of urls) {
    const { origin, pathname } = new URL(url);
    if (origin !== new URL(server.url).origin) continue;
    const file = join(CLIENT_DIR, pathname === "/" ? "index.html" : pathname);
    if (existsSync(file) && statSync(file).isFile()) files.add(file);
  }
  return [...files].reduce((sum, file) => sum + gzipped(file), 0);
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
