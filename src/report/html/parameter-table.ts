import { escapeHtml } from "./escape-html.js";

/** The scenario parameters a report lists, with their source in calibration.md. */
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
  ["national.workforce.longTermCap", "long-term caseload cap", "§8.4"],
  ["national.workforce.shortTermCap", "short-term caseload cap", "§8.4"],
  ["national.workforce.hardCaseloadLimit", "hard limit for P3/P4", "§3.2 [A]"],
  ["national.workforce.sickness.shortPerFteYear", "short sickness episodes a year", "§8.4, §3.3 (tuned to 5.5%)"],
  ["national.workforce.sickness.longPerFteYear", "long sickness episodes a year", "§8.4 [A]"],
  ["national.workforce.attrition.perYear", "attrition a year", "§8.4, §3.4"],
  ["national.workforce.recruitment.delayWeeks", "recruitment delay, weeks", "§8.4 [A]"],
  ["protocol.enabled", "prioritisation protocol on", "§4"],
  ["protocol.triggerRatio", "trigger: open cases ÷ baseline", "§8.5"],
  ["protocol.triggerWeeks", "trigger: consecutive weeks", "§8.5"],
  ["protocol.leadInWeeks", "lead-in, weeks", "§8.5, §4.1"],
  ["protocol.maxHoldWeeks", "maximum hold in the hub, weeks", "§8.5, §4.1"],
  ["protocol.filingMarginWeeks", "allocate before filing, weeks", "§8.5, §4.1"],
  ["protocol.releaseRatio", "release: open cases ÷ baseline", "§8.5 [A]"],
  ["protocol.releaseWeeks", "release: consecutive weeks", "§8.5 [A]"],
];

function valueAt(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** An HTML table of the scenario's main parameters, each with its value and source. */
export function parameterTable(scenario: unknown): string {
  const rows = PARAMETERS.map(([path, label, source]) =>
    `<tr><td>${escapeHtml(label)}</td><td><code>${escapeHtml(path)}</code></td><td class="num">${escapeHtml(String(valueAt(scenario, path) ?? "–"))}</td><td>${escapeHtml(source)}</td></tr>`);
  return `<table class="parameters"><thead><tr><th>parameter</th><th>field</th><th>value</th><th>source (calibration.md; [A] = assumption)</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
