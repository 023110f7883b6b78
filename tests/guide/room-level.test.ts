// docs/testing.md, "Messages, bad input, crowds and reconnection": what only a
// real room shows, tested through real players.
import { expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ChatMessage } from "../../shared/chat.ts";
import { chatLines, notices, roomMatch, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

// #region message
it("a player switches team: everyone is told, and a switch that would unbalance the teams is refused", async () => {
  const match = await roomMatch(server, {
    settings: { mode: "tdm" },
    ships: {
      Ada: { at: { x: 300, y: 360 }, team: 1 },
      Grace: { at: { x: 640, y: 200 }, team: 1 },
      Linus: { at: { x: 980, y: 360 }, team: 2 },
    },
  });
  try {
    const heardByLinus = notices(match.players.get("Linus")!);
    match.players.get("Ada")!.switchTeam();
    await match.until(() => match.ship("Ada").state.team === 2, "Ada's switch");
    await waitFor(() => heardByLinus.includes("Ada switched to Blue."), "the room's notice");

    // Grace is now alone on Red: her switch would make it 0 against 3.
    const heardByGrace = notices(match.players.get("Grace")!);
    match.players.get("Grace")!.switchTeam();
    await waitFor(() => heardByGrace.length > 0, "the answer to Grace");
    expect(heardByGrace[0]).toMatch(/uneven/);
    match.expectShips({ Grace: { team: 1 } });
  } finally {
    await match.close();
  }
});
// #endregion

// #region bad-input
it("a malformed message closes its sender with the reason, and the room plays on", async () => {
  const match = await roomMatch(server, { ships: { Ada: { at: { x: 300, y: 360 } }, Mallory: { at: { x: 980, y: 360 } } } });
  try {
    const mallory = match.players.get("Mallory")!;
    const closed = new Promise<number>((resolve) => mallory.room.onLeave((code) => resolve(code)));
    mallory.room.send("chat", { text: 42 } as never);
    expect(await closed).toBe(4002);
    // The positive control: the room goes on for Ada, who can still play.
    match.ship("Ada").moveTo({ x: 400, y: 360 });
    await match.until(() => match.ship("Ada").state.x > 390, "Ada to move");
  } finally {
    await match.close();
  }
});
// #endregion

// #region crowd
it("twelve players join one room at once and each says a line at once: everyone hears all twelve", async () => {
  const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: true, settings: { bots: 0 } });
  const names = Array.from({ length: 11 }, (_, i) => `Guest ${i + 1}`);
  const guests = await Promise.all(names.map((name) => ArenaConnection.join(server.endpoint, name, { kind: "code", code: host.code })));
  const players = [host, ...guests];
  const heard = new Map<ArenaConnection, ChatMessage[]>(players.map((player) => [player, chatLines(player)]));
  for (const player of players) player.say(`hello from ${player.ownShip?.name}`);
  for (const player of players) await waitFor(() => heard.get(player)!.length === players.length, "every line");
  const lines = [...heard.values()].map((said) => said.map((line) => line.text).sort());
  expect(new Set(lines.map((said) => said.join("|"))).size).toBe(1);
  await Promise.all(players.map((player) => player.room.leave()));
});
// #endregion

// #region reconnection
it("a dropped connection keeps the ship, its place and its score until the player is back", async () => {
  const match = await roomMatch(server, { ships: { Ada: { at: { x: 300, y: 360 } }, Grace: { at: { x: 980, y: 360 } } } });
  try {
    const ada = match.ship("Ada");
    ada.state.kos = 3;
    match.drop("Ada");
    await match.until(() => ada.state.away, "the server to hold Ada's seat");
    await match.until(() => !ada.state.away, "Ada to be back");
    match.expectShips({ Ada: { kos: 3, x: 300, y: 360, alive: true } });
  } finally {
    await match.close();
  }
});
// #endregion
