// Where recorded rounds are kept: in the server's presence (its memory, or the
// Redis every process shares), newest first, within a fixed number of bytes;
// and, when REPLAY_DIR is set, on disk as well, for good.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Presence } from "@colyseus/core";

/** What the replay API lists of a replay. */
export interface ReplaySummary {
  id: string;
  room: string;
  round: number;
  /** The players' names (bots are not listed). */
  players: string[];
  seconds: number;
  complete: boolean;
  /** Wall-clock ms. */
  recordedAt: number;
  /** Size of the file (compressed). */
  bytes: number;
  private: boolean;
}

export interface ReplayStoreOptions {
  /** Bytes kept in the presence at most (files in base64 and their summaries); the oldest go first. */
  maxBytes: number;
  /** Also written here, when set. */
  dir?: string;
}

/** The rounds listed per room (older ones may still be downloaded by id while they are kept). */
const LISTED_PER_ROOM = 20;
const ID_PATTERN = /^[a-z0-9]{12}$/;

const FILES = "replays:file:";
const SUMMARIES = "replays:summaries";
const ORDER = "replays:order";
const LEDGER = "replays:ledger";
const ROOM = "replays:room:";

export class ReplayStore {
  private readonly presence: Presence;
  private readonly options: ReplayStoreOptions;

  constructor(presence: Presence, options: ReplayStoreOptions) {
    this.presence = presence;
    this.options = options;
  }

  /** Keeps a replay file; evicts the oldest kept while the total is over the bound. */
  async save(details: Omit<ReplaySummary, "id" | "bytes">, file: Uint8Array): Promise<ReplaySummary> {
    const summary: ReplaySummary = { ...details, id: newId(), bytes: file.length };
    if (this.options.dir) await this.writeToDisk(summary, file);
    if (keptBytes(summary) > this.options.maxBytes) return summary;
    await this.presence.set(FILES + summary.id, Buffer.from(file).toString("base64"));
    await this.presence.hset(SUMMARIES, summary.id, JSON.stringify(summary));
    await this.presence.hset(ROOM + summary.room, summary.id, String(summary.recordedAt));
    const listed = Object.entries(await this.presence.hgetall(ROOM + summary.room)).sort(([, a], [, b]) => Number(a) - Number(b));
    for (const [id] of listed.slice(0, Math.max(0, listed.length - LISTED_PER_ROOM))) await this.presence.hdel(ROOM + summary.room, id);
    await this.presence.rpush(ORDER, summary.id);
    let total = await this.presence.hincrby(LEDGER, "bytes", keptBytes(summary));
    while (total > this.options.maxBytes) {
      const oldest = await this.presence.lpop(ORDER);
      if (!oldest) break;
      const evicted = await this.summary(oldest);
      this.presence.del(FILES + oldest);
      await this.presence.hdel(SUMMARIES, oldest);
      if (evicted) await this.presence.hdel(ROOM + evicted.room, oldest);
      total = await this.presence.hincrby(LEDGER, "bytes", evicted ? -keptBytes(evicted) : 0);
    }
    return summary;
  }

  /** A room's replays still kept, newest first. */
  async forRoom(room: string): Promise<ReplaySummary[]> {
    const ids = Object.keys(await this.presence.hgetall(ROOM + room));
    const summaries = await Promise.all(ids.map((id) => this.summary(id)));
    return summaries.filter((summary): summary is ReplaySummary => summary !== null).sort((a, b) => b.recordedAt - a.recordedAt);
  }

  /** The newest public replays on this server. */
  async recentPublic(limit: number): Promise<ReplaySummary[]> {
    const all = Object.values(await this.presence.hgetall(SUMMARIES)).map((json) => JSON.parse(json) as ReplaySummary);
    return all
      .filter((summary) => !summary.private)
      .sort((a, b) => b.recordedAt - a.recordedAt)
      .slice(0, limit);
  }

  async summary(id: string): Promise<ReplaySummary | null> {
    if (!ID_PATTERN.test(id)) return null;
    const json = await this.presence.hget(SUMMARIES, id);
    if (json) return JSON.parse(json) as ReplaySummary;
    return this.options.dir
      ? readFile(join(this.options.dir, `${id}.json`), "utf8").then(
          (text) => JSON.parse(text) as ReplaySummary,
          () => null,
        )
      : null;
  }

  /** The file of a replay, from the presence or the replay directory. */
  async file(id: string): Promise<Buffer | null> {
    if (!ID_PATTERN.test(id)) return null;
    const base64 = (await this.presence.get(FILES + id)) as string | null | undefined;
    if (base64) return Buffer.from(base64, "base64");
    return this.options.dir ? readFile(join(this.options.dir, `${id}.replay`)).catch(() => null) : null;
  }

  private async writeToDisk(summary: ReplaySummary, file: Uint8Array): Promise<void> {
    const dir = this.options.dir!;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${summary.id}.replay`), file);
    await writeFile(join(dir, `${summary.id}.json`), JSON.stringify(summary));
  }
}

/** What a replay takes in the presence: its file in base64, and its summary. The bound counts this. */
function keptBytes(summary: ReplaySummary): number {
  return Math.ceil(summary.bytes / 3) * 4 + JSON.stringify(summary).length;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Twelve random letters and digits: not guessable, so a private room's replay is found only through its code. */
function newId(): string {
  return Array.from(randomBytes(12), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
}
