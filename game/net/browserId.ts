// A random id this browser keeps (localStorage), sent with every join: a player
// the host removed stays out of that room under any name. Not an account and not
// a secret: a new browser profile is a new id. Outside a browser (headless SDK
// players), each connection is a browser of its own.
const BROWSER_KEY = "skirmish.browser";

export function browserId(): string {
  try {
    const kept = localStorage.getItem(BROWSER_KEY);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(BROWSER_KEY, made);
    return made;
  } catch {
    return crypto.randomUUID();
  }
}
