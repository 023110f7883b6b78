// What a killcam needs, loaded by the arena with the first one (a chunk of its own).
export { ReplayPlayer } from "./ReplayPlayer.ts";
export { ReplayScene } from "./ReplayScene.ts";
export { unpackReplay } from "./unpackReplay.ts";
