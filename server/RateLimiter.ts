/** At most `limit` events per key within a sliding `windowMs`. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Records an event for `key` if it is within the limit; returns whether it was. */
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.events.get(key) ?? []).filter((at) => now - at < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    if (recent.length > 0) this.events.set(key, recent);
    else this.events.delete(key);
    return allowed;
  }
}
