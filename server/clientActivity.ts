// What each client's WebSocket did lately, for telling a client cut off for what it
// did from one whose network went away (misbehaviour.ts): when it was last heard
// from, how many WebSocket pings it sent in a second, and how long it has left the
// transport's heartbeat unanswered. Heard through `ws`'s public ping and pong
// events, and from the room's message gate (framework.ts) for room frames. Kept by
// socket: a client that takes its seat back comes on a new one.

/** A WebSocket, as far as this module listens to it. */
interface Socket {
  on(event: "ping" | "pong", listener: () => void): unknown;
}

/** When each socket was last heard from (any room frame, or a WebSocket ping). */
const lastHeard = new WeakMap<object, number>();
/** WebSocket pings each socket sent in the current second. */
const pings = new WeakMap<object, { second: number; count: number }>();
/** When each socket last answered the transport's heartbeat (a WebSocket pong), or opened. */
const answered = new WeakMap<object, number>();

/** Starts listening to a socket as it opens. */
export function watchSocket(socket: Socket): void {
  answered.set(socket, performance.now());
  socket.on("pong", () => answered.set(socket, performance.now()));
  socket.on("ping", () => {
    const now = performance.now();
    lastHeard.set(socket, now);
    const second = Math.floor(now / 1000);
    const seen = pings.get(socket);
    if (seen?.second === second) seen.count++;
    else pings.set(socket, { second, count: 1 });
  });
}

/** A room frame came in on `socket`. */
export function heardFrom(socket: object): void {
  lastHeard.set(socket, performance.now());
}

/** When `socket` was last heard from (performance.now() time; -Infinity if never). */
export function lastHeardAt(socket: object): number {
  return lastHeard.get(socket) ?? -Infinity;
}

/** WebSocket pings `socket` sent in its last second of pinging. */
export function pingsInLastSecond(socket: object): number {
  return pings.get(socket)?.count ?? 0;
}

/** How long `socket` has left the transport's heartbeat unanswered (ms; 0 if it was never watched). */
export function heartbeatUnansweredMs(socket: object): number {
  const at = answered.get(socket);
  return at === undefined ? 0 : performance.now() - at;
}
