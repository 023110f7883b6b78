import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "2" });
const SIMULATED_RTT_MS = 250;

/** The next `count` round trips the page measures (it measures one a second); the first may have been under way already. */
async function rttSamples(page: Page, count: number): Promise<number[]> {
  const samples: number[] = [];
  let previous = (await probe(page)).net.rttSamples;
  await expect
    .poll(
      async () => {
        const { rttSamples: taken, rttMs } = (await probe(page)).net;
        if (taken > previous && rttMs !== null) samples.push(rttMs);
        previous = taken;
        return samples.length;
      },
      { message: `${count + 1} round trips measured`, intervals: [100], timeout: 20_000 },
    )
    .toBeGreaterThan(count);
  // A ping sent before the change may come back after it: the first sample is dropped.
  return samples.slice(1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

test("the network panel shows live traffic both ways, and the RTT rises with simulated latency", async ({ page }, testInfo) => {
  await enterFromLobby(page, `${server.url}?renderer=canvas`, "Watcher");
  await joined(page, 2);
  const panel = page.locator("#network-panel");
  await expect(panel).toBeHidden();
  await page.keyboard.press("F3");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("ws://127.0.0.1");

  // The real opening handshake, as the server received and answered it: its accept is the key hashed with RFC 6455's GUID.
  await expect(panel).toContainText("HTTP upgraded to ws");
  await expect(panel).toContainText(/→ GET \/\S+ HTTP\/1\.1/);
  await expect(panel).toContainText("→ upgrade: websocket");
  await expect(panel).toContainText("→ sec-websocket-version: 13");
  await expect(panel).toContainText("← HTTP/1.1 101 Switching Protocols");
  const text = (await panel.textContent()) ?? "";
  const key = /sec-websocket-key: (\S+)/.exec(text)?.[1] ?? "";
  const answered = /sec-websocket-accept: (\S+)/.exec(text)?.[1];
  expect(answered).toBe(createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64"));
  expect(text).not.toMatch(/cookie|authorization|reconnectionToken=[^…]/i);

  await page.keyboard.down("KeyS");
  await page.mouse.move(640, 360);
  await page.mouse.down();
  try {
    await expect.poll(async () => (await probe(page)).net.inputsPerSecond, { message: "inputs going up" }).toBeGreaterThan(20);
    await expect.poll(async () => (await probe(page)).net.patchesPerSecond, { message: "patches coming down" }).toBeGreaterThan(10);
    const net = (await probe(page)).net;
    expect(net.upBytesPerSecond).toBeGreaterThan(0);
    expect(net.downBytesPerSecond).toBeGreaterThan(0);
    await expect(panel).toContainText(/Up\s+↑\s+[1-9]\d* inputs\/s/);
    await expect(panel).toContainText(/Down ↓\s+[1-9]\d* patches\/s/);
    // Messages by mode: our inputs up, state patches down to us, broadcasts to the room, direct messages to us.
    await expect(panel).toContainText(/↑ [1-9]\d* inputs, [1-9]\d* messages/);
    await expect(panel).toContainText(/↓ [1-9]\d* patches, \d+ broadcasts, [1-9]\d* direct/);
  } finally {
    await page.mouse.up();
    await page.keyboard.up("KeyS");
  }

  // The round trip is measured once a second. Without simulated latency: the median of three, so one slow moment on a busy machine does not count.
  const baseline = median(await rttSamples(page, 3));
  await page.locator("#sim-rtt").fill(String(SIMULATED_RTT_MS));
  await expect(panel).toContainText(`Simulating +${SIMULATED_RTT_MS} ms RTT`);
  // Every frame now waits half the setting each way: no round trip measured from here on can be shorter than it.
  const simulated = await rttSamples(page, 3);
  expect(Math.min(...simulated), `round trips with +${SIMULATED_RTT_MS} ms: ${simulated.join(", ")}`).toBeGreaterThanOrEqual(SIMULATED_RTT_MS);
  expect(median(simulated), `round trips before: ${baseline} ms (median)`).toBeGreaterThan(baseline);
  await expect(panel).toContainText(/RTT\s+(2[5-9]\d|[3-9]\d\d) ms/);
  await saveScreenshot(page, testInfo, "network-panel-250ms");
});
