/**
 * The Cafcass Plus pathway and the cohort it serves: unborn babies whose local authority has
 * decided on a letter before proceedings, in every area. Each case is referred at 20–30 weeks'
 * gestation; where the area is live, an FCA takes it on (a caseload place, see plus-schema.ts);
 * at birth it is diverted or care proceedings are issued and it enters the model as a public
 * law case. All cohort draws come from the cohort's own streams (`plus/<area>/…`), taken at
 * referral whatever the area's status, so do-nothing and roll-out runs pair case by case.
 */
import { lognormal, poisson, uniform, type Rng } from "../kernel/index.js";
import type { CaseFlow } from "./case-flow.js";
import { CohortStore } from "./cohort-store.js";
import type { ModelState } from "./model-state.js";
import { baselineDiversionIn, cohortPerWeek, plusLiveFrom } from "./plus-arms.js";
import { drawPlusEffects, type PlusEffects } from "./plus-effects.js";
import { spreadGuardianHours } from "./guardian-spread.js";
import { interventionIndex } from "./intervention-metrics.js";
import { plusIndex } from "./plus-metrics.js";
import type { PlusRecorder } from "./plus-recorder.js";

const REFERRALS = plusIndex("cohort_referrals"), STARTED = plusIndex("plus_cases_started"), FCA_HOURS = plusIndex("plus_fca_hours");
const DIVERTED = plusIndex("cohort_diverted"), PROCEEDINGS = plusIndex("cohort_proceedings"), CASE_WEEKS = plusIndex("proceedings_case_weeks");
const EXPERTS = plusIndex("expert_reports"), GUARDIAN = plusIndex("guardian_hours"), PLACEMENT = plusIndex("placement_weeks"), LIVE = plusIndex("plus_live");
const SERVED_PROCEEDINGS = interventionIndex("served_proceedings"), SERVED_GUARDIAN = interventionIndex("served_guardian_base");

interface CohortStreams { readonly referrals: Rng; readonly gestation: Rng; readonly diversion: Rng; readonly duration: Rng; readonly foster: Rng }

/** One replication's cohort and Cafcass Plus service. */
export class PlusPathway {
  /** This replication's effect sizes. */
  readonly effects: PlusEffects;
  private readonly store = new CohortStore();
  private readonly rate: Float64Array;
  private readonly baseline: Float64Array;
  private readonly liveFrom: Float64Array;
  private readonly rng: CohortStreams[];
  private readonly placeDays: number;

  constructor(private readonly s: ModelState, private readonly flow: CaseFlow, private readonly recorder: PlusRecorder) {
    const { scenario, streams } = s, p = scenario.cafcassPlus;
    this.effects = drawPlusEffects(scenario, streams);
    this.rate = Float64Array.from(scenario.areas, (_, i) => cohortPerWeek(scenario, i) / 7);
    this.baseline = Float64Array.from(scenario.areas, (_, i) => baselineDiversionIn(scenario, i));
    this.liveFrom = plusLiveFrom(scenario, s.warmupDays);
    this.rng = scenario.areas.map(({ name }) => {
      const at = (what: string): Rng => streams.stream(`plus/${name}/${what}`);
      return { referrals: at("referrals"), gestation: at("gestation"), diversion: at("diversion"), duration: at("duration"), foster: at("foster") };
    });
    const hoursPerPlaceWeek = p.proceedings.guardianHoursPerCase / scenario.national.durations.public.meanWeeks;
    this.placeDays = hoursPerPlaceWeek > 0 ? (7 * p.fcaHoursPerCase) / hoursPerPlaceWeek : 0;
  }

  /** Fills the pipeline at the start: referrals in the weeks before day 0 whose babies are born from day 0 on. */
  start(): void {
    const p = this.s.scenario.cafcassPlus;
    const lead = Math.ceil((p.birthGestationWeeks - p.referralGestationWeeks.min) * 7);
    for (let day = -lead; day < 0; day++) for (let a = 0; a < this.rate.length; a++) this.arrivals(a, day);
  }

  /** The day's cohort referrals in area `a` (seasonality, trend and shocks as for public law). */
  arrivals(a: number, day: number): void {
    const name = this.s.areas[a]!.spec.name;
    const n = poisson(this.rng[a]!.referrals, this.rate[a]! * this.s.demand(name, "public", Math.max(0, day)));
    for (let i = 0; i < n; i++) this.refer(a, day);
  }

  /** Marks live area-weeks; call once at the end. */
  finish(): void {
    this.recorder.live(this.liveFrom, LIVE);
  }

  private refer(a: number, day: number): void {
    const p = this.s.scenario.cafcassPlus, r = this.rng[a]!, d = this.s.scenario.national.durations.public;
    const gestation = uniform(r.gestation, p.referralGestationWeeks.min, p.referralGestationWeeks.max);
    const u = r.diversion(), duration = lognormal(r.duration, d.meanWeeks * 7, d.cv), uFoster = r.foster();
    const live = day >= this.liveFrom[a]!, birth = day + (p.birthGestationWeeks - gestation) * 7;
    this.recorder.add(day, a, REFERRALS, 1);
    if (live) {
      const end = day + this.placeDays;
      this.recorder.add(day, a, STARTED, 1);
      this.recorder.spread(day, end, a, FCA_HOURS, p.fcaHoursPerCase);
      if (end > this.s.sim.now) this.flow.referPlus(this.s.areas[a]!, end);
    }
    if (birth < this.s.sim.now) return; // decided before the run began: already in the initial backlog
    const id = this.store.create(a, live, u, duration, uFoster);
    this.s.sim.scheduleAt(birth, this.decide, id);
  }

  private readonly decide = (id: number): void => {
    const store = this.store, a = store.area[id]!, plus = store.plus[id] === 1, now = this.s.sim.now;
    store.release(id); // its fields stay readable: nothing below creates a cohort case
    if (store.u[id]! < this.baseline[a]! + (plus ? this.effects.diversionUplift : 0)) {
      this.recorder.add(now, a, DIVERTED, 1);
      return;
    }
    const p = this.s.scenario.cafcassPlus, e = this.effects, meanWeeks = this.s.scenario.national.durations.public.meanWeeks;
    const shrink = plus ? Math.max(0, 1 - e.durationReductionWeeks / meanWeeks) : 1;
    const days = store.durationDays[id]! * this.s.areas[a]!.publicMultiplier * this.s.slowdown(now) * shrink, end = now + days;
    this.flow.referProceedings(this.s.areas[a]!, days);
    this.recorder.add(now, a, PROCEEDINGS, 1);
    this.recorder.spread(now, end, a, CASE_WEEKS, days / 7);
    const base = p.proceedings.guardianHoursPerCase, hours = base * (plus ? 1 - e.guardianHoursReduction : 1);
    spreadGuardianHours(now, end, hours, (from, to, total) => this.recorder.spread(from, to, a, GUARDIAN, total));
    // Expected reports (not rounded to whole ones), so re-costing another effect size gives what a re-run would.
    this.recorder.add(now, a, EXPERTS, Math.max(0, p.proceedings.expertReportsPerCase - (plus ? e.expertReportsReduction : 0)));
    if (plus) {
      this.recorder.addFlow(now, SERVED_PROCEEDINGS, 1);
      spreadGuardianHours(now, end, base, (from, to, total) => this.recorder.spreadFlow(from, to, SERVED_GUARDIAN, total));
    }
    if (store.uFoster[id]! < p.proceedings.fosterShare) this.recorder.spread(now, end, a, PLACEMENT, days / 7);
  };
}
