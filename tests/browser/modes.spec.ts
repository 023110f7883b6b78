// Teams and modes as players see them: sixteen ships in two teams on a desktop
// and on a phone in the colour-blind palette, King of the Hill's hill held and
// contested, and the results of a team round in a room made from the create form.
import { expect, test, type Page } from "@playwright/test";
import { CREATE_PRIVATE_ROOM, clickArena, enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const PHONE = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** Waits for a moment with most ships in play, so the picture shows both teams. */
async function mostInPlay(page: Page): Promise<void> {
  await expect
    .poll(async () => (await probe(page)).ships.filter((ship) => ship.alive).length, { message: "most ships in play", timeout: 30_000 })
    .toBeGreaterThanOrEqual(12);
}

/** The ships on each team, as the page has them. */
async function teamSizes(page: Page): Promise<{ red: number; blue: number; none: number }> {
  const ships = (await probe(page)).ships;
  return {
    red: ships.filter((ship) => ship.team === 1).length,
    blue: ships.filter((ship) => ship.team === 2).length,
    none: ships.filter((ship) => ship.team === 0).length,
  };
}

test.describe("Team Deathmatch with sixteen ships", () => {
  const server = useGameServer({ GAME_MODE: "tdm", BOTS: "16" });

  test("two even teams, on a desktop and on a phone, also in the colour-blind palette", async ({ browser }, testInfo) => {
    // Three pictures from three players in turn, each waiting for a moment with most ships in play.
    test.setTimeout(120_000);
    const pictures = [
      { name: "tdm-16-desktop", options: {}, renderer: "", colorBlind: false },
      { name: "tdm-16-desktop-colour-blind", options: {}, renderer: "?renderer=canvas", colorBlind: true },
      { name: "tdm-16-phone-colour-blind", options: PHONE, renderer: "?renderer=canvas", colorBlind: true },
    ];
    for (const [index, picture] of pictures.entries()) {
      const context = await browser.newContext(picture.options);
      try {
        // The palette as the settings panel keeps it.
        if (picture.colorBlind) await context.addInitScript(() => localStorage.setItem("skirmish.settings", JSON.stringify({ colorBlind: true })));
        const page = await context.newPage();
        await enterFromLobby(page, `${server.url}${picture.renderer}`, `Pilot ${index + 1}`);
        await joined(page, 16);
        expect(await teamSizes(page)).toEqual({ red: 8, blue: 8, none: 0 });
        expect((await probe(page)).mode).toBe("tdm");
        // Knock-outs score for the teams: the fight is under way before the picture.
        await expect
          .poll(async () => (await probe(page)).redScore + (await probe(page)).blueScore, { message: "a team to score", timeout: 30_000 })
          .toBeGreaterThan(0);
        await mostInPlay(page);
        await saveScreenshot(page, testInfo, picture.name);
      } finally {
        await context.close();
      }
    }
  });
});

test.describe("King of the Hill", () => {
  const server = useGameServer({ GAME_MODE: "koth", BOTS: "8", ARENA: "Foundry" });

  test("the hill shows who holds it, and when it is contested", async ({ page }, testInfo) => {
    await enterFromLobby(page, `${server.url}?renderer=canvas`, "Watcher");
    await joined(page, 8);
    expect((await probe(page)).mode).toBe("koth");
    await expect.poll(async () => (await probe(page)).hill, { message: "a team to hold the hill", timeout: 30_000 }).toMatch(/^(red|blue)$/);
    await expect
      .poll(async () => (await probe(page)).redScore + (await probe(page)).blueScore, { message: "the holder to score", timeout: 30_000 })
      .toBeGreaterThan(0);
    await saveScreenshot(page, testInfo, "koth-hill-held");
    await expect.poll(async () => (await probe(page)).hill, { message: "both teams on the hill", timeout: 60_000 }).toBe("contested");
    await saveScreenshot(page, testInfo, "koth-hill-contested");
  });

  test("a Team Deathmatch room made from the create form ends its round with the winning team named", async ({ page }, testInfo) => {
    await page.goto(`${server.url}?renderer=canvas`);
    await page.locator("#lobby-name").fill("Maker");
    await page.getByRole("button", { name: CREATE_PRIVATE_ROOM }).click();
    const form = page.locator("#create-room");
    await form.locator("[name=mode]").selectOption("tdm");
    // A short round: it ends at the clock, or as soon as a team has 3 KOs.
    await form.locator("[name=roundSeconds]").fill("40");
    await form.locator("[name=koTarget]").fill("3");
    await form.locator("[name=arena]").selectOption("Crossroads");
    await form.locator("[name=bots]").fill("6");
    await page.getByRole("button", { name: "Create room" }).click();
    const id = await joined(page, 6);
    expect(await teamSizes(page)).toEqual({ red: 3, blue: 3, none: 0 });
    // The HUD's button switches our side: a bot goes the other way, and the teams stay even.
    const ownTeam = async () => (await probe(page)).ships.find((ship) => ship.id === id)!.team;
    const before = await ownTeam();
    await expect.poll(async () => (await probe(page)).switchTeamButton, { message: "the Switch team button" }).not.toBeNull();
    await clickArena(page, (await probe(page)).switchTeamButton!);
    await expect.poll(ownTeam, { message: "our ship to change sides" }).toBe(3 - before);
    expect(await teamSizes(page)).toEqual({ red: 3, blue: 3, none: 0 });
    await expect.poll(async () => (await probe(page)).phase, { message: "the round to end", timeout: 50_000 }).toBe("results");
    const { redScore, blueScore, scoreboardTitle, scoreboard } = await probe(page);
    expect(scoreboard).toBe(true);
    const winner = redScore === blueScore ? "Draw" : redScore > blueScore ? "Red team wins" : "Blue team wins";
    expect(scoreboardTitle).toBe(`Round 1 over · ${winner}, ${Math.max(redScore, blueScore)}–${Math.min(redScore, blueScore)}`);
    await saveScreenshot(page, testInfo, "tdm-results");
  });
});
