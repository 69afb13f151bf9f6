import { RandomStreams, Simulation, Tally, type Rng } from "../kernel/index.js";
import { CaseStore } from "./case-store.js";
import { addDays, monthOfDays } from "./calendar.js";
import { demandMultiplier, type DemandMultiplier } from "./demand.js";
import { periodMultiplier } from "./periods.js";
import { LONG_TERM, SHORT_TERM, teamPosts, VACANT, type Fca } from "./fca-store.js";
import { RoomHeaps } from "./room-heap.js";
import type { ProtocolStatus } from "./protocol-machine.js";
import type { Area, Scenario } from "./scenario/index.js";
import { steadyStateOpenCases } from "./steady-state.js";

/** Hub waits are histogrammed by day up to this many days (longer waits land in the last bin). */
export const WAIT_BINS = 1096;

/** Per-area running totals for one replication. */
export interface AreaTotals {
  referred: number;
  closed: number;
  /** Cafcass Plus cases whose FCA work is under way (held or awaiting an FCA; not referrals). */
  plusOpen: number;
  weekReferrals: number;
  weekClosures: number;
  weekHubExits: number;
  weekForced: number;
  hubExits: number;
  forced: number;
  extendedFilings: number;
  reviewHours: number;
  weeksActive: number;
  activations: number;
  readonly hubWaits: Tally;
  readonly hubWaitHistogram: Uint32Array;
}

/** One area's live state in a replication. */
export interface AreaState {
  readonly index: number;
  readonly spec: Area;
  readonly baseline: number;
  readonly longTerm: number[];
  readonly shortTerm: number[];
  /** Cases waiting for a short-term FCA (work to first hearing). */
  stQueue: number[];
  /** Cases waiting for a long-term FCA. */
  ltQueue: number[];
  /** Cases held in the allocation hub. */
  hub: number[];
  protocol: ProtocolStatus;
  readonly totals: AreaTotals;
  readonly rng: { readonly private: Rng; readonly public: Rng; readonly mix: Rng; readonly publicDuration: Rng; readonly furtherDuration: Rng };
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
  readonly fcaRng: Rng[];
  readonly areas: AreaState[];
  /** Each post's effective cap, as of the last `computeCaps`. */
  readonly caps: Float64Array;
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
  const firstDate = addDays(scenario.startDate, -warmupDays);
  const fcas: Fca[] = [], fcaRng: Rng[] = [];
  const areas = scenario.areas.map((spec, index): AreaState => {
    const post = (team: number, fte: number, agency: boolean): number[] => teamPosts(index, team, fte, agency, -1e9).map((f, k) => {
      if (agency) f.state = VACANT;
      fcaRng.push(streams.stream(`fca/${spec.name}/${team === LONG_TERM ? "lt" : "st"}${agency ? "-agency" : ""}/${k}`));
      return fcas.push(f) - 1;
    });
    const scale = scenario.national.workforce.fteMultiplier;
    const agencyFte = spec.fca.longTermFte * scale * scenario.national.workforce.agency.share;
    return {
      index, spec, baseline: spec.baselineOpenCases ?? steadyStateOpenCases(spec, scenario.national),
      longTerm: [...post(LONG_TERM, spec.fca.longTermFte * scale, false), ...post(LONG_TERM, agencyFte, true)],
      shortTerm: post(SHORT_TERM, spec.fca.shortTermFte * scale, false),
      stQueue: [], ltQueue: [], hub: [],
      protocol: { state: scenario.protocol.enabled ? (spec.initial?.protocolState ?? "normal") : "normal", weeksInState: 0, streak: 0 },
      totals: emptyTotals(),
      rng: {
        private: streams.stream(`demand/${spec.name}/private`), public: streams.stream(`demand/${spec.name}/public`),
        mix: streams.stream(`mix/${spec.name}`),
        publicDuration: streams.stream(`duration/${spec.name}/public`), furtherDuration: streams.stream(`duration/${spec.name}/further`),
      },
    };
  });
  const months = monthOfDays(firstDate, totalDays + 1);
  const demand = demandMultiplier(scenario, months, warmupDays);
  const { national, startDate } = scenario;
  const caps = new Float64Array(fcas.length);
  return {
    sim: new Simulation(), counts: { events: 0, reviews: 0 }, scenario, streams, cases: new CaseStore(), fcas, fcaRng, areas, warmupDays, totalDays, demand,
    caps, ramping: fcas.map((_, f) => f), isRamping: new Uint8Array(fcas.length).fill(1), rooms: new RoomHeaps(fcas, caps, areas.length * 2),
    sicknessWave: periodMultiplier(national.workforce.sickness.waves, startDate, warmupDays),
    slowdown: periodMultiplier(national.durations.slowdowns, startDate, warmupDays),
  };
}

function emptyTotals(): AreaTotals {
  return {
    referred: 0, closed: 0, plusOpen: 0, weekReferrals: 0, weekClosures: 0, weekHubExits: 0, weekForced: 0, hubExits: 0, forced: 0,
    extendedFilings: 0, reviewHours: 0, weeksActive: 0, activations: 0, hubWaits: new Tally(), hubWaitHistogram: new Uint32Array(WAIT_BINS),
  };
}
