// The idle watch (server/IdleWatch.ts) on its own, tick by tick: what counts as
// play, when the warning and the move come, and what time does not count.
import { describe, expect, it } from "vitest";
import { IdleWatch } from "../../server/IdleWatch.ts";
import { IDLE_WARNING_SECONDS } from "../../shared/constants.ts";
import { NO_CONTROLS } from "../../shared/step.ts";

const TICK_RATE = 10;
const IDLE_TICKS = 20 * TICK_RATE;

function watching() {
  const said: string[] = [];
  const watch = new IdleWatch(IDLE_TICKS, TICK_RATE, { warn: (id, seconds) => said.push(`warn ${id} ${seconds}`), move: (id) => said.push(`move ${id}`) });
  return { watch, said };
}

describe("the idle watch", () => {
  it("warns a player who changes nothing IDLE_WARNING_SECONDS before their time, then moves them once", () => {
    const { watch, said } = watching();
    watch.watch("p");
    for (let tick = 1; tick <= IDLE_TICKS + 50; tick++) {
      watch.applied("p", NO_CONTROLS);
      watch.tick(() => true);
      if (tick === IDLE_TICKS - IDLE_WARNING_SECONDS * TICK_RATE) expect(said).toEqual(["warn p 15"]);
    }
    expect(said).toEqual(["warn p 15", "move p"]);
  });

  it("counts a changed input or the client's word as play, and not time out of play; a player who keeps playing is never moved", () => {
    const { watch, said } = watching();
    for (const id of ["mover", "busy", "dead"]) watch.watch(id);
    for (let tick = 1; tick <= 5 * IDLE_TICKS; tick++) {
      watch.applied("mover", { ...NO_CONTROLS, moveX: tick % 2 });
      if (tick % 40 === 0) watch.active("busy");
      // Knocked out for all but the first few seconds.
      watch.tick((id) => id !== "dead" || tick < 50);
    }
    expect(said).toEqual([]);
    // Positive control: the same players, left alone and in play, are moved.
    for (let tick = 1; tick <= IDLE_TICKS; tick++) watch.tick(() => true);
    expect(said.filter((line) => line.startsWith("move")).sort()).toEqual(["move busy", "move dead", "move mover"]);
  });

  it("counts a turn of the aim of 11° or more as play, not the small drift a knocked ship's mouse aim has", () => {
    const { watch, said } = watching();
    watch.watch("drifting");
    watch.watch("turning");
    for (let tick = 1; tick <= IDLE_TICKS; tick++) {
      const drift = 0.05 * Math.sin(tick / 3);
      watch.applied("drifting", { ...NO_CONTROLS, aimX: Math.round(1000 * Math.cos(drift)), aimY: Math.round(1000 * Math.sin(drift)) });
      // A slow, steady turn: a quarter turn over the idle time.
      const turn = (tick / IDLE_TICKS) * (Math.PI / 2);
      watch.applied("turning", { ...NO_CONTROLS, aimX: Math.round(1000 * Math.cos(turn)), aimY: Math.round(1000 * Math.sin(turn)) });
      watch.tick(() => true);
    }
    expect(said).toEqual(["warn drifting 15", "move drifting"]);
  });

  it("moves nobody when the idle time is 0 (IDLE_SECONDS=0)", () => {
    const said: string[] = [];
    const watch = new IdleWatch(0, TICK_RATE, { warn: () => said.push("warn"), move: () => said.push("move") });
    watch.watch("p");
    for (let tick = 0; tick < 10_000; tick++) watch.tick(() => true);
    expect(said).toEqual([]);
  });
});
