import { median } from "d3-array";
import { PROTOCOL_STATES, TRANSITION_FIELDS, type ProtocolState } from "../model/index.js";
import type { Forecast } from "./forecast.js";

/** Fields of one transition record in a Forecast: the replication, then the model's TRANSITION_FIELDS. */
export const TRANSITION_RECORD = ["replication", ...TRANSITION_FIELDS] as const;
export type TransitionRecordField = (typeof TRANSITION_RECORD)[number];

/** The figures the protocol's rule saw in the week of a transition (or their medians across replications). */
export interface TransitionFigures {
  /** Cases waiting for an FCA outside the hub (long-term work), and held in it. */
  readonly awaiting: number;
  readonly hub: number;
  /** Both together in weeks of the area's allocation capacity. */
  readonly unallocatedWeeks: number;
  readonly averageCaseload: number;
  /** Share (0–1) of long-term FCAs at or above the cap. */
  readonly shareOverCap: number;
  /** Open cases ÷ the area's baseline. */
  readonly openRatio: number;
}

/** One protocol transition of one replication, with the figures the rule saw that week. */
export interface Transition extends TransitionFigures {
  readonly replication: number;
  /** Reporting week, 1-based. */
  readonly week: number;
  readonly area: number;
  readonly from: ProtocolState;
  readonly to: ProtocolState;
}

/** One kind of transition in one area across the replications: how often, when, and on what figures. */
export interface TransitionSummary {
  /** Replications in which it happened at least once (first occurrence counted). */
  readonly replications: number;
  /** Median (and 5th–95th centile) of the first week it happened, among those replications. */
  readonly medianWeek: number;
  readonly p5Week: number;
  readonly p95Week: number;
  /** Medians of the figures at the first occurrence. */
  readonly figures: TransitionFigures;
}

/** Why and when an area's protocol moved: the trigger firing (normal → lead-in), the hub opening and closing. */
export interface AreaProtocolHistory {
  readonly area: string;
  readonly replications: number;
  readonly triggered?: TransitionSummary;
  readonly opened?: TransitionSummary;
  readonly closed?: TransitionSummary;
}

/** The transitions of a forecast as records. */
export function transitionsOf(f: Forecast): Transition[] {
  const n = TRANSITION_RECORD.length, t = f.transitions, out: Transition[] = [];
  for (let i = 0; i + n <= t.length; i += n) {
    out.push({
      replication: t[i]!, week: t[i + 1]! + 1, area: t[i + 2]!, from: PROTOCOL_STATES[t[i + 3]!]!, to: PROTOCOL_STATES[t[i + 4]!]!,
      awaiting: t[i + 5]!, hub: t[i + 6]!, unallocatedWeeks: t[i + 7]!, averageCaseload: t[i + 8]!, shareOverCap: t[i + 9]!, openRatio: t[i + 10]!,
    });
  }
  return out;
}

/** For every area, when and why its protocol was triggered, its hub opened, and its hub closed, across the replications. */
export function protocolHistory(f: Forecast): AreaProtocolHistory[] {
  const all = transitionsOf(f);
  return f.shape.areas.map((area, index) => {
    const mine = all.filter((t) => t.area === index);
    const summary = (pick: (t: Transition) => boolean): TransitionSummary | undefined => summarise(mine.filter(pick));
    const triggered = summary((t) => t.from === "normal" && t.to !== "normal");
    const opened = summary((t) => t.to === "hub-active");
    // A hub that opened closes after it opened; one open from the start may close before any opening.
    const firstOpened = new Map<number, number>();
    for (const t of mine) if (t.to === "hub-active" && !firstOpened.has(t.replication)) firstOpened.set(t.replication, t.week);
    const closed = summary((t) => t.from !== "normal" && t.to === "normal" && t.week >= (firstOpened.get(t.replication) ?? 0));
    return {
      area, replications: f.plan.replications,
      ...(triggered === undefined ? {} : { triggered }), ...(opened === undefined ? {} : { opened }), ...(closed === undefined ? {} : { closed }),
    };
  });
}

function summarise(transitions: readonly Transition[]): TransitionSummary | undefined {
  const first = new Map<number, Transition>();
  for (const t of transitions) if (!first.has(t.replication)) first.set(t.replication, t);
  const ts = [...first.values()];
  if (ts.length === 0) return undefined;
  const mid = (pick: (t: Transition) => number): number => median(ts, pick) ?? NaN;
  const weeks = ts.map((t) => t.week).sort((a, b) => a - b);
  const at = (q: number): number => weeks[Math.min(weeks.length - 1, Math.max(0, Math.round(q * (weeks.length - 1))))]!;
  return {
    replications: ts.length, medianWeek: mid((t) => t.week), p5Week: at(0.05), p95Week: at(0.95),
    figures: {
      awaiting: mid((t) => t.awaiting), hub: mid((t) => t.hub), unallocatedWeeks: mid((t) => t.unallocatedWeeks),
      averageCaseload: mid((t) => t.averageCaseload), shareOverCap: mid((t) => t.shareOverCap), openRatio: mid((t) => t.openRatio),
    },
  };
}
