import { bernoulli, Lognormal, openUniform, type Rng } from "../kernel/index.js";
import { ALLOCATED, AWAITING, FURTHER, IN_HUB, PLUS, PUBLIC, WTFH } from "./case-store.js";
import { LONG_TERM } from "./fca-store.js";
import { holdsNewCases } from "./protocol-machine.js";
import type { AreaState, ModelState } from "./model-state.js";
import { teamFor } from "./area-posts.js";
import { DayBatches } from "./day-batches.js";

/**
 * How a case moves: referral, allocation to an FCA, the end of work to first hearing, hub
 * entry and exit, hand-back when an FCA goes off sick or leaves, and closure. Event handlers
 * are fields bound once, so scheduling allocates nothing per event. (Longer than most files:
 * a case's whole life cycle reads best in one place.)
 */
export class CaseFlow {
  /** Called with each ordinary public law referral made now (declared interventions listen here). */
  onPublicReferral: ((area: AreaState, id: number) => void) | null = null;

  /** Durations of public law proceedings and of further work (days), before the area's multiplier. */
  private readonly publicDays: Lognormal;
  private readonly furtherDays: Lognormal;
  /** The ends of work to first hearing of each area's referrals of the day, an event a batch. */
  private readonly wtfhEnds: DayBatches;

  constructor(private readonly s: ModelState) {
    const d = s.scenario.national.durations;
    this.publicDays = new Lognormal(d.public.meanWeeks * 7, d.public.cv);
    this.furtherDays = new Lognormal(d.furtherWork.meanWeeks * 7, d.furtherWork.cv);
    this.wtfhEnds = new DayBatches(s.areas.length, s.sim, (id) => this.endWtfh(id));
  }

  /**
   * A new referral in `area` now (or `referredDaysAgo`): public law waits for a long-term FCA, private
   * law for work to first hearing. Returns its id; the caller places a case seeded as already allocated.
   */
  refer(area: AreaState, kind: typeof PUBLIC | typeof WTFH, referredDaysAgo = 0, durationDays?: number, seeded = false): number {
    const id = this.openCase(area, kind, referredDaysAgo, durationDays, seeded, area.rng.team);
    if (kind === PUBLIC && referredDaysAgo === 0 && !seeded && this.onPublicReferral !== null) this.onPublicReferral(area, id);
    return id;
  }

  /**
   * Care proceedings issued now for a baby of the Cafcass Plus cohort: a public law case lasting
   * `durationDays`, its team drawn from the cohort's own stream so a Plus arm leaves the ordinary
   * cases' draws alone.
   */
  referProceedings(area: AreaState, durationDays: number): number {
    return this.openCase(area, PUBLIC, 0, durationDays, false, area.rng.plusTeam);
  }

  private openCase(area: AreaState, kind: typeof PUBLIC | typeof WTFH, referredDaysAgo: number, durationDays: number | undefined, seeded: boolean, teamRng: Rng): number {
    const { sim, cases, scenario } = this.s;
    const day = sim.now - referredDaysAgo;
    const id = cases.create(kind, kind === PUBLIC ? 1 : 2, area.index, day);
    this.s.counts.events++;
    area.totals.referred++;
    if (referredDaysAgo === 0) area.totals.weekReferrals++;
    if (seeded) cases.waitStart[id] = NaN;
    if (kind === PUBLIC) {
      area.totals.publicOpen++;
      const days = durationDays ?? this.publicDays.draw(area.rng.publicDuration) * area.publicMultiplier * this.s.slowdown(day);
      cases.closeDay[id] = Math.max(sim.now, day + days);
      cases.closeHandle[id] = sim.scheduleAt(cases.closeDay[id]!, this.close, id);
      cases.team[id] = teamFor(area, teamRng);
      if (!seeded) area.ltQueue.push(id);
    } else {
      const end = Math.max(sim.now, day + scenario.national.durations.wtfhWeeks * 7);
      // A day's referrals in an area end together: one event for them all (closeHandle stays -1, as nothing cancels it).
      if (referredDaysAgo === 0 && !seeded) this.wtfhEnds.add(area.index, end, id);
      else cases.closeHandle[id] = sim.scheduleAt(end, this.endWtfh, id);
      if (!seeded) area.stQueue.push(id);
    }
    return id;
  }

