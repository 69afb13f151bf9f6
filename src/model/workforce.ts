import { lognormal, lognormalQuantile, normalQuantile } from "../kernel/index.js";
import { simulatedDay } from "./calendar.js";
import { markRamping } from "./capacity.js";
import type { CaseFlow } from "./case-flow.js";
import { CLOSED, LONG_SICK, LONG_TERM, SHORT_SICK, VACANT, WORKING, type Fca } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";
import { WeeklyChances } from "./weekly-chances.js";

/** How a post opened by a staffing change is filled (area-schema.ts). */
export type OpeningHow = "recruit" | "start" | "transfer";

/**
 * Sickness, attrition and recruitment as events on FCA posts. Each post has its own stream
 * and draws the same six uniforms every week whatever happens, so scenarios that differ
 * elsewhere keep common random numbers post by post. Absences start at a uniform moment in
 * the week, so the weekly snapshot of who is absent is unbiased. Vacancies go through each
 * area's recruitment pipeline: a campaign (lognormal time to fill, none begun during a freeze),
 * then a start slot (an area takes on at most its hiring rate of new starters).
 */
export class Workforce {
  /** Log-scale parameters of the long-sickness duration (days). */
  readonly longSigma: number;
  readonly longMu: number;
  private readonly freeze: readonly [number, number] | undefined;
  private readonly chances: WeeklyChances;

  constructor(private readonly s: ModelState, private readonly flow: CaseFlow) {
    const sick = s.scenario.national.workforce.sickness;
    this.chances = new WeeklyChances(s.scenario, s.sicknessWave);
    this.longSigma = Math.sqrt(2 * Math.log(Math.max(sick.longMeanDays, sick.longMedianDays) / sick.longMedianDays));
    this.longMu = Math.log(sick.longMedianDays);
    const r = s.scenario.national.workforce.recruitment;
    const at = (d: string | undefined, fallback: number): number => (d === undefined ? fallback : simulatedDay(s.scenario.startDate, s.warmupDays, d));
    this.freeze = r.freezeFrom === undefined && r.freezeTo === undefined ? undefined : [at(r.freezeFrom, -Infinity), at(r.freezeTo, Infinity)];
  }

  /** The weekly draws for post `f`, given whether it has been over its cap long enough to be stressed. */
  weekly(f: number, overCap: boolean, caseload: number): void {
    this.s.counts.reviews++;
    const fca = this.s.fcas[f]!, rng = this.s.fcaRng[f]!, c = this.chances, r = c.rates;
    const uShort = rng(), uLong = rng(), uLeave = rng(), uShortDays = rng(), uLongDays = rng(), uStart = rng();
    fca.weeksOverCap = overCap ? fca.weeksOverCap + 1 : 0;
    if (fca.state === VACANT || fca.state === CLOSED) return;
    const p = c.on(this.s.sim.now), stressed = fca.weeksOverCap > r.stressAfterWeeks;
    const pLeave = caseload > r.overloadCaseload ? p.leaveOverloaded : p.leave;
    // A leaver's vacancy takes its time to fill from a uniform of this week's (unused when someone leaves),
    // so one more leaver elsewhere in the area shifts nobody else's recruitment.
    if (!fca.agency && uLeave < pLeave) return this.leave(f, uLongDays);
    if (fca.state !== WORKING) return;
    if (uLong < c.long(fca.fte, stressed)) {
      this.plan(f, LONG_SICK, Math.max(28, Math.exp(this.longMu + this.longSigma * normalQuantile(uLongDays))), uStart);
      return;
    }
    if (uShort < c.short(fca.fte, stressed)) this.plan(f, SHORT_SICK, this.shortSpellDays(uShortDays), uStart);
  }

  /** A short absence's length in calendar days, exponential in working days, from uniform `u`. */
  shortSpellDays(u: number): number {
    return -Math.log(1 - u) * this.chances.rates.shortMeanWorkingDays * (7 / 5);
  }

  /** The week's start slots for an area's recruitment: slots accrue (up to a month's), and posts whose campaign is done start. */
  weeklyHiring(area: AreaState): void {
    const r = area.recruitment;
    const perWeek = r.perPostWeek * r.openPosts;
    r.credit = Math.min(Math.max(1, perWeek * (52.18 / 12)), r.credit + perWeek);
    this.startReady(area);
  }

  /** Schedules an absence to start at fraction `when` of the coming week. */
  private plan(f: number, state: number, days: number, when: number): void {
    const fca = this.s.fcas[f]!;
    fca.pendingState = state;
    fca.pendingDays = days;
    fca.handle = this.s.sim.schedule(when * 7, this.fallsSick, f);
  }

  private readonly fallsSick = (f: number): void => {
    const fca = this.s.fcas[f]!;
    this.startAbsence(f, fca.pendingState, fca.pendingDays);
  };

