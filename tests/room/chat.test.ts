// Room chat through the real room: everyone hears what is said, cleaned by the
// server; hostile messages are cleaned or refused with a notice to the sender
// alone, and nobody is kicked or disturbed by it.
import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { CHAT_BURST, CHAT_MAX_LENGTH, type ChatMessage, QUICK_CHAT } from "../../shared/chat.ts";
import { useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

async function twoPlayers() {
  const room = await server.colyseus.createRoom<ArenaRoom>("arena");
  const ada = await server.colyseus.connectTo(room, { name: "Ada" });
  const bob = await server.colyseus.connectTo(room, { name: "Bob" });
  const heard = { ada: [] as ChatMessage[], bob: [] as ChatMessage[] };
  const notices = { ada: [] as string[], bob: [] as string[] };
  ada.onMessage("chat", (message: ChatMessage) => heard.ada.push(message));
  bob.onMessage("chat", (message: ChatMessage) => heard.bob.push(message));
  ada.onMessage("chat-notice", ({ text }: { text: string }) => notices.ada.push(text));
  bob.onMessage("chat-notice", ({ text }: { text: string }) => notices.bob.push(text));
  return { room, ada, bob, heard, notices };
}

describe("room chat", () => {
  it("reaches everyone in the room with the sender's id and name, and quick chat by its number", async () => {
    const { ada, bob, heard } = await twoPlayers();
    ada.send("chat", { text: "  hello   there " });
    bob.send("chat", { quick: 1 });
    await waitFor(() => heard.ada.length === 2 && heard.bob.length === 2, "both lines to reach both players");
    expect(heard.bob[0]).toMatchObject({ from: ada.sessionId, name: "Ada", text: "hello there", quick: false });
    expect(heard.ada[1]).toMatchObject({ from: bob.sessionId, name: "Bob", text: QUICK_CHAT[1], quick: true });
  });

  it("strips control and bidi-override characters, keeps markup as plain text, and cuts long messages with a notice", async () => {
    const { ada, heard, notices } = await twoPlayers();
    ada.send("chat", { text: "a\u0007b\u202ec\u2066d <img src=x onerror=alert(1)>" });
    ada.send("chat", { text: "x".repeat(10_000) });
    await waitFor(() => heard.ada.length === 2, "both lines");
    expect(heard.ada[0]!.text).toBe("abcd <img src=x onerror=alert(1)>");
    expect(heard.ada[1]!.text).toBe("x".repeat(CHAT_MAX_LENGTH));
    await waitFor(() => notices.ada.length === 1, "the notice");
    expect(notices.ada).toEqual([`Your message was cut to ${CHAT_MAX_LENGTH} characters.`]);
  });

  it(`lets a flood through ${CHAT_BURST} at a time, tells the sender to slow down, and kicks nobody`, async () => {
    const { room, ada, bob, heard, notices } = await twoPlayers();
    for (let i = 0; i < 20; i++) ada.send("chat", { text: `spam ${i}` });
    await waitFor(() => notices.ada.length === 20 - CHAT_BURST, "a notice for every refused line");
    expect(notices.ada[0]).toMatch(/^Slow down: at most \d+ messages every \d+ s\.$/);
    await waitFor(() => heard.bob.length === CHAT_BURST, "the first lines");
    await room.waitForNextPatch();
    expect(heard.bob.map((message) => message.text)).toEqual(Array.from({ length: CHAT_BURST }, (_, i) => `spam ${i}`));
    // Nobody was kicked, and the other player heard nothing of the notices.
    expect([...room.clients].map((client) => client.sessionId).sort()).toEqual([ada.sessionId, bob.sessionId].sort());
    expect(notices.bob).toEqual([]);
    bob.send("chat", { text: "still here" });
    await waitFor(() => heard.ada.some((message) => message.text === "still here"), "Bob's line after the flood");
  });

  it("carries a burst from a crowd at once: eight players, three lines each, every line to every player, in each sender's order", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const crowd = await Promise.all(Array.from({ length: 8 }, (_, i) => server.colyseus.connectTo(room, { name: `P${i}` })));
    const heard = crowd.map(() => [] as ChatMessage[]);
    for (const [i, client] of crowd.entries()) client.onMessage("chat", (message: ChatMessage) => heard[i]!.push(message));
    for (let line = 0; line < 3; line++) for (const [i, client] of crowd.entries()) client.send("chat", { text: `P${i} line ${line}` });
    await waitFor(() => heard.every((lines) => lines.length === 24), "every line at every player");
    for (const lines of heard) {
      for (let i = 0; i < 8; i++)
        expect(lines.filter((message) => message.name === `P${i}`).map((message) => message.text)).toEqual([0, 1, 2].map((line) => `P${i} line ${line}`));
    }
  });

  it("refuses an empty message with a notice, and a quick-chat number out of range as bad input", async () => {
    const { room, ada, bob, notices } = await twoPlayers();
    ada.send("chat", { text: " \u0007\u202e " });
    await waitFor(() => notices.ada.length === 1, "the notice");
    expect(notices.ada).toEqual(["Nothing to say: the message was empty."]);
    let closed = 0;
    bob.onLeave((code) => (closed = code));
    bob.send("chat", { quick: QUICK_CHAT.length });
    await waitFor(() => closed !== 0, "the bad input to be refused");
    expect([...room.clients].map((client) => client.sessionId)).toEqual([ada.sessionId]);
  });
});
