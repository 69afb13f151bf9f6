import { RandomStreams, Simulation, type Rng } from "../kernel/index.js";
import { CaseStore } from "./case-store.js";
import { Caseloads } from "./caseloads.js";
import { addDays, monthOfDays } from "./calendar.js";
import { demandMultiplier, type DemandMultiplier } from "./demand.js";
import { periodMultiplier } from "./periods.js";
import { CLOSED, type Fca } from "./fca-store.js";
import { RoomHeaps } from "./room-heap.js";
import type { ProtocolStatus } from "./protocol-machine.js";
import { areaProtocol, type Area, type Protocol, type Scenario } from "./scenario/index.js";
import { areaPosts, type AreaPosts } from "./area-posts.js";
import { staffedOpenCases, steadyStateOpenCases } from "./steady-state.js";
import { caseWeights, placeWeeksPerCase } from "./caseload.js";
import { WaitLog } from "./wait-log.js";

/** Per-area running totals for one replication. */
export interface AreaTotals {
  referred: number;
  closed: number;
  /** Cafcass Plus cases whose FCA work is under way (held or awaiting an FCA; not referrals). */
  plusOpen: number;
  /** Open public law cases, and this week's public law closures: all, those over 26 weeks, and their durations in days. */
  publicOpen: number;
  weekPublicClosures: number;
  weekPublicOver26: number;
  weekPublicDays: number;
  weekReferrals: number;
  weekClosures: number;
  weekHubExits: number;
  weekForced: number;
  hubExits: number;
  forced: number;
  /** Cases allocated over the limit after the longest hold on duty. */
  dutyAllocations: number;
  extendedFilings: number;
  reviewHours: number;
  weeksActive: number;
  activations: number;
  /** Time held in the hub by cases leaving it (and, at the horizon, by those still held). */
  readonly hubWaits: WaitLog;
  /** Time waiting for an FCA outside a hub, by cases allocated (and, at the horizon, by those still waiting). */
  readonly allocationWaits: WaitLog;
}

/** An area's recruitment pipeline: posts whose campaign is done, waiting for a start slot, and the slots in hand. */
export interface Recruitment {
  readonly ready: number[];
  credit: number;
  /** Start slots gained a week per open post (the most that can be saved up is a month's). */
  readonly perPostWeek: number;
  /** Posts in the establishment (not closed), kept as posts open and close. */
  openPosts: number;
}

/** One area's live state in a replication. */
export interface AreaState extends AreaPosts {
  readonly index: number;
  readonly spec: Area;
  /** The open-cases trigger's baseline. */
  readonly baseline: number;
  /** The national protocol with this area's overrides. */
  readonly rules: Protocol;
  /** Duration multipliers here. */
  readonly publicMultiplier: number;
  readonly furtherMultiplier: number;
  /** Load-weeks one long-term case takes on average here: allocation capacity a week = working places ÷ this. */
  readonly placeWeeksPerCase: number;
  /** Cases waiting for a short-term FCA (work to first hearing). */
  stQueue: number[];
  /** Cases waiting for a long-term FCA: the unallocated queue, held on duty by service managers. */
  ltQueue: number[];
  /** Cases held in the allocation hub. */
  hub: number[];
  protocol: ProtocolStatus;
  readonly recruitment: Recruitment;
  readonly totals: AreaTotals;
  readonly rng: {
    readonly private: Rng; readonly public: Rng; readonly mix: Rng; readonly publicDuration: Rng; readonly furtherDuration: Rng;
    /** Which team a case belongs to (Cafcass Plus work: its own stream); which FCA of the team takes it; recruitment times. */
    readonly team: Rng; readonly plusTeam: Rng; readonly allocate: Rng; readonly recruit: Rng;
  };
}

/** Everything one replication works on. */
export interface ModelState {
  readonly sim: Simulation;
  /** Domain events so far (and, as `reviews`, the scheduled checks: FCA weekly reviews, daily allocation passes, weekly protocol checks): referrals, first hearings, allocations, hub entries and exits, closures, absences, returns, leavers, starters. */
  readonly counts: { events: number; reviews: number };
  readonly scenario: Scenario;
  readonly streams: RandomStreams;
  readonly cases: CaseStore;
  readonly fcas: Fca[];
  /** The ids of the cases each post holds. */
  readonly caseloads: Caseloads;
  readonly fcaRng: Rng[];
  readonly areas: AreaState[];
  /** Each post's effective cap in load units, as of the last `computeCaps`. */
  readonly caps: Float64Array;
  /** The allocation policy's settings as the hot path uses them: how far over the cap each reach goes, days before cross-team and forced duty allocation. */
  readonly allocation: { readonly byTeam: boolean; readonly urgentOver: number; readonly lessUrgentOver: number; readonly crossTeamDays: number; readonly dutyDays: number; readonly balance: number };
  /** Load each case kind adds to its FCA (1 each when caseloads are counted). */
  readonly weights: Float64Array;
  /** Posts whose cap may still change (ramping up or just refilled), and a flag per post for membership. */
  readonly ramping: number[];
  readonly isRamping: Uint8Array;
  /** The working posts of each area and team by room under the cap. */
  readonly rooms: RoomHeaps;
  /** Simulated days before the scenario's start date. */
  readonly warmupDays: number;
  readonly totalDays: number;
  readonly demand: DemandMultiplier;
  /** Sickness-wave multiplier on a simulated day. */
  readonly sicknessWave: (day: number) => number;
  /** Court slowdown multiplier on case durations for a case referred on a simulated day. */
  readonly slowdown: (day: number) => number;
}

