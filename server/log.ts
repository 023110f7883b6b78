// The server's log, written for hosts: one line per event, readable text by
// default, or JSON lines (one object per line: level, time, msg and the event's
// fields) with LOG_FORMAT=json, as log collectors expect. pino writes both; in
// text mode pino-pretty turns its lines into "[12:19:27] WARN: ..." (a real
// error keeps its stack on the lines below). Colyseus' own lines come through it
// as well (framework.ts gives it to the framework as its logger).
import type { Writable } from "node:stream";
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * A logger in `format`, writing to `destination` (standard output by default).
 * Writes are synchronous: log lines are rare, and none is lost when the process
 * stops right after one.
 */
export function createLog(format: LogFormat, destination?: Writable): Logger {
  const options = {
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (format === "json") return pino(options, (destination as DestinationStream | undefined) ?? pino.destination({ dest: 1, sync: true }));
  return pino(
    options,
    pretty({
      sync: true,
      destination,
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname",
      // The message says it all; the fields are for JSON. An error's stack follows its line.
      hideObject: true,
      messageFormat: (line, messageKey) => {
        const stack = (line.err as { stack?: string } | undefined)?.stack;
        return stack ? `${line[messageKey]}\n${stack}` : String(line[messageKey]);
      },
    }),
  );
}

/** The process's log; its format is read from LOG_FORMAT once (config.ts refuses values other than text and json). */
export const log: Logger = createLog(process.env.LOG_FORMAT?.trim().toLowerCase() === "json" ? "json" : "text");

/**
 * Text from a client (a close reason that quotes a message type, say), made safe
 * for one log line: control and invisible formatting characters (line breaks,
 * bidirectional overrides) become "?", so nobody can forge or hide a line.
 */
export function printable(text: string): string {
  return text.toWellFormed().replace(/[\p{Cc}\p{Cf}]/gu, "?");
}

/**
 * Lets at most `perWindow` lines of one kind through per window; past that it
 * counts them, and once the window is over says how many in one line. Events
 * that anyone outside can cause (a client cut off) go through one of these, so
 * an attacker cannot fill the disk or bury real errors.
 */
export class ThrottledLog {
  private written = 0;
  private suppressed = 0;
  private windowEnds = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly summary: (suppressed: number, seconds: number) => void;

  constructor(options: { perWindow: number; windowMs: number; summary: (suppressed: number, seconds: number) => void }) {
    this.perWindow = options.perWindow;
    this.windowMs = options.windowMs;
    this.summary = options.summary;
  }

  /** Calls `write` if this window has room for another line; counts it otherwise. */
  write(write: () => void, now = Date.now()): void {
    if (now >= this.windowEnds) {
      this.flush();
      this.windowEnds = now + this.windowMs;
      this.written = 0;
    }
    if (this.written < this.perWindow) {
      this.written++;
      write();
      return;
    }
    this.suppressed++;
    // The count is said when the window ends, even if nothing else happens by then.
    this.timer ??= setTimeout(() => this.flush(), this.windowEnds - now);
    this.timer.unref?.();
  }

  /** Says how many lines were held back, if any. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.suppressed === 0) return;
    this.summary(this.suppressed, Math.round(this.windowMs / 1000));
    this.suppressed = 0;
  }
}
