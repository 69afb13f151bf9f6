import { poisson } from "../kernel/index.js";
import { allocateArea } from "./allocation.js";
import { CaseFlow } from "./case-flow.js";
import { PUBLIC, WTFH } from "./case-store.js";
import type { ReplicationResult, ResultShape } from "./metrics.js";
import { ReplicationCancelled, type ReplicationWatch } from "./replication-watch.js";
import { isPlusModelled, ordinaryPublicShare, plusLiveFrom } from "./plus-arms.js";
import { PlusPathway } from "./plus-pathway.js";
import { PlusRecorder } from "./plus-recorder.js";
import { InterventionRecorder } from "./intervention-recorder.js";
import { InterventionPathway } from "./intervention-pathway.js";
import { createModelState, type AreaState, type ModelState } from "./model-state.js";
import { Recorder } from "./recorder.js";
import { seedInitialState } from "./initial-state.js";
import type { Scenario } from "./scenario/index.js";
import { computeCaps } from "./capacity.js";
import { weeklyCheck } from "./weekly-check.js";
import { scheduleStaffing } from "./staffing.js";
import { scheduleCourtPace } from "./court-pace.js";
import { Workforce } from "./workforce.js";
import { PROTOCOL_STATES } from "./protocol-machine.js";

const HUB_ACTIVE = PROTOCOL_STATES.indexOf("hub-active");

/** Weeks of warm-up a scenario gets: as given, else none when it starts from today's backlog, else two years. */
export function warmupWeeksOf(scenario: Scenario): number {
  const fromToday = scenario.initialCases !== undefined || scenario.areas.some((a) => a.initial !== undefined);
  return scenario.warmupWeeks ?? (fromToday ? 0 : 104);
}

/** The output shape of a scenario's replications. */
export function resultShape(scenario: Scenario): ResultShape {
  return { weeks: scenario.horizonWeeks, areas: scenario.areas.map((a) => a.name) };
}

/**
 * One replication of the Cafcass model: pure and deterministic in (scenario, seed, replication).
 * Days run from the start of the warm-up; referrals arrive daily, allocation runs daily after
 * them, and the weekly check (protocol, workforce, recording) runs first at each week's start.
 * `weeklyBuffer`, if given and the right size, is reused for the weekly output; `watch`, if
 * given, sees each reporting week as it is recorded and can stop the run.
 */