  /**
   * A Cafcass Plus case: a place on a long-term FCA's caseload (allocated like P1) until `endDay`.
   * It is pre-proceedings work, so it is not a referral: it counts in `plusOpen`, not `referred`.
   */
  referPlus(area: AreaState, endDay: number, teamRng: Rng = area.rng.plusTeam): void {
    const { sim, cases } = this.s;
    const id = cases.create(PLUS, 1, area.index, sim.now);
    this.s.counts.events++;
    area.totals.plusOpen++;
    cases.closeHandle[id] = sim.scheduleAt(Math.max(sim.now, endDay), this.closePlus, id);
    cases.team[id] = teamFor(area, teamRng);
    area.ltQueue.push(id);
  }

  /**
   * Work on a case's guardian's caseload (FCA `f`) until `endDay`, such as a pre-CMH meeting: a
   * Cafcass Plus-like place given straight to that FCA, so it takes their room without queueing.
   */
  holdPlace(area: AreaState, f: number, endDay: number): void {
    const { sim, cases } = this.s;
    const id = cases.create(PLUS, 1, area.index, sim.now);
    this.s.counts.events++;
    area.totals.plusOpen++;
    cases.closeHandle[id] = sim.scheduleAt(Math.max(sim.now, endDay), this.closePlus, id);
    cases.team[id] = this.s.fcas[f]!.allocationTeam;
    this.assign(id, f);
  }

  /** Turns a case into further work ordered now (or `orderedDaysAgo`), with its tier and work left. */
  orderFurtherWork(area: AreaState, id: number, tier: number, remainingDays: number, orderedDaysAgo = 0): void {
    const { cases, sim, scenario } = this.s;
    cases.kind[id] = FURTHER; cases.tier[id] = tier; cases.status[id] = AWAITING;
    cases.orderDay[id] = sim.now - orderedDaysAgo;
    cases.waitStart[id] = cases.orderDay[id]!;
    cases.filingDay[id] = cases.orderDay[id]! + scenario.national.durations.filingWeeks * 7;
    cases.remainingDays[id] = remainingDays;
    cases.team[id] = teamFor(area, area.rng.team);
    if (tier >= 3 && holdsNewCases(area.protocol.state)) this.enterHub(area, id, orderedDaysAgo);
    else area.ltQueue.push(id);
  }

  /** Holds a less-urgent further-work case in the hub, extending its filing date. */
  enterHub(area: AreaState, id: number, heldDaysAgo = 0): void {
    const { cases, sim } = this.s;
    cases.status[id] = IN_HUB;
    this.s.counts.events++;
    cases.hubEntryDay[id] = sim.now - heldDaysAgo;
    const extended = cases.orderDay[id]! + area.rules.extendedFilingWeeks * 7;
    if (extended > cases.filingDay[id]!) {
      cases.filingDay[id] = extended;
      area.totals.extendedFilings++;
    }
    area.hub.push(id);
  }

  /** Allocates a case from the unallocated queue to FCA `f`, recording how long it waited. */
  allocate(area: AreaState, id: number, f: number): void {
    const start = this.s.cases.waitStart[id]!;
    if (start === start) area.totals.allocationWaits.observe(this.s.sim.now - start);
    this.assign(id, f);
  }

  /** Gives a case to FCA `f`; further work is scheduled to finish when its remaining work is done. */
  assign(id: number, f: number): void {
    const { cases, fcas, sim } = this.s;
    const fca = fcas[f]!;
    cases.status[id] = ALLOCATED;
    this.s.counts.events++;
    cases.fca[id] = f;
    cases.fcaPosition[id] = this.s.caseloads.add(f, id);
    fca.load += this.s.weights[cases.kind[id]!]!;
    this.s.rooms.update(f);
    if (cases.kind[id] === FURTHER) {
      cases.workEndDay[id] = sim.now + cases.remainingDays[id]!;
      cases.closeHandle[id] = sim.scheduleAt(cases.workEndDay[id]!, this.close, id);
    }
  }

  /** Records a hub case leaving the hub now (released or forced). */
  leaveHub(area: AreaState, id: number, forced: boolean): void {
    const t = area.totals;
    this.s.counts.events++;
    t.hubWaits.observe(this.s.sim.now - this.s.cases.hubEntryDay[id]!);
    t.hubExits++; t.weekHubExits++;
    if (forced) {
      t.forced++; t.weekForced++;
    }
  }

