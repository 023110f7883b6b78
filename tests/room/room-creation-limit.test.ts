// Per-address limits at the HTTP gate: one address cannot flood the server with
// new rooms or probe room codes through the scoreboard API, the address is the
// socket's peer (a forwarded header counts only from a trusted proxy), and every
// address has a count of its own. Its own file, so the counts start from zero.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { ROOM_CREATES_PER_MINUTE, SCOREBOARD_LOOKUPS_PER_MINUTE } from "../../shared/constants.ts";
import { requestSeat } from "../support/rawClient.ts";
import { useTestServer } from "../kit/index.ts";

const TOO_MANY_ROOMS = `429: Too many new rooms from your address: at most ${ROOM_CREATES_PER_MINUTE} a minute.`;
let forged = 0;
/** A different made-up client address on every call. */
const forgedHeaders = () => {
  const address = `198.51.100.${++forged}`;
  return { "X-Forwarded-For": address, "X-Real-IP": address, "X-Client-IP": address };
};

describe("room creation", () => {
  const server = useTestServer();

  it(`allows ${ROOM_CREATES_PER_MINUTE} new rooms a minute from one address, then refuses with a clear message`, async () => {
    const hosts: ArenaConnection[] = [];
    for (let i = 0; i < ROOM_CREATES_PER_MINUTE; i++) {
      hosts.push(await ArenaConnection.join(server.endpoint, `Host ${i}`, { kind: "create", private: true }));
    }
    await expect(ArenaConnection.join(server.endpoint, "One too many", { kind: "create", private: true })).rejects.toThrow(
      `Too many new rooms from your address: at most ${ROOM_CREATES_PER_MINUTE} a minute.`,
    );
    // Joining is not creating: the same address still joins the rooms there are.
    const guest = await ArenaConnection.join(server.endpoint, "Guest", { kind: "code", code: hosts[0]!.code });
    expect(guest.code).toBe(hosts[0]!.code);
    // Forged forwarding headers do not make the address a new one.
    await expect(requestSeat(server.endpoint, "create", "arena", {}, forgedHeaders())).rejects.toThrow(TOO_MANY_ROOMS);
    await Promise.all([...hosts, guest].map((player) => player.room.leave()));
  });
});

describe("room creation behind a trusted proxy (TRUST_PROXY=127.0.0.1)", () => {
  const server = useTestServer({ trustProxy: ["127.0.0.1"] });

  it("counts each forwarded client address on its own", async () => {
    const alice = { "X-Forwarded-For": "203.0.113.1" };
    const bob = { "X-Forwarded-For": "203.0.113.2" };
    for (let i = 0; i < ROOM_CREATES_PER_MINUTE; i++) await requestSeat(server.endpoint, "create", "arena", {}, alice);
    await expect(requestSeat(server.endpoint, "create", "arena", {}, alice)).rejects.toThrow(TOO_MANY_ROOMS);
    // One client's rooms do not use up another's.
    await expect(requestSeat(server.endpoint, "create", "arena", {}, bob)).resolves.toMatchObject({ name: "arena" });
    // A client cannot pose as someone else by writing the header itself: the proxy appends what it saw.
    await expect(requestSeat(server.endpoint, "create", "arena", {}, { "X-Forwarded-For": "203.0.113.2, 203.0.113.1" })).rejects.toThrow(TOO_MANY_ROOMS);
  });
});

describe("the scoreboard API", () => {
  const server = useTestServer();

  it(`answers ${SCOREBOARD_LOOKUPS_PER_MINUTE} lookups a minute from one address, then refuses, so room codes cannot be probed`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SCOREBOARD_LOOKUPS_PER_MINUTE; i++) {
      statuses.push((await fetch(`${server.endpoint}/api/rooms/AAAA${i % 10}/scoreboard`, { headers: forgedHeaders() })).status);
    }
    // Positive control: every lookup within the limit was answered (no such room).
    expect(new Set(statuses)).toEqual(new Set([404]));
    const refused = await fetch(`${server.endpoint}/api/rooms/ABCDE/scoreboard`, { headers: forgedHeaders() });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: `Too many scoreboard lookups from your address: at most ${SCOREBOARD_LOOKUPS_PER_MINUTE} a minute.` });
  });
});
