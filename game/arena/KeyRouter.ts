// The arena's keys, routed in one place with one order of precedence:
// 1. while a chat line is typed, or the host's panel is open, every key is the
//    text's (the ship's controls are off, and nothing below sees the key);
// 2. a killcam that is showing takes Esc (Skip), and Esc goes no further;
// 3. the settings panel takes Esc (its own listener, after this one).
// Besides: Enter opens the chat, 1 to 9 say a quick-chat line, M mutes, and any
// key lets the sound start (browsers start audio only after a gesture).
import type Phaser from "phaser";
import { QUICK_CHAT } from "../../shared/chat.ts";

export interface KeyHandlers {
  killcamShowing: () => boolean;
  skipKillcam: () => void;
  openChat: () => void;
  sayQuick: (index: number) => void;
  toggleMute: () => void;
  unlockSound: () => void;
}

export class KeyRouter {
  private readonly keyboard: Phaser.Input.Keyboard.KeyboardPlugin;
  private readonly handlers: KeyHandlers;
  /** A chat line (or the host's panel) has the keys. */
  typing = false;

  constructor(scene: Phaser.Scene, handlers: KeyHandlers) {
    this.keyboard = scene.input.keyboard!;
    this.handlers = handlers;
    // In the capture phase, ahead of the settings panel and of the page's own listeners.
    addEventListener("keydown", this.route, { capture: true });
    scene.input.on("pointerdown", () => handlers.unlockSound());
    scene.events.once("shutdown", () => removeEventListener("keydown", this.route, { capture: true }));
  }

  /** A chat line is being typed (or no longer): the keys are the message's, and the ship's controls are off. */
  setTyping(active: boolean): void {
    this.typing = active;
    this.keyboard.enabled = !active;
    if (active) {
      this.keyboard.disableGlobalCapture();
      this.keyboard.resetKeys();
    } else this.keyboard.enableGlobalCapture();
  }

  private readonly route = (event: KeyboardEvent): void => {
    this.handlers.unlockSound();
    if (this.typing) return;
    if (event.key === "Escape") {
      if (!this.handlers.killcamShowing()) return;
      event.stopImmediatePropagation();
      this.handlers.skipKillcam();
      return;
    }
    if (event.key === "Enter") {
      this.handlers.openChat();
      return;
    }
    const quick = Number(event.key);
    if (Number.isInteger(quick) && quick >= 1 && quick <= QUICK_CHAT.length) this.handlers.sayQuick(quick - 1);
    else if (event.key === "m" || event.key === "M") this.handlers.toggleMute();
  };
}
