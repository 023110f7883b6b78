// The test kit's own promises: setups it cannot honour are refused at once, its
// pilots fly where they are sent, a failed expectation and a pinned replay that no
// longer matches both say where and how (the tick, the ship, the field).
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packReplay, readReplayFile } from "../../server/replayFile.ts";
import { encodeReplay } from "../../shared/replay/format.ts";
import { BULLET_DAMAGE, SHIP_HEALTH } from "../../shared/constants.ts";
import { rulesMatch, StateMismatch } from "../kit/index.ts";
import { expectReplayAsPinned, pinnedScoreboard } from "../kit/pinnedReplay.ts";
import { traceReplay } from "../../scripts/lib/replayTrace.ts";

const FIXTURE = "tests/fixtures/replays/crossroads-tdm-3-players-4-bots-switch-and-leave.replay";

describe("a match's setup", () => {
  it("refuses a ship set in a wall or off the arena, naming it", () => {
    expect(() => rulesMatch({ ships: { Grace: { at: { x: 640, y: 120 } } } })).toThrow(/^Grace is set at \(640, 120\) on Crossroads, within 16 px of a wall/);
    expect(() => rulesMatch({ ships: { Ada: { at: { x: 5, y: 360 } } } })).toThrow(/^Ada is set at \(5, 360\) on Crossroads, within 16 px of the arena's edge/);
    expect(rulesMatch({ ships: { Ada: { at: { x: 640, y: 200 } } } }).ship("Ada").state).toMatchObject({ x: 640, y: 200 });
  });
});

describe("pilots", () => {
  it("fly to a point and stop there, and follow a path through its points", async () => {
    const match = rulesMatch({ ships: { Ada: { at: { x: 100, y: 360 } }, Grace: { at: { x: 1180, y: 640 } } } });
    match.ship("Ada").moveTo({ x: 500, y: 420 });
    await match.until(() => !match.ship("Ada").moving, "Ada to arrive");
    await match.wait(15);
    const ada = match.ship("Ada").state;
    expect(Math.hypot(ada.x - 500, ada.y - 420)).toBeLessThan(4);
    expect(Math.hypot(ada.vx, ada.vy)).toBeLessThan(20);

    const passed = new Set<number>();
    const path = [
      { x: 1180, y: 300 },
      { x: 1000, y: 300 },
    ];
    match.ship("Grace").follow(path);
    await match.until(() => {
      const grace = match.ship("Grace").state;
      for (const [i, point] of path.entries()) if (Math.hypot(grace.x - point.x, grace.y - point.y) < 6) passed.add(i);
      return !match.ship("Grace").moving;
    }, "Grace to fly her path");
    expect([...passed].sort()).toEqual([0, 1]);
  });
});

describe("a failed expectation", () => {
  it("names the tick, the ship and each field expected beside what it is, and what just happened", async () => {
    const match = rulesMatch({ ships: { Ada: { at: { x: 400, y: 500 } }, Grace: { at: { x: 700, y: 500 } } } });
    match.ship("Ada").aimAt("Grace");
    match.ship("Ada").fire();
    await match.until(() => match.events.some((event) => event.type === "hit"), "the hit");
    let failure: unknown;
    try {
      match.expectShips({ Grace: { health: SHIP_HEALTH, alive: true } });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StateMismatch);
    const message = (failure as Error).message;
    expect(message).toContain(`The match is not as the test expects (rules level) at tick ${match.world.tick} (round 1,`);
    expect(message).toContain("Ships that differ there: Grace.");
    expect(message).toMatch(new RegExp(`ship Grace\\s+health\\s+${SHIP_HEALTH}\\s+${SHIP_HEALTH - BULLET_DAMAGE}`));
    // alive matched: only what differs is listed.
    expect(message).not.toMatch(/ship Grace\s+alive/);
    expect(message).toContain(`Ada hit Grace for ${BULLET_DAMAGE}`);
  });
});

describe("a pinned replay", () => {
  it("passes as pinned; played with one input changed, fails naming the first tick that differs, the ship and its fields, with both scoreboards", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pinned-"));
    const replay = readReplayFile(new Uint8Array(await readFile(FIXTURE)));
    const { trace, simulation } = traceReplay(replay);
    const pinned = { replay: FIXTURE, trace: join(dir, "match.trace.gz"), scoreboard: pinnedScoreboard(simulation) };
    await writeFile(pinned.trace, trace);
    await expectReplayAsPinned(pinned);

    // The same match with one player's stick turned the other way at one tick: it plays differently from there.
    const changed = structuredClone(replay);
    const index = changed.ticks.findIndex((tick, i) => i > 60 && tick.inputs.some((input) => input.controls.some((controls) => controls.moveX !== 0)));
    const input = changed.ticks[index]!.inputs.find((input) => input.controls.some((controls) => controls.moveX !== 0))!;
    for (const controls of input.controls) controls.moveX = -controls.moveX;
    const changedFile = join(dir, "changed.replay");
    await writeFile(changedFile, await packReplay(encodeReplay(changed)));
    const failure = await expectReplayAsPinned({ ...pinned, replay: changedFile }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StateMismatch);
    const message = (failure as Error).message;
    const name = simulation.state.ships.get(input.ship)?.name;
    expect(message).toContain(`The match parts from the pinned one at tick ${replay.start.tick + index + 1} (round 1,`);
    expect(message).toContain(`Ships that differ there: ${name}.`);
    expect(message).toMatch(new RegExp(`ship ${name}\\s+(x|vx)\\s`));
    expect(message).toContain("Final scoreboard, as pinned");
    expect(message).toContain("Final scoreboard, now");
  });
});