  /** Pushes back the end of the further work FCA `f` holds by `days` (the FCA was off sick). */
  postponeWork(f: number, days: number): void {
    const { cases, caseloads, sim } = this.s, n = caseloads.count[f]!;
    for (let i = 0; i < n; i++) {
      const id = caseloads.at(f, i);
      if (cases.kind[id] !== FURTHER) continue;
      cases.workEndDay[id]! += days;
      cases.closeHandle[id] = sim.reschedule(cases.closeHandle[id]!, cases.workEndDay[id]!);
    }
  }

  /**
   * Returns every case FCA `f` holds to its area's unallocated queue (long sickness, leaving), to be
   * re-allocated within the FCA's team when someone has room; its wait for allocation starts now.
   */
  handBack(f: number): void {
    const { cases, fcas, caseloads, sim } = this.s;
    const fca = fcas[f]!, area = this.s.areas[fca.area]!, n = caseloads.count[f]!;
    for (let i = 0; i < n; i++) {
      const id = caseloads.at(f, i);
      cases.status[id] = AWAITING;
      cases.fca[id] = -1;
      cases.waitStart[id] = sim.now;
      if (fca.team === LONG_TERM) cases.team[id] = fca.allocationTeam;
      if (cases.kind[id] === FURTHER) {
        sim.cancel(cases.closeHandle[id]!);
        cases.remainingDays[id] = Math.max(0, cases.workEndDay[id]! - sim.now);
      }
      (cases.kind[id] === WTFH ? area.stQueue : area.ltQueue).push(id);
    }
    caseloads.clear(f);
    fca.load = 0;
    this.s.rooms.update(f);
  }

  /** Closes a case: public law at the end of proceedings, further work when the FCA's work is done. */
  readonly close = (id: number): void => {
    const area = this.s.areas[this.s.cases.area[id]!]!, t = area.totals;
    this.detach(area, id);
    this.s.counts.events++;
    t.closed++;
    t.weekClosures++;
    if (this.s.cases.kind[id] === PUBLIC) {
      const days = this.s.sim.now - this.s.cases.referralDay[id]!;
      t.publicOpen--; t.weekPublicClosures++; t.weekPublicDays += days;
      if (days > 182) t.weekPublicOver26++;
    }
    this.s.cases.close(id);
  };

  /** Ends a Cafcass Plus case's FCA work. */
  readonly closePlus = (id: number): void => {
    const area = this.s.areas[this.s.cases.area[id]!]!;
    this.detach(area, id);
    this.s.counts.events++;
    area.totals.plusOpen--;
    this.s.cases.close(id);
  };

  /** The first hearing: the case closes, or goes on to further work with a tier. */
  readonly endWtfh = (id: number): void => {
    const { cases, scenario } = this.s;
    const area = this.s.areas[cases.area[id]!]!;
    this.s.counts.events++;
    const mix = scenario.national.caseMix, rng = area.rng.mix;
    const further = bernoulli(rng, mix.privateFurtherWorkShare);
    const urgent = rng() < mix.furtherWorkUrgentShare, p3 = rng() < mix.lessUrgentP3Share;
    // The duration's uniform is taken whether or not the case goes on, so the streams stay aligned; its value only if it does.
    const uWork = openUniform(area.rng.furtherDuration);
    if (!further) {
      this.close(id);
      return;
    }
    this.detach(area, id);
    this.orderFurtherWork(area, id, urgent ? 2 : p3 ? 3 : 4, this.furtherDays.at(uWork) * area.furtherMultiplier * this.s.slowdown(this.s.sim.now));
  };

  /** Takes a case off its FCA or out of its queue. */
  private detach(area: AreaState, id: number): void {
    const { cases, fcas } = this.s;
    if (cases.status[id] === ALLOCATED) {
      const f = cases.fca[id]!, fca = fcas[f]!, pos = cases.fcaPosition[id]!;
      const moved = this.s.caseloads.removeAt(f, pos);
      if (moved >= 0) cases.fcaPosition[moved] = pos;
      cases.fca[id] = -1;
      fca.load -= this.s.weights[cases.kind[id]!]!;
      if (this.s.caseloads.count[f] === 0) fca.load = 0; // no float drift in weighted loads
      this.s.rooms.update(f);
    } else if (cases.status[id] === AWAITING) {
      const queue = cases.kind[id] === WTFH ? area.stQueue : area.ltQueue;
      const at = queue.indexOf(id);
      if (at < 0) throw new Error(`case ${id} is awaiting allocation but in no queue`);
      queue.splice(at, 1);
    } else {
      throw new Error(`case ${id} closed from the hub`);
    }
  }
}
