// A player for load runs that does not decode patches: it joins through the real
// matchmaker and WebSocket with the real SDK, sends real inputs once per fixed step
// (moving, aiming, firing), and counts what arrives at the socket, patch frames and
// bytes, without spending a decoder's time on them. One 2-core machine can drive a
// thousand of them beside the server (`npm run loadtest -- --no-decode`).
import type { InputHandle } from "@colyseus/sdk";
import { browserId } from "../../game/net/browserId.ts";
import { type ArenaJoinOptions, type ArenaRoom, gameClient } from "../../game/net/gameClient.ts";
import { NetworkMeter } from "../../game/net/NetworkMeter.ts";
import { AIM_AXIS_MAX, MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { ArenaState, ShipInput } from "../../shared/schema.ts";

export class LightPlayer {
  readonly room: ArenaRoom;
  readonly meter = new NetworkMeter();
  private readonly input: InputHandle<ShipInput>;
  private readonly index: number;
  private steps = 0;

  private constructor(room: ArenaRoom, index: number) {
    this.room = room;
    this.index = index;
    // The state as it was at the join stays as it is: patches are counted at the socket, then dropped.
    (room.serializer as unknown as { patch: () => void }).patch = () => {};
    // Messages are counted at the socket too, and taken without a word (the SDK warns of any it has no handler for).
    room.onMessage("*", () => {});
    this.meter.attach(room.connection);
    this.input = room.input({ type: ShipInput, mode: "reliable" });
  }

  static async join(endpoint: string, name: string, index: number): Promise<LightPlayer> {
    const room = await gameClient(endpoint).joinOrCreate("arena", { name, browser: browserId() } satisfies ArenaJoinOptions, ArenaState);
    return new LightPlayer(room, index);
  }

  /** One fixed step's input: it wanders (a new heading every second or so), turns its aim slowly all the way round, and fires. */
  step(): void {
    const step = this.steps++;
    const heading = Math.floor(step / 35 + this.index);
    const angle = step / 20 + this.index;
    Object.assign(this.input.data, {
      moveX: (((heading * 37) % 3) - 1) * MOVE_AXIS_MAX,
      moveY: (((heading * 53) % 3) - 1) * MOVE_AXIS_MAX,
      aimX: Math.round(Math.cos(angle) * AIM_AXIS_MAX),
      aimY: Math.round(Math.sin(angle) * AIM_AXIS_MAX),
      fire: step % 4 !== 0,
      dash: step % 90 === 0,
    });
    this.input.send();
  }
}
