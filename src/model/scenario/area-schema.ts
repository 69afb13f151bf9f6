import { z } from "zod";
import { isoDate, nonNegative, openCount, positive, weeklyDemand, weeks } from "./common.js";
import { protocolOverridesSchema } from "./protocol-schema.js";

/** Today's backlog in one area, as aggregate counts (calibration §2.1, §8.8). */
export const areaInitialSchema = z.strictObject({
  /** Public law cases open and allocated: each has run part of its course (length-biased duration, age uniform within it). */
  openPublic: openCount.default(0),
  /** Private cases in work to first hearing (short-term teams). */
  openWtfh: openCount.default(0),
  /** Private further-work cases open and allocated. */
  openFurtherWork: openCount.default(0),
  /** Further-work cases waiting for an FCA outside any hub. */
  awaitingAllocation: openCount.default(0),
  /** Cases held in the area's allocation hub, and how long they have been held (weeks, spread evenly up to this). */
  inHub: openCount.default(0),
  hubMaxWeeksHeld: weeks.default(0),
  /** Protocol state at the start. */
  protocolState: z.enum(["normal", "lead-in", "hub-active", "winding-down"]).default("normal"),
  /** Long-term FCAs absent on long-term sickness at the start; when absent, every post is drawn at the steady shares of sickness and vacancy. */
  fcasLongSick: nonNegative.int().max(5000).optional(),
  /** Long-term posts vacant at the start (recruitment to them has just begun); when absent, drawn at the steady share. */
  vacantPosts: nonNegative.int().max(5000).optional(),
});

/**
 * A dated change to an area's staffing: `fte` posts added (or, negative, taken away) from `from`.
 * "recruit": the posts open as vacancies and fill through the recruitment pipeline (a recruitment drive);
 * "start": new starters arrive on the date and ramp up; "transfer": experienced FCAs arrive at full cap
 * (a team moved in). Posts taken away (whole posts, nearest the FTE given) hand their cases back to
 * the unallocated queue and are not refilled.
 */
export const staffingChangeSchema = z.strictObject({
  from: isoDate,
  /** Posts added (negative: cut); 0 changes nothing, so a sweep or search over it can start from none. */
  fte: z.number().finite().min(-5000).max(5000),
  team: z.enum(["long-term", "short-term"]).default("long-term"),
  how: z.enum(["recruit", "start", "transfer"]).default("recruit"),
  /** What the change is, for reports (e.g. "recruitment drive"). */
  note: z.string().max(200).optional(),
});

/** One open case of today's backlog, as a row of `--initial cases.csv`. */
export const initialCaseSchema = z.strictObject({
  area: z.string().min(1),
  kind: z.enum(["public", "wtfh", "further"]),
  /** P1–P4; public law is always P1. */
  tier: z.number().int().min(1).max(4),
  weeksOpen: nonNegative.max(520),
  status: z.enum(["allocated", "awaiting", "hub"]),
  weeksInHub: nonNegative.max(520).default(0),
});

export type InitialCase = z.output<typeof initialCaseSchema>;
export type StaffingChange = z.output<typeof staffingChangeSchema>;

/** One Cafcass service area (calibration §1.6, §8.1, §8.4). */
export const areaSchema = z.strictObject({
  name: z.string().min(1),
  /** Weekly referrals before seasonality, trend and shocks (§8.1 per-area table). */
  demand: z.strictObject({
    /** At most 5,000 a week (about five times England's national demand). */
    privatePerWeek: weeklyDemand,
    publicPerWeek: weeklyDemand,
  }),
  /** Case-holding FCA FTE (§8.4: 1,400 nationally, pro rata to the 2016 counts of §1.6). */
  fca: z.strictObject({
    longTermFte: nonNegative.max(5000),
    shortTermFte: nonNegative.max(5000),
  }),
  /** Caseload caps for this area's teams, overriding the national `workforce` caps. */
  caps: z.strictObject({ longTerm: positive.max(100).optional(), shortTerm: positive.max(200).optional() }).optional(),
  /**
   * The area's baseline of open active cases for the "open-cases" trigger; default: the open cases its
   * establishment carries at the national workload per FTE, so chronic under-staffing shows as pressure.
   */
  baselineOpenCases: positive.max(1_000_000).optional(),
  /** Multipliers on the national durations here (§2.2: London's care proceedings ran 58 weeks against 41 nationally). */
  durations: z.strictObject({
    publicMultiplier: positive.max(5).default(1),
    furtherWorkMultiplier: positive.max(5).default(1),
  }).prefault({}),
  /** Overrides of any national protocol threshold in this area. */
  protocol: protocolOverridesSchema.optional(),
  /** Dated staffing changes (recruitment drives, teams moved, posts cut). */
  staffing: z.array(staffingChangeSchema).max(100).default([]),
  /** Family courts (DFJ areas) the area serves (§1.6: 1–4). */
  courts: z.number().int().min(1).max(20).default(2),
  initial: areaInitialSchema.optional(),
});

export type AreaInput = z.input<typeof areaSchema>;
export type Area = z.output<typeof areaSchema>;
