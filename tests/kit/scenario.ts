// A scenario: a match set up once and played by one function, at either level.
// Written once, it checks a rule fast on plain state and again through the wire.
import type { Match, MatchSetup } from "./match.ts";
import { type TestServer, roomMatch } from "./roomMatch.ts";
import { rulesMatch } from "./rulesMatch.ts";

export interface Scenario {
  setup: MatchSetup;
  play(match: Match): Promise<void>;
}

export function scenario(setup: MatchSetup, play: (match: Match) => Promise<void>): Scenario {
  return { setup, play };
}

export type Level = "rules" | "room";

/** Plays a scenario at one level: sets its match up, plays it, and closes it whatever happened. */
export type PlayAt = (scenario: Scenario) => Promise<void>;

/** Both levels, for describe.each: the rules level, and the room level on `server` (a useTestServer()). */
export function levels(server: TestServer): Array<[Level, PlayAt]> {
  return [
    ["rules", (scenario) => playOn(Promise.resolve(rulesMatch(scenario.setup)), scenario)],
    ["room", (scenario) => playOn(roomMatch(server, scenario.setup), scenario)],
  ];
}

async function playOn(starting: Promise<Match>, scenario: Scenario): Promise<void> {
  const match = await starting;
  try {
    await scenario.play(match);
  } finally {
    await match.close();
  }
}
