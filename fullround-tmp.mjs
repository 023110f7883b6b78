import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium-headless-shell", args: ["--no-sandbox","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync","--enable-unsafe-swiftshader"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
await page.goto("http://127.0.0.1:2567/?name=Player%20One&renderer=canvas");
await page.waitForFunction(() => window.__probe?.ready);
const started = Date.now();
await page.mouse.down();
let shots = 0;
while (Date.now() - started < 200000) {
  const p = await page.evaluate(() => window.__probe);
  if (p.phase === "results") { await page.waitForTimeout(800); await page.screenshot({ path: "/tmp/full-results.png" }); break; }
  const me = p.ships.find((s) => s.own);
  const enemy = p.ships.filter((s) => !s.own && s.alive).sort((a, b) => Math.hypot(a.x - me.x, a.y - me.y) - Math.hypot(b.x - me.x, b.y - me.y))[0];
  if (enemy) await page.mouse.move(enemy.x, enemy.y);
  const dx = enemy ? enemy.x - me.x : 0, dy = enemy ? enemy.y - me.y : 0;
  const dist = Math.hypot(dx, dy);
  const keys = dist > 350 ? [dx > 0 ? "KeyD" : "KeyA", dy > 0 ? "KeyS" : "KeyW"] : [["KeyW","KeyA","KeyS","KeyD"][Math.floor(Math.random()*4)]];
  for (const k of keys) await page.keyboard.down(k);
  await page.waitForTimeout(200);
  for (const k of keys) await page.keyboard.up(k);
  if (Math.random() < 0.05) await page.keyboard.press("Space");
  if (shots === 0 && Date.now() - started > 60000) { await page.screenshot({ path: "/tmp/full-mid.png" }); shots++; }
}
const p = await page.evaluate(() => window.__probe);
console.log("elapsed", Math.round((Date.now() - started) / 1000), "phase", p.phase, JSON.stringify(p.ships.map(s => [s.name, s.kos, s.deaths])), "errors", errors);
await browser.close();
