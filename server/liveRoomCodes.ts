// The codes of live rooms, kept in presence so that every process sharing it
// (through Redis) hands out codes no other room uses. A room's code is its id:
// joining by code is joining by id.
import { randomInt } from "node:crypto";
import type { Presence } from "@colyseus/core";
import { makeRoomCode } from "../shared/roomCodes.ts";

const CODES_KEY = "skirmish:room-codes";

/** A fresh code no live room uses, now taken. */
export async function claimRoomCode(presence: Presence): Promise<string> {
  for (;;) {
    const code = makeRoomCode(randomInt);
    if (!(await presence.sismember(CODES_KEY, code))) {
      await presence.sadd(CODES_KEY, code);
      return code;
    }
  }
}

export async function releaseRoomCode(presence: Presence, code: string): Promise<void> {
  await presence.srem(CODES_KEY, code);
}
