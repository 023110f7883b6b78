// One address cannot flood the server with new rooms; its own file, so the limit's
// count starts from zero.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/connection.ts";
import { RateLimiter } from "../../server/RateLimiter.ts";
import { ROOM_CREATES_PER_MINUTE } from "../../shared/constants.ts";
import { useTestServer } from "../support/testServer.ts";

const server = useTestServer();

describe("room creation", () => {
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
    await Promise.all([...hosts, guest].map((player) => player.room.leave()));
  });
});

describe("RateLimiter", () => {
  it("counts per key over a sliding window", () => {
    const limiter = new RateLimiter(2, 1000);
    expect([limiter.allow("a", 0), limiter.allow("a", 10), limiter.allow("a", 20)]).toEqual([true, true, false]);
    expect(limiter.allow("b", 20)).toBe(true);
    expect(limiter.allow("a", 1005)).toBe(true);
    expect(limiter.allow("a", 1011)).toBe(true);
    expect(limiter.allow("a", 1012)).toBe(false);
  });
});
