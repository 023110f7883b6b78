import { CloseCode } from "@colyseus/sdk";
import { REMOVED_BY_HOST } from "../../shared/messages.ts";

/** Why we are back in the lobby, in the player's words (nothing when they chose to leave). */
export function leaveMessage(roomCode: string, code: number, reason: string): string {
  switch (code) {
    case CloseCode.CONSENTED:
      return "";
    case CloseCode.FAILED_TO_RECONNECT:
      return `The connection did not come back in time: your seat in room ${roomCode} was given up.`;
    case CloseCode.SERVER_SHUTDOWN:
      return "The server is shutting down.";
    case REMOVED_BY_HOST:
      return `Removed by the host of room ${roomCode}.`;
    case CloseCode.WITH_ERROR:
      return reason
        ? `The server closed your connection to room ${roomCode}: ${reason}`
        : `The server closed your connection to room ${roomCode} after an error.`;
    default:
      return `You were disconnected from room ${roomCode} (code ${code}).`;
  }
}