export function runReplication(scenario: Scenario, seed: number, replication: number, weeklyBuffer?: Float64Array, watch?: ReplicationWatch): ReplicationResult {
  const warmupWeeks = warmupWeeksOf(scenario);
  const s = createModelState(scenario, warmupWeeks, seed, replication);
  const flow = new CaseFlow(s), workforce = new Workforce(s, flow);
  const shape = resultShape(scenario), recorder = new Recorder(shape, weeklyBuffer, { public: scenario.national.caseMix.childrenPerPublicCase, private: scenario.national.caseMix.childrenPerPrivateCase });
  const transitions: number[] = [];
  let checks = 0;
  const plusModelled = isPlusModelled(scenario);
  const interventionRecorder = new InterventionRecorder(shape, warmupWeeks, (plusModelled ? 1 : 0) + scenario.interventions.length);
  const plusRecorder = new PlusRecorder(shape, warmupWeeks, plusModelled ? interventionRecorder : undefined);
  const pathway = plusModelled ? new PlusPathway(s, flow, plusRecorder) : undefined;
  const declared = scenario.interventions.map((v, i) => new InterventionPathway(s, flow, interventionRecorder, v, (plusModelled ? 1 : 0) + i));
  if (declared.length > 0) flow.onPublicReferral = (area, id) => { for (const d of declared) d.onReferral(area, id); };
  const publicShare = Float64Array.from(scenario.areas, (_, i) => ordinaryPublicShare(scenario, i));

  const daily = (day: number): void => {
    for (const area of s.areas) {
      arrivals(s, flow, area, day, publicShare[area.index]!);
      pathway?.arrivals(area.index, day);
    }
    computeCaps(s, day);
    for (const area of s.areas) allocateArea(s, flow, area);
    s.counts.reviews += s.areas.length;
    if (day + 1 < s.totalDays) s.sim.scheduleAt(day + 1, daily, day + 1);
  };
  const weekly = (k: number): void => {
    const week = k - 1 - warmupWeeks; // the week that has just ended, in reporting weeks
    if (k === warmupWeeks) for (const a of s.areas) resetTotals(a);
    computeCaps(s, s.sim.now);
    for (const area of s.areas) {
      s.counts.reviews++;
      workforce.weeklyHiring(area);
      const m = weeklyCheck(s, area, workforce, (from, to, seen) => {
        if (week >= 0) transitions.push(week, area.index, from, to, seen.heldWork - seen.hub, seen.hub, seen.protocol.unallocatedWeeks, seen.protocol.averageCaseload, seen.protocol.shareOverCap, seen.protocol.ratio);
        if (to === HUB_ACTIVE && week >= 0) area.totals.activations++;
      });
      checks++;
      if (week >= 0) {
        recorder.week(week, area, m);
        if (m.hubOpen) area.totals.weeksActive++;
        area.totals.reviewHours += (m.hub * area.rules.reviewHoursPerFortnight) / 2;
      }
      const t = area.totals;
      t.weekReferrals = 0; t.weekClosures = 0; t.weekHubExits = 0; t.weekForced = 0;
      t.weekPublicClosures = 0; t.weekPublicOver26 = 0; t.weekPublicDays = 0;
      t.allocationWaits.thisWeek.length = 0;
    }
    if (week >= 0) recorder.finishWeek(week);
    // Warm-up weeks are watched too (as 0 weeks done), so a cancelled run stops there as well.
    if (watch !== undefined && !watch(Math.max(0, week + 1), recorder.weekly)) throw new ReplicationCancelled();
    if (week + 1 < scenario.horizonWeeks) s.sim.scheduleAt((k + 1) * 7, weekly, k + 1, -1);
  };

  seedInitialState(s, flow, workforce, warmupWeeks === 0);
  // Each week's sickness and leaving are drawn at its start (by the weekly check of the week before): the first week's now.
  for (const area of s.areas) for (const posts of [area.longTerm, area.shortTerm]) for (const f of posts) workforce.weekly(f, false, s.caseloads.count[f]!);
  for (const a of s.areas) resetTotals(a); // seeding is not history: hub entries then are not new extensions
  scheduleStaffing(s, workforce);
  scheduleCourtPace(s, flow);
  pathway?.start();
  s.sim.scheduleAt(0, daily, 0);
  s.sim.scheduleAt(7, weekly, 1, -1);
  s.sim.run(s.totalDays);
  countWaitsStillRunning(s);
  recorder.finish(s.areas, scenario.horizonWeeks);
  pathway?.finish();
  if (plusModelled) interventionRecorder.live(0, plusLiveFrom(scenario, s.warmupDays));
  for (const d of declared) d.finish();
  return {
    replication, weekly: recorder.weekly, scalars: recorder.scalars, plus: plusRecorder.plus, interventions: interventionRecorder.flows, conservationChecks: checks, transitions: Float64Array.from(transitions),
    events: s.counts.events, reviews: s.counts.reviews, kernelEvents: s.sim.steps,
  };
}

/** At the horizon, cases still held in a hub or waiting for an FCA count at their wait so far. */
function countWaitsStillRunning(s: ModelState): void {
  const now = s.sim.now, cases = s.cases;
  for (const area of s.areas) {
    for (const id of area.hub) area.totals.hubWaits.observeCensored(now - cases.hubEntryDay[id]!);
    for (const id of area.ltQueue) {
      const start = cases.waitStart[id]!;
      if (start === start) area.totals.allocationWaits.observeCensored(now - start);
    }
  }
}

/** The day's ordinary referrals; `publicShare` is what is left of public law once the Plus cohort's proceedings are carved out. */
function arrivals(s: ModelState, flow: CaseFlow, area: AreaState, day: number, publicShare: number): void {
  const { privatePerWeek, publicPerWeek } = area.spec.demand;
  const nPrivate = poisson(area.rng.private, (privatePerWeek / 7) * s.demand(area.spec.name, "private", day));
  const nPublic = poisson(area.rng.public, ((publicPerWeek * publicShare) / 7) * s.demand(area.spec.name, "public", day));
  for (let i = 0; i < nPublic; i++) flow.refer(area, PUBLIC);
  for (let i = 0; i < nPrivate; i++) flow.refer(area, WTFH);
}

function resetTotals(area: AreaState): void {
  const t = area.totals;
  t.hubExits = 0; t.forced = 0; t.dutyAllocations = 0; t.extendedFilings = 0; t.reviewHours = 0; t.weeksActive = 0; t.activations = 0;
  t.hubWaits.reset();
  t.allocationWaits.reset();
}
