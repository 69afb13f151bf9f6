import { z } from "zod";
import { nonNegative, positive, weeks } from "./common.js";

/** Today's backlog in one area, as aggregate counts (calibration §2.1, §8.8). */
export const areaInitialSchema = z.strictObject({
  /** Public law cases open and allocated, with the weeks they have already run drawn uniformly up to `publicMaxWeeksOpen`. */
  openPublic: nonNegative.int().default(0),
  /** Private cases in work to first hearing (short-term teams). */
  openWtfh: nonNegative.int().default(0),
  /** Private further-work cases open and allocated. */
  openFurtherWork: nonNegative.int().default(0),
  /** Further-work cases waiting for an FCA outside any hub. */
  awaitingAllocation: nonNegative.int().default(0),
  /** Cases held in the area's allocation hub, and how long they have been held (weeks, spread evenly up to this). */
  inHub: nonNegative.int().default(0),
  hubMaxWeeksHeld: weeks.default(0),
  /** Protocol state at the start. */
  protocolState: z.enum(["normal", "lead-in", "hub-active", "winding-down"]).default("normal"),
  /** FCAs absent on long-term sickness at the start. */
  fcasLongSick: nonNegative.int().default(0),
  /** Long-term posts vacant at the start (recruitment to them has just begun). */
  vacantPosts: nonNegative.int().default(0),
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

/** One Cafcass service area (calibration §1.6, §8.1, §8.4). */
export const areaSchema = z.strictObject({
  name: z.string().min(1),
  /** Weekly referrals before seasonality, trend and shocks (§8.1 per-area table). */
  demand: z.strictObject({
    privatePerWeek: nonNegative,
    publicPerWeek: nonNegative,
  }),
  /** Case-holding FCA FTE (§8.4: 1,400 nationally, pro rata to the 2016 counts of §1.6). */
  fca: z.strictObject({
    longTermFte: nonNegative.max(5000),
    shortTermFte: nonNegative.max(5000),
  }),
  /** Caseload caps for this area's teams, overriding the national `workforce` caps. */
  caps: z.strictObject({ longTerm: positive.max(100).optional(), shortTerm: positive.max(200).optional() }).optional(),
  /** The area's baseline of open active cases for the protocol's trigger ratio; default: the steady state implied by demand and durations. */
  baselineOpenCases: positive.optional(),
  /** Family courts (DFJ areas) the area serves (§1.6: 1–4). */
  courts: z.number().int().min(1).max(20).default(2),
  initial: areaInitialSchema.optional(),
});

export type AreaInput = z.input<typeof areaSchema>;
export type Area = z.output<typeof areaSchema>;
