// Messages between server and client besides state patches and inputs.

/** Server to all clients when a ship is knocked out, for the kill feed. */
export interface KoMessage {
  killer: string;
  victim: string;
  killerName: string;
  victimName: string;
}

/** Client to server: the client's measured round trip, shown on the scoreboard. */
export interface PingReport {
  ms: number;
}
