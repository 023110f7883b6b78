// Run as its own process: joins the arena at the endpoint given as an argument,
// prints what happened as one JSON line, and leaves. Lets a test reach a server
// with settings only a fresh process can have (a trusted test certificate).
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";

const endpoint = process.argv[2]!;
try {
  const player = await ArenaConnection.join(endpoint, "Probe");
  // The server tells us how it saw our handshake just after the first state.
  for (let i = 0; i < 100 && !player.handshake.seen; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const seen = player.handshake.seen;
  console.log(
    JSON.stringify({
      ok: true,
      url: player.handshake.url,
      code: player.code,
      sessionId: player.sessionId,
      secure: seen?.secure,
      requestLine: seen?.request[0],
    }),
  );
  await player.room.leave();
  process.exit(0);
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}
