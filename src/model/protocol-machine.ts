import type { Protocol } from "./scenario/index.js";

/** The states of an area's prioritisation protocol, in order. */
export const PROTOCOL_STATES = ["normal", "lead-in", "hub-active", "winding-down"] as const;
export type ProtocolState = (typeof PROTOCOL_STATES)[number];

/** Where an area stands in the protocol: its state and the counters the rules need. */
export interface ProtocolStatus {
  readonly state: ProtocolState;
  /** Weeks since entering the state. */
  readonly weeksInState: number;
  /** Consecutive weeks the trigger (in normal) or release (in hub-active) condition has held. */
  readonly streak: number;
}

/** The weekly measures the protocol checks. */
export interface ProtocolMeasures {
  /** Open active cases ÷ the area's baseline. */
  readonly ratio: number;
  /** Cases waiting for an FCA outside the hub plus cases held in it, in weeks of the area's allocation capacity. */
  readonly unallocatedWeeks: number;
  readonly averageCaseload: number;
  /** Share of long-term FCAs in post at or above their cap. */
  readonly shareOverCap: number;
}

/** Whether this week's measures fire the trigger: work piling up (or open cases up) together with caseload pressure. */
export function isTriggered(m: ProtocolMeasures, p: Protocol): boolean {
  const piling = p.trigger === "open-cases" ? m.ratio >= p.triggerRatio : m.unallocatedWeeks >= p.triggerUnallocatedWeeks;
  return piling && (m.averageCaseload > p.triggerAverageCaseload || m.shareOverCap > p.triggerShareOverCap);
}

/** Whether this week is calm enough to count towards release. */
export function isCalm(m: ProtocolMeasures, p: Protocol): boolean {
  const eased = p.trigger === "open-cases" ? m.ratio <= p.releaseRatio : m.unallocatedWeeks <= p.releaseUnallocatedWeeks;
  return eased && m.averageCaseload <= p.releaseAverageCaseload;
}

/** Whether hub entry is open in this state (new P3/P4 further-work cases are held). */
export const holdsNewCases = (state: ProtocolState): boolean => state === "hub-active";

/**
 * One weekly check of the protocol state machine, normal → lead-in → hub-active →
 * winding-down → normal: a pure decision from the status, this week's measures and the thresholds.
 */
export function nextProtocolStatus(status: ProtocolStatus, m: ProtocolMeasures, p: Protocol): ProtocolStatus {
  const stay = (streak: number): ProtocolStatus => ({ state: status.state, weeksInState: status.weeksInState + 1, streak });
  const enter = (state: ProtocolState): ProtocolStatus => ({ state, weeksInState: 0, streak: 0 });
  if (!p.enabled) return status.state === "normal" ? stay(0) : enter("normal");
  switch (status.state) {
    case "normal": {
      const streak = isTriggered(m, p) ? status.streak + 1 : 0;
      if (streak < p.triggerWeeks) return stay(streak);
      return p.leadInWeeks === 0 ? enter("hub-active") : enter("lead-in");
    }
    case "lead-in":
      return status.weeksInState + 1 >= p.leadInWeeks ? enter("hub-active") : stay(0);
    case "hub-active": {
      const streak = isCalm(m, p) ? status.streak + 1 : 0;
      if (streak < p.releaseWeeks) return stay(streak);
      return p.windDownWeeks === 0 ? enter("normal") : enter("winding-down");
    }
    case "winding-down":
      return status.weeksInState + 1 >= p.windDownWeeks ? enter("normal") : stay(0);
  }
}
