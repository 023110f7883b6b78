import { expect, test } from "@playwright/test";
import { framesPass, probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

test("two players chat while playing: Enter to type (the ship stays put), Enter to send, quick chat on the number keys", async ({ browser }, testInfo) => {
  await withTwoPlayers(browser, server.url, async ({ alpha, bravo, alphaId }) => {
    // Positive control: D thrusts the ship while nobody is typing.
    const before = (await ship(alpha, alphaId)).x;
    await alpha.keyboard.down("KeyD");
    await expect.poll(async () => (await ship(alpha, alphaId)).x, { message: "D moves the ship" }).toBeGreaterThan(before + 20);
    await alpha.keyboard.up("KeyD");

    // Typing: the same letters go into the message, not the ship.
    await alpha.keyboard.press("Enter");
    await expect(alpha.locator("#chat-input")).toBeFocused();
    const drift = async () => {
      const from = (await ship(alpha, alphaId)).x;
      await framesPass(alpha, 10);
      return Math.abs((await ship(alpha, alphaId)).x - from);
    };
    await expect.poll(drift, { message: "the ship coasts to a stop" }).toBeLessThan(0.5);
    const resting = (await ship(alpha, alphaId)).x;
    await alpha.keyboard.type("ddd good luck dd");
    const framesTyped = (await probe(alpha)).frames;
    await expect.poll(async () => (await probe(alpha)).frames, { message: "frames pass while typing" }).toBeGreaterThan(framesTyped + 10);
    expect(Math.abs((await ship(alpha, alphaId)).x - resting)).toBeLessThan(3);
    await alpha.keyboard.press("Enter");
    await expect(bravo.locator("#chat-log")).toContainText("Alpha: ddd good luck dd");
    await expect(alpha.locator("#chat-log")).toContainText("Alpha: ddd good luck dd");

    // Bravo answers with quick chat on a number key.
    await bravo.keyboard.press("Digit2");
    await expect(alpha.locator("#chat-log")).toContainText("Bravo: Nice shot!");
    await saveScreenshot(alpha, testInfo, "chat-in-play");

    // Alpha mutes Bravo (a name in the history): Bravo's next line reaches Bravo's own page, not Alpha's.
    await alpha.keyboard.press("Enter");
    await alpha.locator("#chat-log button", { hasText: "Bravo:" }).first().click();
    await expect(alpha.locator("#chat-log")).toContainText("Bravo (muted)");
    await alpha.locator("#chat-input").press("Escape");
    await bravo.keyboard.press("Digit1");
    await expect(bravo.locator("#chat-log")).toContainText("Bravo: Hello!");
    await alpha.keyboard.press("Digit5");
    await expect(bravo.locator("#chat-log")).toContainText("Alpha: Thanks!");
    await expect(alpha.locator("#chat-log")).toContainText("Alpha: Thanks!");
    await expect(alpha.locator("#chat-log")).not.toContainText("Hello!");
  });
});
