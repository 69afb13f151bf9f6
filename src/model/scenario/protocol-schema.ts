import { z } from "zod";
import { nonNegative, positive, share, weeks } from "./common.js";

/** What the protocol's trigger and release watch: held work against capacity (seed 002), or open cases against a baseline. */
export const TRIGGER_MEASURES = ["unallocated", "open-cases"] as const;

/** Each threshold's type and default; national values take the defaults, per-area overrides take none. */
const FIELDS = {
  enabled: [z.boolean(), true],
  /**
   * "unallocated" (default, seed 002: prioritisation is considered when the capacity to allocate is
   * compromised): cases waiting for an FCA outside the hub plus cases held in it, in weeks of the area's
   * allocation capacity. "open-cases": open active cases ÷ the area's baseline (§8.5's descriptive ratio).
   */
  trigger: [z.enum(TRIGGER_MEASURES), "unallocated"],
  /** Unallocated work at or above this many weeks of allocation capacity counts a trigger week [A]. */
  triggerUnallocatedWeeks: [positive.max(104), 3],
  /** Open active cases ÷ baseline at or above which a week counts, when `trigger` is "open-cases" (§8.5: 1.20). */
  triggerRatio: [positive.max(5), 1.2],
  triggerWeeks: [z.number().int().min(1).max(52), 4],
  /** The caseload condition: average long-term caseload above this… */
  triggerAverageCaseload: [nonNegative.max(100), 20],
  /** …or more than this share of long-term FCAs at or above their cap (Cafcass counts 20 or more, §3.2). */
  triggerShareOverCap: [share, 0.4],
  leadInWeeks: [weeks.max(52), 7],
  maxHoldWeeks: [z.number().int().min(1).max(104), 20],
  /** Forced allocation when the (extended) filing date is this close. */
  filingMarginWeeks: [weeks.max(52), 8],
  /** Filing timescale agreed with the court for hub cases, in weeks after the order. */
  extendedFilingWeeks: [positive.max(104), 28],
  /** Held work (unallocated + hub) at or below this many weeks of capacity counts a calm week [A]. */
  releaseUnallocatedWeeks: [nonNegative.max(104), 0.5],
  /** Open cases ÷ baseline at or below which a week is calm, when `trigger` is "open-cases" (§8.5: 1.10). */
  releaseRatio: [positive.max(5), 1.1],
  releaseAverageCaseload: [nonNegative.max(100), 20],
  releaseWeeks: [z.number().int().min(1).max(104), 8],
  windDownWeeks: [weeks.max(52), 4],
  /** Practice-supervisor hours per hub case per fortnightly review. */
  reviewHoursPerFortnight: [nonNegative.max(40), 0.5],
} as const;

type Fields = typeof FIELDS;
type WithDefaults = { [K in keyof Fields]: z.ZodDefault<Fields[K][0]> };
type Optional = { [K in keyof Fields]: z.ZodOptional<Fields[K][0]> };

const withDefaults = Object.fromEntries(Object.entries(FIELDS).map(([k, [type, value]]) => [k, (type as z.ZodType).default(value as never)])) as unknown as WithDefaults;
const optional = Object.fromEntries(Object.entries(FIELDS).map(([k, [type]]) => [k, (type as z.ZodType).optional()])) as unknown as Optional;

/** The prioritisation protocol's thresholds (domain.md; calibration §4, §8.5), all tunable. */
export const protocolSchema = z.strictObject(withDefaults).superRefine((p, ctx) => checkThresholds(p, ctx, []));

/** Per-area overrides of any protocol field (an area that differs from the national rules). */
export const protocolOverridesSchema = z.strictObject(optional);

export type Protocol = z.output<typeof protocolSchema>;
export type ProtocolOverrides = z.output<typeof protocolOverridesSchema>;

/** Adds an issue for every threshold pair that contradicts itself (release above trigger). */
export function checkThresholds(p: Protocol, ctx: z.RefinementCtx, path: readonly PropertyKey[]): void {
  if (p.releaseRatio > p.triggerRatio) ctx.addIssue({ code: "custom", path: [...path, "releaseRatio"], message: "releaseRatio must not exceed triggerRatio" });
  if (p.releaseUnallocatedWeeks > p.triggerUnallocatedWeeks) {
    ctx.addIssue({ code: "custom", path: [...path, "releaseUnallocatedWeeks"], message: "releaseUnallocatedWeeks must not exceed triggerUnallocatedWeeks" });
  }
}

/** The national thresholds with an area's overrides laid over them. */
export function areaProtocol(national: Protocol, overrides: ProtocolOverrides | undefined): Protocol {
  if (overrides === undefined) return national;
  return { ...national, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}
