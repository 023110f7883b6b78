import { expect, test } from "@playwright/test";
import { enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

// Bots fight in the room, so knock-outs keep happening for the scoreboard page to show.
const server = useGameServer({ BOTS: "8" });

/** Knock-outs measured: the polling panel's lateness is an average of this many waits for the next poll. */
const KOS = 12;

test("polling every 2 s shows knock-outs about a second late, while the WebSocket shows them within 0.2 s", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const context = await browser.newContext();
  try {
    const player = await context.newPage();
    await enterFromLobby(player, `${server.url}?renderer=canvas`, "Bait");
    await joined(player, 8);
    const code = (await probe(player)).roomCode!;
    const board = await context.newPage();
    await board.goto(`${server.url}scoreboard?room=${code}&mode=poll&every=2`);
    const summary = board.locator("#summary");
    const count = async (panel: "ws" | "http") => Number(await summary.getAttribute(`data-${panel}-kos`));
    await expect.poll(() => count("http"), { message: "knock-outs seen by polling", timeout: 120_000, intervals: [1000] }).toBeGreaterThanOrEqual(KOS);
    expect(await count("ws")).toBeGreaterThanOrEqual(KOS);
    const late = async (what: string) => Number(await summary.getAttribute(`data-${what}`));
    // Pushed: the typical knock-out shows at once (the median, so one slow moment on a busy machine does not count).
    expect(await late("ws-ko-late-median")).toBeLessThan(0.2);
    // Polled every 2 s: each waits for the next poll, uniformly 0 to 2 s, so about 1 s on average.
    expect(await late("http-ko-late")).toBeGreaterThan(0.4);
    expect(await late("http-ko-late")).toBeLessThan(1.7);
    await expect(summary).toContainText(/WebSocket 1 handshake, .*; polling every 2 s: \d+ requests, /);
    await saveScreenshot(board, testInfo, "scoreboard-polling");
  } finally {
    await context.close();
  }
});
