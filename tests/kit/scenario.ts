// A scenario: a match set up once and played by one function, at either level.
// Written once, it checks a rule fast on plain state and again through the wire.
import type { Match, MatchSetup } from "./match.ts";
import { type TestServer, roomMatch } from "./roomMatch.ts";
import { rulesMatch } from "./rulesMatch.ts";

/** A match's setup and how it is played; what the play returns (a count, say) is the scenario's result. */
export interface Scenario<Result = void> {
  setup: MatchSetup;
  play(match: Match): Promise<Result>;
}

export function scenario<Result = void>(setup: MatchSetup, play: (match: Match) => Promise<Result>): Scenario<Result> {
  return { setup, play };
}

export type Level = "rules" | "room";

/** Plays a scenario at one level: sets its match up, plays it, closes it whatever happened, and gives back its result. */
export type PlayAt = <Result>(scenario: Scenario<Result>) => Promise<Result>;

/** Both levels, for describe.each: the rules level, and the room level on `server` (a useTestServer()). */
export function levels(server: TestServer): Array<[Level, PlayAt]> {
  return [
    ["rules", (scenario) => playOn(Promise.resolve(rulesMatch(scenario.setup)), scenario)],
    ["room", (scenario) => playOn(roomMatch(server, scenario.setup), scenario)],
  ];
}

async function playOn<Result>(starting: Promise<Match>, scenario: Scenario<Result>): Promise<Result> {
  const match = await starting;
  try {
    return await scenario.play(match);
  } finally {
    await match.close();
  }
}
