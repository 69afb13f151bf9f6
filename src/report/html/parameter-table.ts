import { escapeHtml } from "./escape-html.js";

/** The scenario parameters a report lists, with their source in calibration.md (wording from the schema's comments; [A] = assumption). */
const PARAMETERS: readonly (readonly [string, string, string])[] = [
  ["national.demand.multiplier", "demand lever", "planner's lever"],
  ["national.demand.trendPerYear", "demand trend a year", "§8.1"],
  ["national.caseMix.privateFurtherWorkShare", "private cases needing further work", "§8.2 [A]"],
  ["national.caseMix.furtherWorkUrgentShare", "further work that is urgent (P2)", "§8.2 [A]"],
  ["national.durations.public.meanWeeks", "public law duration, mean weeks", "§8.3"],
  ["national.durations.wtfhWeeks", "work to first hearing, weeks", "§8.3"],
  ["national.durations.furtherWork.meanWeeks", "further work, mean weeks", "§8.3 [A]"],
  ["national.durations.filingWeeks", "s7 filing timescale, weeks", "§8.3"],
  ["national.workforce.fteMultiplier", "FTE lever", "planner's lever"],
  ["national.workforce.longTermCap", "long-term caseload cap", "§8.4, §3.2"],
  ["national.workforce.shortTermCap", "short-term caseload cap", "§8.4"],
  ["national.workforce.allocation.policy", "who gets a case: a team FCA with room (team) or the roomiest in the area", "domain.md, seed 002"],
  ["national.workforce.allocation.teamSize", "long-term FCAs per team", "§1.6 [A]"],
  ["national.workforce.allocation.urgentLimitShare", "P1/P2 may take an FCA up to this multiple of the cap", "§3.2 [A]"],
  ["national.workforce.allocation.lessUrgentLimitShare", "P3/P4 (and hub releases) only up to this multiple of the cap; beyond it they wait", "[A]"],
  ["national.workforce.allocation.balance", "how far the choice within a team favours FCAs with more room", "[A]"],
  ["national.workforce.allocation.capacitySpread", "CV of each FCA's own cap around the team cap", "§3.2 [A]"],
  ["national.workforce.sickness.shortPerFteYear", "short sickness episodes a year", "§8.4, §3.3 (tuned to 5.5%)"],
  ["national.workforce.sickness.longPerFteYear", "long sickness episodes a year", "§8.4 [A]"],
  ["national.workforce.attrition.perYear", "attrition a year", "§8.4, §3.4"],
  ["national.workforce.recruitment.delayWeeks", "recruitment: mean weeks from vacancy to start", "§8.4, §3.4 [A]"],
  ["national.workforce.recruitment.delayCv", "recruitment: CV of the time to fill", "[A]"],
  ["national.workforce.recruitment.maxHiresPerYear", "recruitment: most starters a year, share of posts", "[A]"],
  ["national.workforce.agency.share", "agency FTE, share of each area's FTE", "§8.4"],
  ["national.workforce.agency.startWeeks.min", "agency FCAs arrive from this many weeks…", "§8.4"],
  ["national.workforce.agency.startWeeks.max", "…to this many weeks after the start", "§8.4"],
  ["protocol.enabled", "prioritisation protocol on", "§4"],
  ["protocol.trigger", "trigger watches: unallocated work (unallocated) or open cases ÷ baseline (open-cases)", "seed 002; §8.5"],
  ["protocol.triggerUnallocatedWeeks", "trigger: unallocated + hub cases, weeks of allocation capacity", "[A]"],
  ["protocol.triggerRatio", "trigger (open-cases): open cases ÷ baseline", "§8.5"],
  ["protocol.triggerWeeks", "trigger: consecutive weeks", "§8.5"],
  ["protocol.triggerAverageCaseload", "trigger: average long-term caseload above", "§8.5 [A]"],
  ["protocol.triggerShareOverCap", "trigger: or share of long-term FCAs at or above the cap above", "§3.2, §8.5 [A]"],
  ["protocol.leadInWeeks", "lead-in, weeks", "§8.5, §4.1"],
  ["protocol.maxHoldWeeks", "maximum hold in the hub, weeks", "§8.5, §4.1"],
  ["protocol.filingMarginWeeks", "allocate before filing, weeks", "§8.5, §4.1"],
  ["protocol.releaseUnallocatedWeeks", "release: unallocated + hub cases at or below, weeks of capacity", "[A]"],
  ["protocol.releaseRatio", "release (open-cases): open cases ÷ baseline", "§8.5 [A]"],
  ["protocol.releaseWeeks", "release: consecutive weeks", "§8.5 [A]"],
];

function valueAt(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** An HTML table of the scenario's main parameters, each with its value and source, then how any area differs from them. */
export function parameterTable(scenario: unknown): string {
  const rows = PARAMETERS.map(([path, label, source]) =>
    `<tr><td>${escapeHtml(label)}</td><td><code>${escapeHtml(path)}</code></td><td class="num">${escapeHtml(String(valueAt(scenario, path) ?? "–"))}</td><td>${escapeHtml(source)}</td></tr>`);
  const differences = areaDifferences(scenario);
  return `<table class="parameters"><thead><tr><th>parameter</th><th>field</th><th>value</th><th>source (calibration.md; [A] = assumption)</th></tr></thead><tbody>${rows.join("")}</tbody></table>${
    differences.length === 0 ? "" : `<p>Areas that differ from these:</p><ul class="area-differences">${differences.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>`}`;
}

/** One line per area with protocol overrides, duration multipliers or dated staffing changes. */
function areaDifferences(scenario: unknown): string[] {
  const areas = valueAt(scenario, "areas");
  if (!Array.isArray(areas)) return [];
  return areas.flatMap((area: Record<string, unknown>) => {
    const parts: string[] = [];
    const protocol = Object.entries((area.protocol ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (protocol.length > 0) parts.push(`protocol ${protocol.map(([k, v]) => `${k} ${String(v)}`).join(", ")}`);
    for (const [key, words] of [["publicMultiplier", "public law"], ["furtherWorkMultiplier", "further work"]] as const) {
      const m = valueAt(area, `durations.${key}`);
      if (typeof m === "number" && m !== 1) parts.push(`${words} durations ×${m}`);
    }
    const staffing = Array.isArray(area.staffing) ? (area.staffing as Record<string, unknown>[]) : [];
    for (const c of staffing) parts.push(`from ${String(c.from)} ${Number(c.fte) > 0 ? "+" : ""}${String(c.fte)} ${String(c.team ?? "long-term")} FTE (${String(c.how ?? "recruit")}${c.note === undefined ? "" : `: ${String(c.note)}`})`);
    return parts.length === 0 ? [] : [`${String(area.name)}: ${parts.join("; ")}`];
  });
}
