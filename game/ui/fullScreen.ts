/** Full screen, and landscape where the browser lets a page lock it (phones). */
export async function fullScreen(): Promise<void> {
  try {
    await document.documentElement.requestFullscreen({ navigationUI: "hide" });
    await (screen.orientation as ScreenOrientation & { lock?(orientation: string): Promise<void> }).lock?.("landscape");
  } catch {
    // Not every browser allows either; the game plays as it is.
  }
}
