// Colyseus' Redis presence, telling the state of its connection as ioredis reports
// it ("ready", "connecting", "reconnecting", "end", ...) for /health. Its
// publishing connection is the one every room uses; a subclass may read it.
import { RedisPresence } from "@colyseus/redis-presence";

export class StatusRedisPresence extends RedisPresence {
  get status(): string {
    return this.pub.status;
  }
}
