import { z } from "zod";
import { isoDate, nonNegative, positive } from "./common.js";

/**
 * How caseloads are counted (§8.4): plain case counts against the caps (Cafcass's measure, "20 or more"),
 * or weighted units (the 2006 workload equivalence: public 2.6, s7 1, WTFH 0.35) against a cap in units.
 */
export const caseloadSchema = z.strictObject({
  measure: z.enum(["count", "weighted"]).default("count"),
  weights: z.strictObject({
    public: positive.max(20).default(2.6),
    furtherWork: positive.max(20).default(1),
    /** Cafcass Plus work holds a place like a public law case (the same hours a week, plus-schema.ts) [A]. */
    plus: positive.max(20).default(2.6),
  }).prefault({}),
  /** A full-time long-term FCA's cap in units when `measure` is "weighted" (§8.4: 26). */
  weightedLongTermCap: positive.max(500).default(26),
});

/**
 * Who gets a case (domain.md; seed 002). A case may take an FCA below its limit: the cap ×
 * `urgentLimitShare` for public law and urgent private law (P1/P2), × `lessUrgentLimitShare` for
 * less urgent cases (P3/P4), and room under the cap itself for a case released from a hub. "team"
 * (default): each case belongs to a team of its area (drawn in proportion to the team's open posts);
 * the team gives it to one of its FCAs below the limit, chosen with weight (room)^`balance` (so
 * caseloads differ as real FCAs' do); a team with nobody below it passes P1/P2 at once, and P3/P4
 * after `crossTeamAfterWeeks`, to the area's roomiest FCA if that one is below the limit.
 * "roomiest": always the area's roomiest FCA (perfectly balanced caseloads). Cases that find nobody
 * wait unallocated, held on duty by service managers, for at most `dutyMaxWeeks`; then the roomiest
 * FCA takes them whatever the caseload. "At or over the cap" in reports counts caseloads against the
 * nominal cap × FTE (Cafcass's 20 or more); stress counts them against the FCA's own cap.
 */
export const allocationSchema = z.strictObject({
  policy: z.enum(["team", "roomiest"]).default("team"),
  /** Long-term FCAs per team (§1.6: 110 teams in 2006, about 10 FCAs each) [A]. */
  teamSize: z.number().int().min(1).max(500).default(10),
  /** P1/P2 cases may take an FCA up to this multiple of the cap (§3.2: 25+ flagged, 5.5–8.4% of FCAs hold 25 or more) [A]. */
  urgentLimitShare: z.number().finite().min(1).max(5).default(1.25),
  /**
   * How far the choice within a team favours FCAs with more room: each FCA below the limit is chosen with
   * weight (room)^balance, so 0 is blind to caseloads and large values always pick the roomiest [A].
   */
  balance: nonNegative.max(20).default(2),
  /**
   * FCAs differ in how much they can hold (experience, hours, case mix): each long-term post holder's cap is
   * the team cap × a lognormal factor with mean 1 and this CV, fitted to the spread of caseloads in §3.2 [A].
   */
  capacitySpread: nonNegative.max(1).default(0.1),
  /**
   * Weeks a P3/P4 case waits for an FCA of its own team before a service manager allocates it to another
   * team of the area (P1/P2 cross at once). Teams serve their own courts, so less urgent work is not
   * moved at once (seed 002: unallocated work is held on duty by service managers) [A].
   */
  crossTeamAfterWeeks: nonNegative.max(104).default(4),
  /**
   * P3/P4 cases take an FCA only up to this multiple of the cap; beyond it they wait unallocated. §3.2:
   * FCAs routinely hold more than 20 (35–42% do) but few 25 or more (5.5–8.4%; "25+ flagged", §8.4).
   * Holding P3/P4 back at the cap itself is what the protocol's hub does: released cases take room under the cap only.
   */
  lessUrgentLimitShare: z.number().finite().min(0.5).max(5).default(1.25),
  /**
   * The longest a case is held unallocated on duty (outside a hub) before a service manager allocates it to
   * the roomiest FCA whatever the caseload. Holding work back for longer is what the protocol's hub sanctions
   * (up to its maximum hold); without it, cases wait weeks, not months (§3.6: up to 40 days for care cases in 2009) [A].
   */
  dutyMaxWeeks: nonNegative.max(104).default(8),
});

/**
 * The recruitment pipeline (§3.4, §8.4). A vacancy starts a campaign (none starts during a freeze;
 * frozen ones start when it ends); the time to fill it is lognormal; and an area can take on at most
 * `maxHiresPerYear` × its posts new starters a year, so a backlog of vacancies refills over months.
 */
export const recruitmentSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /**
   * Mean weeks from vacancy to start. §8.4 assumes 16 (10–26), but with 15% attrition that leaves only 4.4% of
   * posts vacant against the published 8–12% (§3.4); renewal balance gives 32 weeks for 8.5% [A]. A mean, so
   * it need not be whole (calibration draws it from a continuous prior).
   */
  delayWeeks: nonNegative.max(1040).default(32),
  /** Coefficient of variation of the time to fill. */
  delayCv: nonNegative.max(3).default(0.5),
  /** Most starters an area can take on a year, as a share of its posts (twice the 15% attrition) [A]. */
  maxHiresPerYear: positive.max(5).default(0.3),
  /** No recruitment campaign starts between these dates (a recruitment freeze). */
  freezeFrom: isoDate.optional(),
  freezeTo: isoDate.optional(),
});
