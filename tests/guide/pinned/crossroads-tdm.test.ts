// Pinned from crossroads-tdm-3-players-4-bots-switch-and-leave.replay on 2026-12-07 by
//   npm run replay -- tests/fixtures/replays/crossroads-tdm-3-players-4-bots-switch-and-leave.replay --to-test tests/guide/pinned/crossroads-tdm.test.ts
// room ZR3LT, round 1 on Crossroads (tdm), 0:12 at 30 ticks/s,
// Ada, Grace and 2 bots at the end.
// It re-simulates the match with the rules as they are and compares every tick with
// crossroads-tdm.trace.gz, what the rules did when it was pinned: a change that alters the
// match fails, naming the first tick that differs and the ships and fields there.
import { it } from "vitest";
import { expectReplayAsPinned } from "../../kit/index.ts";

it("crossroads-tdm re-simulates as pinned: every tick, and the final scoreboard", async () => {
  await expectReplayAsPinned({
    replay: new URL("./crossroads-tdm.replay", import.meta.url),
    trace: new URL("./crossroads-tdm.trace.gz", import.meta.url),
    scoreboard: {
      mode: "tdm",
      round: 1,
      teams: [
        { team: 1, score: 2 },
        { team: 2, score: 1 },
      ],
      ships: [
        { name: "Bot Lyra", kos: 1, deaths: 0, bot: true, team: 1 },
        { name: "Bot Orion", kos: 1, deaths: 2, bot: true, team: 2 },
        { name: "Ada", kos: 0, deaths: 0, bot: false, team: 2 },
        { name: "Grace", kos: 0, deaths: 1, bot: false, team: 1 },
      ],
    },
  });
});
