import { fieldMeta, REPORTED_FIELDS } from "../../model/index.js";
import { escapeHtml } from "./escape-html.js";

function valueAt(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** An HTML table of the scenario's main parameters, each with its value and source, then how any area differs from them. */
export function parameterTable(scenario: unknown): string {
  const rows = REPORTED_FIELDS.map((path) => ({ path, ...fieldMeta(path) })).map(({ path, label, source }) =>
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
