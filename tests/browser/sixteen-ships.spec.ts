import { expect, test } from "@playwright/test";
import { enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

// Bots fill the room to 16 ships: a full fight, as a desktop player sees it.
const server = useGameServer({ BOTS: "16" });

test("sixteen ships in combat stay apart: sixteen names, and the HUD fades over ships under it", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await enterFromLobby(page, server.url, "Watcher");
    await joined(page, 16);
    const ships = (await probe(page)).ships;
    expect(new Set(ships.map((ship) => ship.name)).size).toBe(16);
    // Wait for the fight to spread over the arena (ships leave the spawns they share two by two), and for some
    // ship to pass under a HUD panel. In a fight ships also close in and are knocked out: each counts once seen
    // in play at least 30 px from every other.
    const seenApart = new Set<string>();
    const apart = async () => {
      const alive = (await probe(page)).ships.filter((ship) => ship.alive);
      for (const a of alive) if (alive.every((b) => a === b || Math.hypot(a.x - b.x, a.y - b.y) > 30)) seenApart.add(a.id);
      return seenApart.size;
    };
    await expect.poll(apart, { message: "the ships spread out", timeout: 30_000 }).toBeGreaterThanOrEqual(13);
    await expect.poll(async () => (await probe(page)).hudFaded.length, { message: "a HUD panel fades over a ship", timeout: 30_000 }).toBeGreaterThan(0);
    await saveScreenshot(page, testInfo, "desktop-16-ships");
  } finally {
    await context.close();
  }
});
