import Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../shared/constants.ts";
import { cleanName } from "../shared/names.ts";
import { ArenaScene, type ArenaSceneData } from "./ArenaScene.ts";
import { FLOOR_COLOR } from "./palette.ts";

const params = new URLSearchParams(location.search);

/** `?renderer=canvas` runs extra test players cheaply; WebGL is the default where available. */
function rendererType(): number {
  switch (params.get("renderer")) {
    case "canvas":
      return Phaser.CANVAS;
    case "webgl":
      return Phaser.WEBGL;
    default:
      return Phaser.AUTO;
  }
}

/** `?lag=250&jitter=20` starts the latency simulator, for trying the game over a slow link. */
function millisecondsParam(name: string): number {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? Math.min(value, 500) : 0;
}

const sceneData: ArenaSceneData = {
  name: cleanName(params.get("name")),
  simulatedRttMs: millisecondsParam("lag"),
  simulatedJitterMs: millisecondsParam("jitter"),
};

const game = new Phaser.Game({
  type: rendererType(),
  parent: "game",
  backgroundColor: FLOOR_COLOR,
  width: ARENA_WIDTH,
  height: ARENA_HEIGHT,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  disableContextMenu: true,
  banner: false,
  // Sound effects are synthesised by game/sound.ts; Phaser's audio system would open a second AudioContext.
  audio: { noAudio: true },
});
game.scene.add("arena", ArenaScene, true, sceneData);
