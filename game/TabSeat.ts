// The seat this tab plays: kept per tab, so that a reload (or a tab closed and
// reopened) resumes the same ship, and claimed, so that a copy of the tab never
// does. A browser's "Duplicate tab" copies sessionStorage, reconnection token
// included, and a token cannot tell the tab that plays the seat from its copy:
// the copy used to resume with it and take the first tab's ship over.
//
// So the tab playing a seat holds a Web Lock named after the seat for as long as
// it plays it (the browser lets the lock go when the page goes), and answers
// "mine" on a BroadcastChannel when another tab asks about it. A page that finds
// a stored seat resumes it only once it holds that lock: a reloaded or reopened
// tab gets it as soon as the old page is gone, while a copy hears "mine" from the
// tab that plays the seat and joins as a new player instead. A copy never takes
// a seat whose lock another tab holds; if that tab hangs and does not answer, the
// copy joins as a new player after CLAIM_WAIT_MS.
//
// Web Locks exist only in secure contexts (https, and http on localhost). A page
// loaded over plain http from a LAN address has no locks: there the answer alone
// decides, and a claim that hears none within ANSWER_WAIT_MS takes the seat.

/** A seat in a room: the token that resumes it, and which room and session it is. */
export interface Seat {
  /** The SDK's reconnection token ("roomId:token"); it changes with every reconnection. */
  token: string;
  room: string;
  /** Our session id in the room: it stays the same across reconnections, so it names the seat. */
  session: string;
}

const STORAGE_KEY = "skirmish.seat";
const CHANNEL_NAME = "skirmish.seats";
/** Without Web Locks, how long a claim waits for the tab playing the seat to say so. */
const ANSWER_WAIT_MS = 500;
/** With Web Locks, how long a claim waits for a lock whose holder does not answer before it gives the seat up. */
const CLAIM_WAIT_MS = 5000;

/** What tabs say to each other: "who plays this seat?", and "I do". */
type SeatMessage = { ask: string } | { mine: string };

export class TabSeat {
  private readonly channel = new BroadcastChannel(CHANNEL_NAME);
  /** The seat this page plays, and how to let its lock go. */
  private playing: { name: string; release: () => void } | null = null;

  constructor() {
    this.channel.addEventListener("message", ({ data }: MessageEvent<SeatMessage>) => {
      if ("ask" in data && data.ask === this.playing?.name) this.channel.postMessage({ mine: data.ask } satisfies SeatMessage);
    });
  }

  /**
   * The seat stored in this tab, claimed for this page; null if there is none, or
   * if another open tab plays it (this tab is a copy, and forgets it).
   */
  async claimStored(): Promise<Seat | null> {
    const seat = storedSeat();
    if (!seat) return null;
    const name = lockName(seat);
    const release = await claim(this.channel, name);
    if (!release) {
      sessionStorage.removeItem(STORAGE_KEY);
      return null;
    }
    this.playing = { name, release };
    return seat;
  }

  /** This page plays `seat` now: it is stored for a reload, and claimed (if it is not already). Call again when its token changes. */
  play(seat: Seat): void {
    const name = lockName(seat);
    if (this.playing?.name !== name) {
      this.leave();
      this.playing = { name, release: holdLock(name) };
    }
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(seat));
  }

  /** This page plays no seat any more (back in the lobby): nothing to resume, and the seat's lock goes. */
  leave(): void {
    this.playing?.release();
    this.playing = null;
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

function lockName(seat: Seat): string {
  return `skirmish.seat.${seat.room}.${seat.session}`;
}

function storedSeat(): Seat | null {
  try {
    const seat = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Seat> | null;
    return typeof seat?.token === "string" && typeof seat.room === "string" && typeof seat.session === "string" ? (seat as Seat) : null;
  } catch {
    return null;
  }
}

/**
 * Claims the seat named `name`: resolves with the function that lets it go once
 * this page holds it, or with null when another tab plays it. Whichever comes
 * first decides: the lock (no page holds it any more), or a tab's "mine".
 */
function claim(channel: BroadcastChannel, name: string): Promise<(() => void) | null> {
  return new Promise((resolve) => {
    const abort = new AbortController();
    let settled = false;
    const settle = (release: (() => void) | null) => {
      if (settled) return release?.();
      settled = true;
      clearTimeout(timer);
      channel.removeEventListener("message", onAnswer);
      abort.abort();
      resolve(release);
    };
    const onAnswer = ({ data }: MessageEvent<SeatMessage>) => {
      if ("mine" in data && data.mine === name) settle(null);
    };
    channel.addEventListener("message", onAnswer);
    channel.postMessage({ ask: name } satisfies SeatMessage);
    const locks = navigator.locks as LockManager | undefined;
    // Without locks, silence is the only sign that no tab plays the seat.
    const timer = setTimeout(() => settle(locks ? null : () => {}), locks ? CLAIM_WAIT_MS : ANSWER_WAIT_MS);
    if (locks) acquire(locks, name, abort.signal).then(settle, () => {});
  });
}

/** Takes the lock `name` now or as soon as it is free; resolves with the function that lets it go. Rejects if `signal` aborts first. */
function acquire(locks: LockManager, name: string, signal?: AbortSignal): Promise<() => void> {
  return new Promise((granted, refused) => {
    locks.request(name, { signal }, () => new Promise<void>((release) => granted(release))).catch(refused);
  });
}

/** Holds the lock of a seat this page has just been given (no other page can hold it); returns the function that lets it go. */
function holdLock(name: string): () => void {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) return () => {};
  const held = acquire(locks, name);
  return () => void held.then((release) => release());
}
