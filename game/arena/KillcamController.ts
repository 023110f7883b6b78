// The killcam in the arena: the seconds before our knock-out, played back from
// what our own client was shown (nothing more comes over the wire for it), from
// the killer's side in a window over the arena, sped up to end before we respawn.
// It never holds a player back: it closes as their ship returns, when the round
// ends, when a newer one comes, on Skip (or Esc), and when the arena is left.
import type Phaser from "phaser";
import { KILLCAM_SECONDS } from "../../shared/constants.ts";
import { secondsUntilTick } from "../../shared/scores.ts";
import type { ArenaConnection } from "../net/ArenaConnection.ts";
import type { SeenPlayer } from "../replay/SeenPlayer.ts";
import type { ReplaySceneData } from "../replay/ReplayScene.ts";
import { KILLCAM_VIEWPORT, KillcamCard } from "./KillcamCard.ts";
import type { KillcamEnd, KillcamProbe } from "./probe.ts";

/**
 * The killcam's code (its scene and player) is not part of the game's first
 * download. It is fetched this long after the arena starts, or with the first
 * killcam if that comes sooner: fetched only at the knock-out, on a slow device
 * it could arrive after the ship is back.
 */
const KILLCAM_CODE_AFTER_MS = 3000;
let killcamModule: Promise<typeof import("../replay/killcam.ts")> | null = null;
function killcamCode(): Promise<typeof import("../replay/killcam.ts")> {
  // A fetch that failed is tried again with the next killcam.
  killcamModule ??= import("../replay/killcam.ts").catch((error: unknown) => {
    killcamModule = null;
    throw error;
  });
  return killcamModule;
}

export class KillcamController {
  private readonly scene: Phaser.Scene;
  private readonly connection: ArenaConnection;
  private readonly card: KillcamCard;
  /** The latest killcam: who is followed, how far it has played, and why it closed (null while it shows). */
  private latest: { killer: string; player: SeenPlayer; until: number; closedBy: KillcamEnd | null } | null = null;
  /** We were knocked out by this ship: the killcam opens once our client shows our ship down. */
  private knockedOutBy: string | null = null;
  private shown = 0;
  /** The arena was left: a killcam whose code is still being fetched is not shown. */
  private ended = false;

  constructor(scene: Phaser.Scene, connection: ArenaConnection) {
    this.scene = scene;
    this.connection = connection;
    this.card = new KillcamCard(scene, () => this.close("skip"));
    // Fetched once the arena is up, so the first killcam is ready in time on a slow device.
    scene.time.delayedCall(KILLCAM_CODE_AFTER_MS, () => void killcamCode().catch(() => {}));
    connection.onKo(({ killer, victim }) => {
      if (victim === connection.sessionId) this.knockedOutBy = killer;
    });
    scene.events.once("shutdown", () => {
      this.ended = true;
      this.close("left");
    });
  }

  get showing(): boolean {
    return this.latest !== null && this.latest.closedBy === null;
  }

  /**
   * Each frame: a knock-out of ours opens the killcam once a patch shows our ship
   * down (the knock-out's message can come first); the killcam closes as our ship
   * returns, or as the round ends.
   */
  update(tick: number, phase: string): void {
    const own = this.connection.ownShip;
    if (this.knockedOutBy !== null && own && !own.alive && own.respawnTick > tick && phase === "playing") {
      void this.open(this.knockedOutBy, own.respawnTick);
      this.knockedOutBy = null;
    }
    if (this.latest && tick >= this.latest.until) this.close("respawn");
    if (phase !== "playing") {
      this.knockedOutBy = null;
      this.close("round-over");
    }
  }

  close(why: KillcamEnd): void {
    if (!this.latest || this.latest.closedBy !== null) return;
    this.latest.closedBy = why;
    this.card.hide();
    this.scene.scene.stop("killcam");
  }

  /** What the test probe reads. */
  probe(): KillcamProbe {
    return {
      showing: this.showing,
      killer: this.latest?.killer ?? null,
      played: this.latest?.player.position ?? 0,
      length: this.latest?.player.length ?? 0,
      closedBy: this.latest?.closedBy ?? null,
      shown: this.shown,
    };
  }

  /** Plays the seconds before our knock-out, up to it, as our client was shown them. */
  private async open(killer: string, respawnTick: number): Promise<void> {
    const frames = this.connection.seen.lastSeconds(KILLCAM_SECONDS);
    if (frames.length < 2) return;
    let player: SeenPlayer;
    try {
      const { ReplayScene, SeenPlayer } = await killcamCode();
      if (!this.scene.game.scene.keys.killcam) this.scene.game.scene.add("killcam", ReplayScene, false);
      player = new SeenPlayer(frames, this.connection.state.tickRate);
    } catch {
      return; // A killcam whose code cannot be fetched is simply not shown.
    }
    const connection = this.connection;
    const tick = connection.serverTick(performance.now());
    if (this.ended || tick >= respawnTick) return;
    this.close("next");
    const respawnIn = secondsUntilTick(respawnTick, tick, connection.state.tickRate);
    const clipSeconds = player.length / player.tickRate;
    const speed = Math.max(1, clipSeconds / Math.max(0.5, respawnIn - 0.4));
    this.latest = { killer, player, until: respawnTick, closedBy: null };
    this.shown++;
    this.card.show(player.state.ships.get(killer)?.name ?? "Your killer", speed);
    const data: ReplaySceneData = {
      player,
      follow: () => killer,
      onFrame: (ms) => player.advance((ms / 1000) * player.tickRate * speed),
      viewport: KILLCAM_VIEWPORT,
      zoom: 1.25,
      keepInView: connection.sessionId,
    };
    this.scene.scene.launch("killcam", data);
  }
}
