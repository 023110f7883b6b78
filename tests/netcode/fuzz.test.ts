// Fuzzing the room over a raw WebSocket while two real players play on. Whatever
// the fuzzer sends, the server stays up, the players keep their patches and a
// consistent state, nothing throws unhandled, and the fuzzer ends disconnected
// with a close reason that fits a close frame. Each attack is a class of input,
// drawn afresh from the seed. The seed is printed; FUZZ_SEED=<seed> replays a run,
// FUZZ_ATTACKS=a,b picks attacks and FUZZ_TRACE=1 prints every frame sent.
// (FUZZ_SEED=2 once found that a garbled unreliable-input ring made the
// framework's decoder exhaust memory; server/framework.ts now refuses those
// frames, and "garbled input rings" below sends them on every run.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { CLOSE_REASON_MAX_BYTES } from "../../server/framework.ts";
import { MOVE_AXIS_MAX, PATCH_RATE } from "../../shared/constants.ts";
import { NO_CONTROLS } from "../../shared/step.ts";
import { ATTACKS, fuzzSession, generator, type Session } from "../support/hostileFrames.ts";
import { playersInNewRoom, runFrames, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const FUZZ_SECONDS = 6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
beforeAll(() => {
  process.on("uncaughtException", onUncaught);
  process.on("unhandledRejection", onUncaught);
});
afterAll(() => {
  process.off("uncaughtException", onUncaught);
  process.off("unhandledRejection", onUncaught);
});

describe("fuzzing the room", () => {
  it("leaves the server, the room and the other players unharmed", async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const random = generator(SEED);
    const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, ["Alice", "Bob"]);
    const [alice, bob] = players as [ArenaConnection, ArenaConnection];
    const stops = players.map((player, i) =>
      runFrames(player, (now) => ({ ...NO_CONTROLS, moveX: Math.sin(now / 400 + i) > 0 ? MOVE_AXIS_MAX : -MOVE_AXIS_MAX })),
    );
    // Patches a second as each player receives them, every half second: first before the fuzzing (on this
    // machine, as busy as it is now), then during it.
    const patchRates: number[] = [];
    const sampler = setInterval(() => patchRates.push(...players.map((player) => player.meter.rates().patchesPerSecond)), 500);
    let baseline: number[] = [];

    const sessions: Session[] = [];
    const attacks = process.env.FUZZ_ATTACKS ? process.env.FUZZ_ATTACKS.split(",") : Object.keys(ATTACKS);
    try {
      // A full second of patches in each player's window, then two seconds measured before any fuzzer comes.
      await waitFor(() => players.every((player) => player.meter.totals.patches >= 2 * PATCH_RATE), "the players' first patches");
      patchRates.length = 0;
      await waitFor(() => patchRates.length >= 4 * players.length, "the rates before the fuzzing");
      baseline = patchRates.splice(0);
      const until = Date.now() + FUZZ_SECONDS * 1000;
      for (let round = 0; Date.now() < until; round++) {
        sessions.push(await fuzzSession(server.endpoint, room.roomId, attacks[round % attacks.length]!, random));
      }
    } finally {
      clearInterval(sampler);
      for (const stop of stops) stop();
    }

    console.log(`fuzz sessions: ${sessions.map((s) => `${s.attack} → ${s.closedBy}`).join("; ")}`);
    expect(uncaught).toEqual([]);
    expect(sessions.length).toBeGreaterThanOrEqual(attacks.length);
    expect(
      sessions.filter((session) => session.closedBy === null),
      "every fuzzer was disconnected",
    ).toEqual([]);
    expect(Math.max(...sessions.map((session) => session.reasonBytes))).toBeLessThanOrEqual(CLOSE_REASON_MAX_BYTES);
    // The players kept their patches coming at the rate they had before (medians: one slow moment of a busy
    // machine is not the fuzzer's doing), and stayed in.
    expect(median(baseline), "patches came before the fuzzing").toBeGreaterThan(0);
    expect(median(patchRates), `patch rates before: ${baseline.join(", ")}; during: ${patchRates.join(", ")}`).toBeGreaterThanOrEqual(0.75 * median(baseline));
    for (const player of players) expect(player.room.connection.isOpen).toBe(true);
    // Only the two players are left, and both see what the server has.
    await waitFor(
      () => room.state.ships.size === 2,
      `the fuzzers' ships to be gone: ${JSON.stringify([...room.state.ships.values()].map((ship) => [ship.name, ship.away]))}`,
    );
    await waitFor(
      () =>
        [alice, bob].every((viewer) => [alice, bob].every((owner) => viewer.state.ships.get(owner.sessionId)?.x === room.state.ships.get(owner.sessionId)?.x)),
      "both players to agree with the server",
    );
    for (const ship of room.state.ships.values()) {
      expect(Number.isFinite(ship.x) && Number.isFinite(ship.y)).toBe(true);
    }
    await Promise.all(players.map((player) => player.room.leave()));
  }, 30_000);
});
