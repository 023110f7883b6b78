// `npm run soak -- --minutes M`: churns headless players in and out of rooms on a
// fresh server process for M minutes, then checks that the server let go of
// everything: every room disposed, no client left, and memory back within a stated
// bound of what it was after warm-up. Prints one JSON report; exits 1 if a check fails.
import { parseArgs } from "node:util";
import { ArenaConnection } from "../game/net/ArenaConnection.ts";
import { MOVE_AXIS_MAX } from "../shared/constants.ts";
import { NO_CONTROLS } from "../shared/step.ts";
import { startMeteredGameServer } from "./lib/gameServerProcess.ts";

/** After everyone has left, RSS may be at most this much above its post-warm-up value. */
const RSS_BOUND_MB = 40;
const WARM_UP_MS = 60_000;
const PLAYERS = 24;
const CHURN_MS = 1500;

const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error("usage: npm run soak -- --minutes M");
  process.exit(1);
}

const server = await startMeteredGameServer({ MAX_PLAYERS: "8", BOTS: "3", RECONNECT_SECONDS: "2" });

const players = new Set<ArenaConnection>();
let joined = 0;
let left = 0;
let failedJoins = 0;
const frames = setInterval(() => {
  const now = performance.now();
  for (const player of players) {
    const controls = { ...NO_CONTROLS, moveX: Math.sin(now / 500 + joined) > 0 ? MOVE_AXIS_MAX : -MOVE_AXIS_MAX, aimX: 1, fire: true };
    player.update(now, () => controls);
  }
}, 1000 / 30);

/** Every churn step one player leaves and one joins: by quick play, a new room or a code. */
async function churn(): Promise<void> {
  const everyone = [...players];
  if (everyone.length >= PLAYERS) {
    const leaving = everyone[Math.floor(Math.random() * everyone.length)]!;
    players.delete(leaving);
    left++;
    await leaving.room.leave();
  }
  const roll = Math.random();
  const request =
    roll < 0.6 || everyone.length === 0
      ? ({ kind: "quick" } as const)
      : roll < 0.8
        ? ({ kind: "create", private: Math.random() < 0.5 } as const)
        : ({ kind: "code", code: everyone[Math.floor(Math.random() * everyone.length)]!.code } as const);
  try {
    players.add(await ArenaConnection.join(server.url, `Soak ${++joined}`, request));
  } catch {
    failedJoins++; // a full room or a room that just closed: churn goes on
  }
}

const startedAt = Date.now();
let warmRss: number | null = null;
while (Date.now() - startedAt < minutes * 60_000) {
  await churn();
  if (warmRss === null && Date.now() - startedAt > WARM_UP_MS) {
    warmRss = (await server.metrics()).rssMB;
    console.error(`warmed up: ${players.size} players, server RSS ${warmRss} MB`);
  }
  await new Promise((resolve) => setTimeout(resolve, CHURN_MS));
}
clearInterval(frames);
await Promise.all([...players].map((player) => player.room.leave()));
await new Promise((resolve) => setTimeout(resolve, 5000));
(globalThis as { gc?: () => void }).gc?.();
const end = await server.metrics();
await server.stop();

const checks = {
  allRoomsDisposed: end.rooms === 0,
  noClientsLeft: end.clients === 0,
  rssWithinBound: warmRss !== null && end.rssMB <= warmRss + RSS_BOUND_MB,
};
console.log(
  JSON.stringify(
    {
      minutes,
      joinAttempts: joined,
      failedJoins,
      leaves: left,
      rssMB: { afterWarmUp: warmRss, peak: end.rssPeakMB, end: end.rssMB, bound: `after warm-up + ${RSS_BOUND_MB}` },
      rooms: end.rooms,
      clients: end.clients,
      checks,
    },
    null,
    2,
  ),
);
process.exit(Object.values(checks).every(Boolean) ? 0 : 1);