/** Builds a replication's initial state: posts, streams and empty queues (cases come later). */
export function createModelState(scenario: Scenario, warmupWeeks: number, seed: number, replication: number): ModelState {
  const warmupDays = warmupWeeks * 7, totalDays = warmupDays + scenario.horizonWeeks * 7;
  const streams = new RandomStreams(seed, replication);
  const fcas: Fca[] = [], fcaRng: Rng[] = [];
  const weights = caseWeights(scenario);
  const areas = scenario.areas.map((spec, index): AreaState => {
    const posts = areaPosts(scenario, index, fcas, fcaRng, streams);
    const stream = (what: string): Rng => streams.stream(`${what}/${spec.name}`);
    const open = [...posts.longTerm, ...posts.shortTerm].filter((f) => fcas[f]!.state !== CLOSED).length;
    return {
      ...posts, index, spec, baseline: spec.baselineOpenCases ?? staffedOpenCases(scenario, index),
      rules: areaProtocol(scenario.protocol, spec.protocol),
      publicMultiplier: spec.durations.publicMultiplier, furtherMultiplier: spec.durations.furtherWorkMultiplier,
      placeWeeksPerCase: placeWeeksPerCase(scenario, index, weights),
      stQueue: [], ltQueue: [], hub: [],
      protocol: { state: areaProtocol(scenario.protocol, spec.protocol).enabled ? (spec.initial?.protocolState ?? "normal") : "normal", weeksInState: 0, streak: 0 },
      recruitment: { ready: [], credit: 0, perPostWeek: scenario.national.workforce.recruitment.maxHiresPerYear / 52.18, openPosts: open },
      totals: emptyTotals(),
      rng: {
        private: streams.stream(`demand/${spec.name}/private`), public: streams.stream(`demand/${spec.name}/public`),
        mix: stream("mix"), publicDuration: streams.stream(`duration/${spec.name}/public`), furtherDuration: streams.stream(`duration/${spec.name}/further`),
        team: stream("team"), plusTeam: stream("team-plus"), allocate: stream("allocate"), recruit: stream("recruit"),
      },
    };
  });
  const months = monthOfDays(addDays(scenario.startDate, -warmupDays), totalDays + 1);
  const { national, startDate } = scenario;
  const caps = new Float64Array(fcas.length), open = expectedOpenCases(scenario);
  return {
    // Every open case and post has an event pending, and cancelled ones linger in the heap a while.
    sim: new Simulation(0, 2 * (open + fcas.length)), counts: { events: 0, reviews: 0 }, scenario, streams, cases: new CaseStore(open), fcas, caseloads: new Caseloads(fcas.length), fcaRng, areas, warmupDays, totalDays,
    demand: demandMultiplier(scenario, months, warmupDays), caps, weights, allocation: allocationSettings(scenario),
    ramping: fcas.map((_, f) => f), isRamping: new Uint8Array(fcas.length).fill(1), rooms: new RoomHeaps(fcas, caps, areas.length * 2),
    sicknessWave: periodMultiplier(national.workforce.sickness.waves, startDate, warmupDays),
    slowdown: periodMultiplier(national.durations.slowdowns, startDate, warmupDays),
  };
}

function allocationSettings(scenario: Scenario): ModelState["allocation"] {
  const a = scenario.national.workforce.allocation;
  return { byTeam: a.policy === "team", urgentOver: a.urgentLimitShare - 1, lessUrgentOver: a.lessUrgentLimitShare - 1, crossTeamDays: a.crossTeamAfterWeeks * 7, dutyDays: a.dutyMaxWeeks * 7, balance: a.balance };
}

/** Roughly how many cases will be open at once: the steady state plus a margin, so the case store seldom grows. */
function expectedOpenCases(scenario: Scenario): number {
  return 1.25 * scenario.areas.reduce((n, a) => n + steadyStateOpenCases(a, scenario.national) * scenario.national.demand.multiplier, 0) + 1024;
}

function emptyTotals(): AreaTotals {
  return {
    referred: 0, closed: 0, plusOpen: 0, publicOpen: 0, weekPublicClosures: 0, weekPublicOver26: 0, weekPublicDays: 0, weekReferrals: 0, weekClosures: 0, weekHubExits: 0, weekForced: 0, hubExits: 0, forced: 0, dutyAllocations: 0,
    extendedFilings: 0, reviewHours: 0, weeksActive: 0, activations: 0, hubWaits: new WaitLog(false), allocationWaits: new WaitLog(true),
  };
}
