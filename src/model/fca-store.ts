/** Teams: long-term (public law, further work) and short-term (work to first hearing). */
export const LONG_TERM = 0, SHORT_TERM = 1;
/**
 * FCA states. A vacant post has no FCA in it (recruitment may be under way); a closed post is not
 * part of the establishment (not yet opened by a staffing change or an agency contract, or cut).
 */
export const WORKING = 0, SHORT_SICK = 1, LONG_SICK = 2, VACANT = 3, CLOSED = 4;

/** One FCA post: who holds which cases, and in what state. */
export interface Fca {
  readonly area: number;
  /** Long-term or short-term team type. */
  readonly team: number;
  /** Index of the post's allocation team within its area (long-term posts; 0 for short-term). */
  allocationTeam: number;
  /** Full-time equivalent of the post. */
  readonly fte: number;
  /** The post holder's own capacity as a multiple of the team cap (experience, case mix): 1 without spread. */
  capacity: number;
  /** Agency posts are not refilled when their holder leaves. */
  readonly agency: boolean;
  state: number;
  /** Day the current holder started (for the new-starter ramp-up). */
  startDay: number;
  /** Consecutive weekly checks with caseload above cap. */
  weeksOverCap: number;
  /** The caseload in the units the caps use: the number of cases, or their summed weights. */
  load: number;
  /** The pending event (absence starting, return from sickness, recruitment done), if any. */
  handle: number;
  /** Day the current absence began. */
  absentSince: number;
  /** The absence a pending `handle` will start, and its length in days. */
  pendingState: number;
  pendingDays: number;
}

/** Builds the posts of one team in one area: whole FTEs, then the fractional remainder. */
export function teamPosts(area: number, team: number, fte: number, agency: boolean, startDay: number, state = WORKING): Fca[] {
  const whole = Math.floor(fte + 1e-9), rest = fte - whole;
  const sizes = Array.from({ length: whole }, () => 1);
  if (rest > 0.05) sizes.push(rest);
  return sizes.map((size) => ({
    area, team, allocationTeam: 0, fte: size, capacity: 1, agency, state, startDay, weeksOverCap: 0, load: 0, handle: -1, absentSince: 0, pendingState: 0, pendingDays: 0,
  }));
}

