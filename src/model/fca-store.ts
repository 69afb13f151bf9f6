/** Teams: long-term (public law, further work) and short-term (work to first hearing). */
export const LONG_TERM = 0, SHORT_TERM = 1;
/** FCA states. A vacant post has no FCA in it. */
export const WORKING = 0, SHORT_SICK = 1, LONG_SICK = 2, VACANT = 3;

/** One FCA post: who holds which cases, and in what state. */
export interface Fca {
  readonly area: number;
  readonly team: number;
  /** Full-time equivalent of the post. */
  readonly fte: number;
  readonly agency: boolean;
  state: number;
  /** Day the current holder started (for the new-starter ramp-up). */
  startDay: number;
  /** Consecutive weekly checks with caseload above cap. */
  weeksOverCap: number;
  /** Case ids held. */
  readonly cases: number[];
  /** The pending event (absence starting, return from sickness, starter arriving), if any. */
  handle: number;
  /** Day the current absence began. */
  absentSince: number;
  /** The absence a pending `handle` will start, and its length in days. */
  pendingState: number;
  pendingDays: number;
}

/** Builds the posts of one team in one area: whole FTEs, then the fractional remainder. */
export function teamPosts(area: number, team: number, fte: number, agency: boolean, startDay: number): Fca[] {
  const whole = Math.floor(fte + 1e-9), rest = fte - whole;
  const sizes = Array.from({ length: whole }, () => 1);
  if (rest > 0.05) sizes.push(rest);
  return sizes.map((size) => ({ area, team, fte: size, agency, state: WORKING, startDay, weeksOverCap: 0, cases: [], handle: -1, absentSince: 0, pendingState: 0, pendingDays: 0 }));
}
