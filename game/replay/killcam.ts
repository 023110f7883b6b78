// What a killcam needs, loaded by the arena with the first one (a chunk of its own).
export { ReplayScene } from "./ReplayScene.ts";
export { SeenPlayer } from "./SeenPlayer.ts";
