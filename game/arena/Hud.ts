// The HUD over the arena, made of widgets that each draw one thing (hud/): the
// match status and clock, the teams' scores, the room line, our ship's status, the control row, the
// kill feed, the KO card and the scoreboard, and the Report button beside the last two. A widget in a corner a ship is under
// fades, so the HUD never hides a ship.
import type Phaser from "phaser";
import type { ShipState } from "../../shared/world.ts";
import { type HudRegion, regionsUnder } from "./hudLayout.ts";
import { ControlRow, type ControlRowActions } from "./hud/ControlRow.ts";
import { FADED_ALPHA, type Fadable } from "./hud/hudText.ts";
import { KillFeed } from "./hud/KillFeed.ts";
import { KoCard } from "./hud/KoCard.ts";
import { type MatchStatusState, MatchStatus } from "./hud/MatchStatus.ts";
import { OwnStatus } from "./hud/OwnStatus.ts";
import { ReportButton } from "./hud/ReportButton.ts";
import { type RoomHost, RoomLine } from "./hud/RoomLine.ts";
import { type ScoreboardState, ScoreboardPanel } from "./hud/ScoreboardPanel.ts";
import { TeamScores } from "./hud/TeamScores.ts";
import { WatchBar, type WatchState } from "./hud/WatchBar.ts";

export type { ScoreLine } from "./hud/ScoreboardPanel.ts";

/** What the HUD shows this frame. Times are in seconds. */
export interface HudState extends MatchStatusState, ScoreboardState {
  own: Readonly<ShipState> | undefined;
  /** Seconds until our ship is back, when knocked out. */
  respawnSecondsLeft: number;
  /** 0..1 of the dash cooldown still to run. */
  dashCharging: number;
  muted: boolean;
  /** The controls of the input device in use. */
  hint: string;
  /** Where the ships in play are drawn: a HUD panel over one of them fades. */
  ships: ReadonlyArray<{ x: number; y: number }>;
  /** Who hosts the room (a private room's; null in a public room). */
  host: RoomHost | null;
  /** While watching without a ship: whom we follow (`own` is then that ship). */
  watching: WatchState | null;
}

export interface HudActions extends ControlRowActions {
  /** The room's code, shown for sharing. */
  code: string;
  copyLink: () => void;
  leave: () => void;
  /** Opens the replay of the round just played (shown on the results screen). */
  watchRound: () => void;
  /** Opens the host's panel (the host alone sees its button). */
  openHostPanel: () => void;
  /** Asks for a seat and a ship while watching. */
  join: () => void;
  /** Asks to play for the other team. */
  switchTeam: () => void;
  /** Asks the server for a replay of what we just saw, to save for a bug report. */
  report: () => void;
}

export class Hud {
  private readonly match: MatchStatus;
  private readonly room: RoomLine;
  private readonly ownStatus: OwnStatus;
  private readonly controls: ControlRow;
  private readonly feed: KillFeed;
  private readonly koCard: KoCard;
  private readonly scoreboard: ScoreboardPanel;
  private readonly watchBar: WatchBar;
  private readonly teams: TeamScores;
  private readonly reportButton: ReportButton;
  /** The HUD's objects by the screen region they sit in, to fade together. */
  private readonly regions = new Map<HudRegion, Fadable[]>();
  /** The regions faded right now, because a ship is under them (read by the test probe). */
  faded: HudRegion[] = [];

  constructor(scene: Phaser.Scene, actions: HudActions) {
    const place = (region: HudRegion, ...objects: Fadable[]) => this.regions.set(region, [...(this.regions.get(region) ?? []), ...objects]);
    this.match = new MatchStatus(scene, place);
    this.room = new RoomLine(scene, place, actions);
    this.ownStatus = new OwnStatus(scene, place);
    this.controls = new ControlRow(scene, place, actions);
    this.feed = new KillFeed(scene);
    this.koCard = new KoCard(scene);
    this.scoreboard = new ScoreboardPanel(scene, actions.watchRound);
    this.watchBar = new WatchBar(scene, actions.join);
    this.teams = new TeamScores(scene, place, actions.switchTeam);
    this.reportButton = new ReportButton(scene, actions.report);
  }

  /** The replay a Report asked for was saved, or refused (a notice says why). */
  reported(saved: boolean, now: number): void {
    if (saved) this.reportButton.saved(now);
    else this.reportButton.refused();
  }

  /** The centre of the Report button while it shows (read by the test probe). */
  get reportButtonCentre(): { x: number; y: number } | null {
    return this.reportButton.centre;
  }

  /** A short message under the room line, such as "Link copied". */
  flash(message: string): void {
    this.room.flash(message);
  }

  addKo(killerName: string, victimName: string, involvesMe: boolean, now: number): void {
    this.feed.add(killerName, victimName, involvesMe, now);
  }

  /** The kill feed as shown, newest first (read by the test probe). */
  get feedLines(): string[] {
    return this.feed.texts;
  }

  /** Whether the scoreboard (or the results) is showing (read by the test probe). */
  get scoreboardShown(): boolean {
    return this.scoreboard.shown;
  }

  /** The centre of the "Switch team" button while it shows (read by the test probe). */
  get switchTeamButtonCentre(): { x: number; y: number } | null {
    return this.teams.switchButtonCentre;
  }

  /** The scoreboard's title while it shows (read by the test probe). */
  get scoreboardTitle(): string {
    return this.scoreboard.titleText;
  }

  /** The centre of the "Watch this round" button while it shows (read by the test probe). */
  get watchButtonCentre(): { x: number; y: number } | null {
    return this.scoreboard.watchButtonCentre;
  }

  update(state: HudState, now: number): void {
    this.fadeOver(state.ships);
    this.match.update(state);
    this.room.setHost(state.host);
    this.room.update(now);
    this.ownStatus.update(state.own, state.dashCharging);
    this.controls.update(state.hint, state.muted);
    this.feed.update(now);
    this.koCard.update(state.own, state.phase, state.respawnSecondsLeft);
    this.scoreboard.update(state);
    this.watchBar.update(state.watching);
    this.teams.update(state.teams);
    // Beside the KO card while we are out, beside "Watch this round" on the results (not while watching: no ship to report from).
    this.reportButton.update(state.watching ? null : (this.koCard.besideRight ?? this.scoreboard.besideWatchButton), now);
  }

  /** Fades every HUD region a ship is under; the kill feed fades with the top right. */
  private fadeOver(ships: ReadonlyArray<{ x: number; y: number }>): void {
    const under = regionsUnder(ships);
    if (under.size === this.faded.length && this.faded.every((region) => under.has(region))) return;
    this.faded = [...under];
    for (const [region, objects] of this.regions) {
      const alpha = under.has(region) ? FADED_ALPHA : 1;
      for (const object of objects) object.setAlpha(alpha);
    }
    this.feed.fade(under.has("topRight"));
  }
}
