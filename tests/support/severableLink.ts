// A TCP link between a browser and the game server that a test can sever, as a
// dropped Wi-Fi would: every open connection is cut at once (no close frame, the
// page sees 1006) and new ones are refused until the network comes back.
import { once } from "node:events";
import { createConnection, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface SeverableLink {
  /** The server's address through the link. */
  url: string;
  /** Cuts the network for `ms`, then lets connections through again. */
  cut(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function severableLink(target: string): Promise<SeverableLink> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let down = false;
  const link = createServer((incoming) => {
    if (down) return incoming.destroy();
    const outgoing = createConnection({ host: hostname, port: Number(port) });
    for (const [from, to] of [
      [incoming, outgoing],
      [outgoing, incoming],
    ] as const) {
      open.add(from);
      from.pipe(to);
      from.on("error", () => to.destroy());
      from.on("close", () => {
        open.delete(from);
        to.destroy();
      });
    }
  });
  link.listen(0, "127.0.0.1");
  await once(link, "listening");
  const address = link.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async cut(ms) {
      down = true;
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, ms));
      down = false;
    },
    async close() {
      for (const socket of open) socket.destroy();
      link.close();
      await once(link, "close");
    },
  };
}
