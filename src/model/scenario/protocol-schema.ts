import { z } from "zod";
import { nonNegative, positive, share, weeks } from "./common.js";

/** The prioritisation protocol's thresholds (domain.md; calibration §4, §8.5), all tunable. */
export const protocolSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Open active cases ÷ baseline at or above which the trigger counts a week. */
  triggerRatio: positive.max(5).default(1.2),
  triggerWeeks: z.number().int().min(1).max(52).default(4),
  /** The caseload condition: average long-term caseload above this… */
  triggerAverageCaseload: nonNegative.max(100).default(20),
  /** …or more than this share of long-term FCAs above their cap. */
  triggerShareOverCap: share.default(0.4),
  leadInWeeks: weeks.max(52).default(7),
  maxHoldWeeks: z.number().int().min(1).max(104).default(20),
  /** Forced allocation when the (extended) filing date is this close. */
  filingMarginWeeks: weeks.max(52).default(8),
  /** Filing timescale agreed with the court for hub cases, in weeks after the order. */
  extendedFilingWeeks: positive.max(104).default(28),
  releaseRatio: positive.max(5).default(1.1),
  releaseAverageCaseload: nonNegative.max(100).default(20),
  releaseWeeks: z.number().int().min(1).max(104).default(8),
  windDownWeeks: weeks.max(52).default(4),
  /** Practice-supervisor hours per hub case per fortnightly review. */
  reviewHoursPerFortnight: nonNegative.max(40).default(0.5),
}).refine((p) => p.releaseRatio <= p.triggerRatio, { message: "releaseRatio must not exceed triggerRatio", path: ["releaseRatio"] });

export type Protocol = z.output<typeof protocolSchema>;
