// Saves bytes the game was given (a reported replay) as a file, the browser's way:
// a link to them, clicked, with the name to save them under.
export function saveFile(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The download has taken the bytes by the time the link's URL is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