  /** Starts a period of absence; long sickness hands the caseload back for re-allocation. */
  startAbsence(f: number, state: number, days: number): void {
    const fca = this.s.fcas[f]!;
    this.s.counts.events++;
    fca.state = state;
    fca.absentSince = this.s.sim.now;
    this.s.rooms.update(f);
    if (state === LONG_SICK) this.flow.handBack(f);
    fca.handle = this.s.sim.schedule(days, this.back, f);
  }

  /** The FCA leaves: cases go back, the post falls vacant and (unless it is an agency post) recruitment starts; `u`, if given, sets the time to fill. */
  leave(f: number, u?: number): void {
    const fca = this.s.fcas[f]!;
    this.vacate(f);
    if (!fca.agency) this.recruit(f, undefined, u);
  }

  /** Takes post `f` out of the establishment (a cut, or an agency contract ending): cases go back, nobody is recruited. */
  close(f: number): void {
    const fca = this.s.fcas[f]!, area = this.s.areas[fca.area]!;
    if (fca.state === CLOSED) return;
    this.vacate(f);
    const ready = area.recruitment.ready.indexOf(f);
    if (ready >= 0) area.recruitment.ready.splice(ready, 1);
    fca.state = CLOSED;
    area.recruitment.openPosts--;
    if (fca.team === LONG_TERM) {
      area.teamOpen[fca.allocationTeam]!--;
      area.teamOpenTotal--;
    }
  }

  /** Brings a closed post into the establishment: as a vacancy to recruit to, a new starter now, or an experienced FCA now. */
  open(f: number, how: OpeningHow): void {
    const fca = this.s.fcas[f]!, area = this.s.areas[fca.area]!;
    if (fca.state !== CLOSED) return;
    area.recruitment.openPosts++;
    if (fca.team === LONG_TERM) {
      area.teamOpen[fca.allocationTeam]!++;
      area.teamOpenTotal++;
    }
    fca.state = VACANT;
    if (how === "recruit") this.recruit(f);
    else this.fill(f, how === "transfer");
  }

  /**
   * Starts a recruitment campaign for vacant post `f` now (or when a freeze ends): the post is ready to
   * start after the time to fill (its quantile `u` if given, else a draw from the area's recruitment
   * stream), or after `remainingDays` for a campaign already under way at the start.
   */
  recruit(f: number, remainingDays?: number, u?: number): void {
    const r = this.s.scenario.national.workforce.recruitment, sim = this.s.sim, fca = this.s.fcas[f]!;
    if (!r.enabled) return;
    const mean = Math.max(1, r.delayWeeks * 7);
    const days = remainingDays ?? (u !== undefined ? lognormalQuantile(u, mean, r.delayCv) : lognormal(this.s.areas[fca.area]!.rng.recruit, mean, r.delayCv));
    let start = sim.now;
    if (remainingDays === undefined && this.freeze !== undefined && start >= this.freeze[0] && start < this.freeze[1]) start = this.freeze[1];
    if (start === Infinity) return;
    fca.handle = sim.scheduleAt(start + days, this.campaignDone, f);
  }

  /** Post `f` is vacant today with a recruitment campaign under way that ends in `remainingDays` (seeding today's state). */
  seedVacancy(f: number, remainingDays: number): void {
    this.vacate(f);
    this.recruit(f, remainingDays);
  }

  /** Fills post `f` with someone who starts now (ramping up unless `experienced`). */
  fill(f: number, experienced: boolean): void {
    const fca: Fca = this.s.fcas[f]!;
    this.s.counts.events++;
    fca.state = WORKING;
    fca.startDay = experienced ? -1e9 : this.s.sim.now;
    fca.weeksOverCap = 0;
    fca.handle = -1;
    this.s.rooms.update(f);
    markRamping(this.s, f);
  }

  /** Empties post `f`: any pending event is cancelled and its cases go back to the unallocated queue. */
  private vacate(f: number): void {
    const fca = this.s.fcas[f]!, sim = this.s.sim;
    this.s.counts.events++;
    if (fca.handle >= 0 && sim.isPending(fca.handle)) sim.cancel(fca.handle);
    this.flow.handBack(f);
    fca.state = VACANT;
    this.s.rooms.update(f);
    fca.handle = -1;
  }

  private startReady(area: AreaState): void {
    const r = area.recruitment;
    while (r.ready.length > 0 && r.credit >= 1) {
      r.credit -= 1;
      this.fill(r.ready.shift()!, false);
    }
  }

  private readonly campaignDone = (f: number): void => {
    const fca = this.s.fcas[f]!, area = this.s.areas[fca.area]!;
    fca.handle = -1;
    area.recruitment.ready.push(f);
    this.startReady(area);
  };

  private readonly back = (f: number): void => {
    const fca = this.s.fcas[f]!;
    this.s.counts.events++;
    // Short sickness keeps the caseload but stops the work: its further work finishes later.
    if (fca.state === SHORT_SICK) this.flow.postponeWork(f, this.s.sim.now - fca.absentSince);
    fca.state = WORKING;
    fca.handle = -1;
    this.s.rooms.update(f);
  };
}
