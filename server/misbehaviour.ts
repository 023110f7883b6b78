// Telling a client the transport cut off for what it did from one whose network
// went away: both end as 1006 with no error, so what the socket did last decides.
// - A ping flood: `ws` closes a socket that leaves too many pongs pending, and
//   this client sent more pings in its last second than anyone needs (browsers
//   send none).
// - A heartbeat ignored while talking: the transport closes a client that missed
//   its heartbeats, but this one was still sending after the first ping it left
//   unanswered, so its network was working.
// A client whose network really dropped went quiet before the first missed ping.
import type { Client } from "@colyseus/core";
import { logCutOff } from "./cutOffs.ts";
import { heartbeatUnansweredMs, lastHeardAt, pingsInLastSecond } from "./clientActivity.ts";

/** The WebSocket transport's heartbeat (its defaults, which the server keeps): a ping every 3 s, cut off after 2 unanswered. */
const HEARTBEAT_INTERVAL_MS = 3000;
const HEARTBEAT_RETRIES = 2;
/** More WebSocket pings than this in a second is a flood. */
const PING_FLOOD_PER_SECOND = 20;

/** Whether the transport cut `client` off (with `code`) for something it did; one that did is logged as such. */
export function cutOffForMisbehaviour(client: Client, code: number): boolean {
  const pingFlood = pingsInLastSecond(client.ref) > PING_FLOOD_PER_SECOND;
  // The transport cuts a socket off at the heartbeat after HEARTBEAT_RETRIES went unanswered: at least
  // that many intervals after its last answer. A socket that answers is at most one interval behind.
  const heartbeatMissed = heartbeatUnansweredMs(client.ref) >= HEARTBEAT_INTERVAL_MS * (HEARTBEAT_RETRIES - 0.5);
  const heardSince = performance.now() - lastHeardAt(client.ref) < HEARTBEAT_INTERVAL_MS * (HEARTBEAT_RETRIES - 1);
  const why = pingFlood ? "A flood of WebSocket pings." : heartbeatMissed && heardSince ? "Ignored the heartbeat while it kept sending." : null;
  if (why) logCutOff(client.ref, code, why);
  return why !== null;
}
