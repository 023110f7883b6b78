import { expect, test } from "@playwright/test";
import { enterFromLobby, joined, knockOut, probe, saveScreenshot, ship, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

test("a private room shared by link, a reload that resumes the same ship, and a scoreboard pushed live", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  try {
    const [alpha, bravo, screen] = await Promise.all(contexts.map((context) => context.newPage()));

    // Alpha creates a private room; its code is in the address and the HUD.
    await enterFromLobby(alpha!, `${server.url}?renderer=canvas`, "Alpha", "Create private room");
    const alphaId = await joined(alpha!, 1);
    const code = (await probe(alpha!)).roomCode!;
    expect(code).toMatch(/^[A-Z2-9]{5}$/);
    await expect(alpha!).toHaveURL(new RegExp(`\\?room=${code}`));
    await saveScreenshot(alpha!, testInfo, "alpha-hud-with-code");

    // Bravo follows the link: the lobby asks for a name, then Bravo is in the same arena.
    await bravo!.goto(`${server.url}?room=${code}&renderer=canvas`);
    await expect(bravo!.locator("#lobby-message")).toContainText(`Choose a name to join room ${code}`);
    await expect(bravo!.locator("#lobby-code")).toHaveValue(code);
    await bravo!.locator("#lobby-name").fill("Bravo");
    await saveScreenshot(bravo!, testInfo, "bravo-lobby");
    await bravo!.getByRole("button", { name: "Join by code" }).click();
    const bravoId = await joined(bravo!, 2);
    expect((await probe(bravo!)).roomCode).toBe(code);

    // A second screen shows the scoreboard: live over the WebSocket, and fetched over HTTP.
    await screen!.goto(`${server.url}scoreboard?room=${code}`);
    await expect(screen!.locator("#live-body")).toContainText("Bravo");
    await expect(screen!.locator("#http-body")).toContainText("Bravo");
    const totalKos = (panel: string) => screen!.locator(panel).getAttribute("data-kos");
    expect(await totalKos("#http")).toBe("0");

    // The live panel's one HTTP request was its WebSocket's opening handshake, which the server reports back.
    await screen!.locator("#live-handshake summary").click();
    await expect(screen!.locator("#live-handshake")).toContainText(/→ GET \/\S+ HTTP\/1\.1/);
    await expect(screen!.locator("#live-handshake")).toContainText("← HTTP/1.1 101 Switching Protocols");
    const requests = () => screen!.locator("#summary").getAttribute("data-http-requests");
    await expect.poll(requests, { message: "the HTTP panel's first fetch" }).toBe("1");

    await knockOut(alpha!, alphaId, bravo!, bravoId);
    // Pushed: the live panel shows the KO though the page asked for nothing; fetched: the HTTP panel only after Refresh.
    await expect.poll(() => totalKos("#live"), { message: "the live panel shows the KO" }).toBe("1");
    await expect(screen!.locator("#live-body")).toContainText("Alpha ✕ Bravo");
    expect(await totalKos("#http")).toBe("0");
    expect(await requests()).toBe("1");
    await saveScreenshot(screen!, testInfo, "scoreboard-before-refresh");
    await screen!.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => totalKos("#http"), { message: "the HTTP panel after Refresh" }).toBe("1");
    await expect.poll(requests, { message: "one more request: the Refresh" }).toBe("2");
    await saveScreenshot(screen!, testInfo, "scoreboard-after-refresh");

    // Alpha reloads the page and is back in the same ship with the same score.
    await alpha!.reload();
    await joined(alpha!, 2);
    const resumed = await probe(alpha!);
    expect(resumed.sessionId).toBe(alphaId);
    expect(resumed.roomCode).toBe(code);
    expect((await ship(alpha!, alphaId)).kos).toBe(1);
    await saveScreenshot(alpha!, testInfo, "alpha-after-reload");
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
