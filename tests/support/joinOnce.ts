// Run as its own process: joins the arena at the endpoint given as an argument,
// prints what happened as one JSON line, and leaves. Lets a test reach a server
// with settings only a fresh process can have (a trusted test certificate).
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";

const endpoint = process.argv[2]!;
try {
  const player = await ArenaConnection.join(endpoint, "Probe");
  console.log(JSON.stringify({ ok: true, url: player.handshake.url, code: player.code, sessionId: player.sessionId }));
  await player.room.leave();
  process.exit(0);
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}
