import type { z } from "zod";

/** Why a bound is where it is, by field name, for the fields a user most often meets at their limit. */
const REASONS: Readonly<Record<string, string>> = {
  horizonWeeks: "20 years",
  warmupWeeks: "10 years",
  replications: "more would take days; use --precision to stop when the answer is precise enough",
  privatePerWeek: "about five times England's national demand",
  publicPerWeek: "about five times England's national demand",
  openPublic: "ten times England's whole open caseload",
  openWtfh: "ten times England's whole open caseload",
  openFurtherWork: "ten times England's whole open caseload",
  awaitingAllocation: "ten times England's whole open caseload",
  inHub: "ten times England's whole open caseload",
  longTermFte: "three times England's case-holding FCAs",
  shortTermFte: "three times England's case-holding FCAs",
  areas: "England has about 20 service areas",
  initialCases: "fifty times England's open caseload",
};

/** A dotted path as users write it: areas[0].demand.privatePerWeek. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the scenario";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

const number = (x: number | bigint): string => (typeof x === "bigint" ? x.toLocaleString("en-GB") : Math.abs(x) >= 1000 ? x.toLocaleString("en-GB", { maximumFractionDigits: 6 }) : String(x));

const TYPES: Readonly<Record<string, string>> = {
  number: "a number", int: "a whole number", string: "text", boolean: "true or false", object: "an object ({…})", array: "a list ([…])", record: "an object ({…})",
};

/** What was given, in a word or two: never the value itself beyond a short number (so no file content is echoed). */
function received(issue: z.core.$ZodIssue): string {
  const m = /received (\w+)/.exec(issue.message);
  return m === null ? "" : `, not ${m[1] === "undefined" ? "missing" : m[1]}`;
}

function bound(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, field: string): string {
  const big = issue.code === "too_big";
  const limit = big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum;
  const reason = big && REASONS[last(issue.path)] !== undefined ? ` (${REASONS[last(issue.path)]})` : "";
  if (issue.origin === "array" || issue.origin === "set") return `${field} must have ${big ? "at most" : "at least"} ${number(limit)} item${limit === 1 ? "" : "s"}${reason}`;
  if (issue.origin === "string") return Number(limit) === 1 && !big ? `${field} must not be empty` : `${field} must be ${big ? "at most" : "at least"} ${number(limit)} characters long`;
  const inclusive = issue.inclusive !== false;
  const words = big ? (inclusive ? "at most" : "below") : inclusive ? "at least" : "above";
  return `${field} must be ${words} ${number(limit)}${reason}`;
}

const last = (path: readonly PropertyKey[]): string => {
  const named = path.filter((p) => typeof p === "string");
  return String(named[named.length - 1] ?? "");
};

/** One zod issue as a sentence about its field, e.g. "horizonWeeks must be at most 1,040 (20 years)": the single formatter of schema problems. */
export function issueText(issue: z.core.$ZodIssue): string {
  const field = formatPath(issue.path);
  switch (issue.code) {
    case "too_big":
    case "too_small":
      return bound(issue, field);
    case "invalid_type":
      if (/received undefined/.test(issue.message)) return `${field} is missing (${TYPES[issue.expected] ?? issue.expected})`;
      if (issue.expected === "int" && /received number/.test(issue.message)) return `${field} must be a whole number`;
      return `${field} must be ${TYPES[issue.expected] ?? issue.expected}${received(issue)}`;
    case "invalid_value":
      return `${field} must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`}`;
    case "unrecognized_keys":
      return `${field} has ${issue.keys.length > 1 ? "unknown keys" : "an unknown key"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "not_multiple_of":
      return `${field} must be a multiple of ${number(issue.divisor)}`;
    case "invalid_format":
      return `${field}: ${issue.message.startsWith("Invalid") ? `must be ${issue.format}` : issue.message}`;
    default:
      return issue.path.length === 0 ? issue.message : `${field}: ${issue.message}`;
  }
}

/** An issue as a short complaint after its field has been named: a refinement's own words, else the sentence. */
export function schemaComplaint(issue: z.core.$ZodIssue): string {
  return issue.code === "custom" ? issue.message : issueText(issue);
}

/** A problem found in input, as data: zod's code, where (a dotted path) and what (a sentence naming the field). */
export interface InputIssue {
  readonly code: string;
  readonly path: string;
  /** The whole sentence, field first: "horizonWeeks must be at most 1,040 (20 years)". */
  readonly message: string;
}

/** zod's issues as data, each sentence once (zod can report one bound twice: an integer's safe range and its max). */
export function inputIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const all = issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: issueText(i) }));
  return all.filter((i, k) => all.findIndex((j) => j.message === i.message) === k);
}

/** The one formatter of issues as text: the first `limit` sentences joined by `separator`, saying how many more were left out. */
export function issuesText(issues: readonly InputIssue[], options: { readonly limit?: number; readonly separator?: string } = {}): string {
  const { limit = Infinity, separator = "; " } = options;
  const more = issues.length - limit;
  return issues.slice(0, limit).map((i) => i.message).join(separator) + (more > 0 ? `${separator}and ${more} more` : "");
}
