// The test kit: everything a test of room logic imports, from this one module.
// docs/testing.md is its guide. Three parts:
// - matches at two levels with the same verbs: rulesMatch (plain state, no server,
//   milliseconds) and roomMatch (a real room and real players over the wire), and
//   scenarios written once that run at both;
// - scripted pilots (Orders: move, follow a path, aim and lead, fire, dash);
// - pinned replays: a recorded match as a regression test, failing with a diff.
export { type Match, type MatchSetup, MatchShip, type NamedEvent, type ShipSetup } from "./match.ts";
export { aimControls, leadPoint, Orders, type Sighting } from "./pilot.ts";
export { expectReplayAsPinned } from "./pinnedReplay.ts";
export { RoomMatch, roomMatch, type TestServer } from "./roomMatch.ts";
export { arrange, drive, recordEvents, shotsLanded } from "./roomState.ts";
export { controls, dt, FIRE_RIGHT, newWorld, place, plainFactory, play, RulesMatch, rulesMatch } from "./rulesMatch.ts";
export { type Level, levels, type PlayAt, type Scenario, scenario } from "./scenario.ts";
export { type DiffReport, type Difference, formatDiff, StateMismatch, worldValues } from "../../scripts/lib/stateDiff.ts";
export { chatLines, notices, playersInNewRoom, runFrames } from "../support/netClients.ts";
export { bootTestServer, DEFAULT_TEST_CONFIG, ticksPass, useTestServer, waitFor } from "../support/testServer.ts";
export { hunter } from "../../scripts/lib/headlessPilot.ts";
