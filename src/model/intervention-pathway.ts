/**
 * Declared public law interventions (pre-CMH meetings, …) acting on ordinary public law cases. At
 * referral each case draws, from the intervention's own streams and whatever the area's status,
 * whether it is eligible and on which day it is met, so do-nothing and roll-out runs pair case by
 * case. On that day, in a live area with the guardian allocated (when required), the case is served:
 * its FCA hours hold a place on the guardian's caseload (so less room for new allocations; an
 * unallocated case in a live area misses its meeting) and its proceedings shorten by the
 * replication's drawn effect. Eligible cases are tracked in both arms for appraisal.
 */
import type { Rng } from "../kernel/index.js";
import { ALLOCATED, FREE, PUBLIC } from "./case-store.js";
import type { CaseFlow } from "./case-flow.js";
import { drawInterventionEffects, type DrawnEffects } from "./effect-draw.js";
import { interventionLiveFrom } from "./intervention-arms.js";
import { spreadGuardianHours } from "./guardian-spread.js";
import { interventionIndex } from "./intervention-metrics.js";
import type { InterventionRecorder } from "./intervention-recorder.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Intervention } from "./scenario/index.js";

const ELIGIBLE = interventionIndex("eligible"), SERVED = interventionIndex("served"), MISSED = interventionIndex("missed"), FCA_HOURS = interventionIndex("fca_hours");
const CASE_WEEKS = interventionIndex("case_weeks"), EXPERTS = interventionIndex("expert_reports"), GUARDIAN = interventionIndex("guardian_hours"), PLACEMENT = interventionIndex("placement_weeks");
const SERVED_PROCEEDINGS = interventionIndex("served_proceedings"), SERVED_GUARDIAN = interventionIndex("served_guardian_base");


interface AreaStreams { readonly eligible: Rng; readonly day: Rng; readonly foster: Rng; readonly team: Rng }
interface Pending { readonly id: number; readonly area: number; readonly seq: number; readonly uFoster: number }

/** One declared public law intervention in one replication; `index` is its place in the result's interventions. */
export class InterventionPathway {
  readonly effects: DrawnEffects;
  private readonly liveFrom: Float64Array;
  private readonly rng: AreaStreams[];
  private readonly placeDays: number;
  private readonly pending = new Map<number, Pending>();
  private nextKey = 0;

  constructor(private readonly s: ModelState, private readonly flow: CaseFlow, private readonly recorder: InterventionRecorder, private readonly v: Intervention, private readonly index: number) {
    const { scenario, streams } = s, at = (what: string): Rng => streams.stream(`intervention/${v.name}/${what}`);
    this.effects = drawInterventionEffects(v, streams);
    this.liveFrom = interventionLiveFrom(scenario, v, s.warmupDays);
    this.rng = scenario.areas.map(({ name }) => ({ eligible: at(`${name}/eligible`), day: at(`${name}/day`), foster: at(`${name}/foster`), team: at(`${name}/team`) }));
    const hoursPerPlaceWeek = v.proceedings.guardianHoursPerCase / scenario.national.durations.public.meanWeeks;
    this.placeDays = hoursPerPlaceWeek > 0 ? (7 * v.fcaHoursPerCase) / hoursPerPlaceWeek : 0;
  }

  /** A new ordinary public law referral (case `id`) in `area` now. */
  readonly onReferral = (area: AreaState, id: number): void => {
    const r = this.rng[area.index]!, t = this.v.timing;
    const eligible = r.eligible() < this.v.eligibility.share, u = r.day(), uFoster = r.foster();
    if (!eligible) return;
    const offset = t.at === "referral" ? 0 : t.day.min + (t.day.max - t.day.min) * u;
    const key = this.nextKey++;
    this.pending.set(key, { id, area: area.index, seq: this.s.cases.seq[id]!, uFoster });
    this.s.sim.scheduleAt(this.s.sim.now + offset, this.meet, key);
  };

  /** Marks live area-weeks; call once at the end. */
  finish(): void {
    this.recorder.live(this.index, this.liveFrom);
  }

  private readonly meet = (key: number): void => {
    const p = this.pending.get(key)!, cases = this.s.cases, now = this.s.sim.now;
    this.pending.delete(key);
    // The case closed (and its id may be reused) before the day: nothing to meet.
    if (cases.status[p.id] === FREE || cases.area[p.id] !== p.area || cases.seq[p.id] !== p.seq || cases.kind[p.id] !== PUBLIC) return;
    const a = cases.area[p.id]!, area = this.s.areas[a]!, v = this.v, i = this.index;
    this.recorder.add(i, now, ELIGIBLE, 1);
    const live = now >= this.liveFrom[a]!, ready = !v.needsAllocatedGuardian || cases.status[p.id] === ALLOCATED;
    const served = live && ready;
    if (live && !ready) this.recorder.add(i, now, MISSED, 1);
    if (served) this.serve(area, p.id);
    const open = cases.referralDay[p.id]!, end = cases.closeDay[p.id]!, days = end - open;
    this.recorder.spread(i, open, end, CASE_WEEKS, days / 7);
    const base = v.proceedings.guardianHoursPerCase, hours = base * (served ? 1 - this.effects.guardianHoursShare : 1);
    spreadGuardianHours(open, end, hours, (from, to, total) => this.recorder.spread(i, from, to, GUARDIAN, total));
    // Expected reports (not rounded to whole ones), so re-costing another effect size gives what a re-run would.
    this.recorder.add(i, now, EXPERTS, Math.max(0, v.proceedings.expertReportsPerCase - (served ? this.effects.expertReports : 0)));
    if (served) {
      this.recorder.add(i, now, SERVED_PROCEEDINGS, 1);
      spreadGuardianHours(open, end, base, (from, to, total) => this.recorder.spread(i, from, to, SERVED_GUARDIAN, total));
    }
    if (p.uFoster < v.proceedings.fosterShare) this.recorder.spread(i, open, end, PLACEMENT, days / 7);
  };

  /** Serves the case: its FCA hours take a caseload place, and its proceedings end sooner (never before now). */
  private serve(area: AreaState, id: number): void {
    const { cases, sim } = this.s, now = sim.now;
    this.recorder.add(this.index, now, SERVED, 1);
    this.recorder.spread(this.index, now, now + this.placeDays, FCA_HOURS, this.v.fcaHoursPerCase);
    if (this.placeDays > 0) {
      if (cases.status[id] === ALLOCATED) this.flow.holdPlace(area, cases.fca[id]!, now + this.placeDays);
      else this.flow.referPlus(area, now + this.placeDays, this.rng[area.index]!.team);
    }
    const close = Math.max(now, cases.closeDay[id]! - this.effects.durationWeeks * 7);
    if (close === cases.closeDay[id]) return;
    sim.cancel(cases.closeHandle[id]!);
    cases.closeDay[id] = close;
    cases.closeHandle[id] = sim.scheduleAt(close, this.flow.close, id);
  }
}
