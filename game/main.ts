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

const sceneData: ArenaSceneData = { name: cleanName(params.get("name")) };

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
