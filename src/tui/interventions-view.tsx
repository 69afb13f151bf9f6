import type { ChalkInstance } from "chalk";
import { declaredNames, PLUS, WEEKS_PER_YEAR, whereOf, type LiveAppraisal, type PayerSummary } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { axisRange, compactNumber, fanChartRows, fmt } from "../report/index.js";
import { paintRow } from "./fan-chart.js";
import { Block } from "./block.js";
import { usePaint } from "./theme.js";
import type { RunState } from "./use-live-run.js";
import { wrapParts } from "./wrap-parts.js";

const PAYER_SHORT: Readonly<Record<PayerSummary["payer"], string>> = {
  cafcass: "Cafcass", hmcts: "HMCTS", legalAid: "Legal Aid", localAuthority: "Local auth.", placements: "Placements", total: "Total",
};
const NAME = 20;
const LEFT = NAME + 19;

/** Money in at most 7 characters: £0, £693, £3.4k, £27k, £14.5m, −£1.2m. */
export function shortMoney(x: number): string {
  return Number.isNaN(x) ? "–" : `${x < 0 ? "−" : ""}£${compactNumber(Math.round(Math.abs(x))).toLowerCase()}`;
}

/** A difference with its sign (+, −), none when it rounds to zero at `decimals`. */
function signed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return "–";
  const text = fmt(Math.abs(x), decimals);
  return /^[0.,]+$/.test(text) ? text : `${x > 0 ? "+" : "−"}${text}`;
}


/** The declared interventions in a line, the chosen one marked, each with its live sites and roll-out areas counted. */
function interventionLine(paint: ChalkInstance, scenario: Scenario, chosen: string, width: number): string[] {
  const parts = declaredNames(scenario).map((name) => {
    const p = whereOf(scenario, name), text = `${name} (${p.sites.length} live, ${p.rollout.areas.length} roll-out)`;
    return name === chosen ? paint.inverse(`‹ ${text} ›`) : `  ${text}  `;
  });
  return wrapParts(["Interventions:", ...parts], width);
}

/** The appraisal's figures: money, then the effect on capacity (roll-out − do-nothing, means across pairs). */
function resultLines(paint: ChalkInstance, run: RunState<LiveAppraisal>, rollout: readonly string[], diverts: boolean): string[] {
  if (rollout.length === 0) return [paint.bold("No roll-out areas chosen"), "", "Select an area and press Space to add it to", "the roll-out: the appraisal then runs", "do-nothing against roll-out, pair by pair,", "on the same random numbers."];
  if (run.error !== undefined) return [paint.red(`Appraisal failed: ${run.error}`)];
  const a = run.snapshot;
  if (a === undefined) return [paint.bold(`Roll-out of ${rollout.length} area${rollout.length > 1 ? "s" : ""} vs do-nothing`), "", "Running the first pair of replications…"];
  const s = a.summary, total = s.payers.at(-1)!, npvColour = total.npv.mean >= 0 ? paint.green : paint.red;
  const effect = (metric: string, decimals: number): string => signed(s.capacity.find((c) => c.metric === metric)?.difference.mean ?? NaN, decimals);
  return [
    paint.bold(`Roll-out of ${s.areas.length} area${s.areas.length > 1 ? "s" : ""} vs do-nothing`) + (run.stale ? paint.yellow(" (updating)") : ""),
    paint.dim(`${a.done}/${a.total} pairs · ${fmt(s.appraisalWeeks / WEEKS_PER_YEAR, 0)} yrs · ${s.priceYear} £ · ${(s.discount[0]!.rate * 100).toFixed(1)}%`),
    `NPV ${npvColour(paint.bold(shortMoney(total.npv.mean)))}  90%: ${shortMoney(total.npv.p5)} to ${shortMoney(total.npv.p95)}`,
    `P(saving) ${fmt(100 * s.pSaving.p)}% (${fmt(100 * s.pSaving.lower)}–${fmt(100 * s.pSaving.upper)}%) · BCR ${fmt(s.bcr.ratioOfMeans, 2)}`,
    `Break-even ${s.breakEven.medianWeek === null ? "never" : `week ${s.breakEven.medianWeek}`}${diverts ? ` · ${fmt(s.extraDiverted.mean)} more diverted` : ""}`,
    paint.bold(`${"payer".padEnd(12)}${"cost".padStart(8)}${"savings".padStart(9)}${"NPV".padStart(9)}`),
    ...s.payers.map((p) => `${PAYER_SHORT[p.payer].padEnd(12)}${shortMoney(p.costs.mean).padStart(8)}${shortMoney(p.savings.mean).padStart(9)}${shortMoney(p.npv.mean).padStart(9)}`),
    `Wait for FCA ${effect("allocation_wait_mean_weeks", 2)} wks · >12 wks ${effect("waited_over_12_weeks", 0)}`,
    `Hub end ${effect("hub_backlog_end", 0)} · hub wait ${effect("hub_wait_mean_weeks", 1)} wks`,
    `Caseload ${effect("avg_caseload", 2)} · PL >26 wks ${effect("public_over_26_weeks_pct", 1)} pts`,
  ];
}

const GUTTER = 8;

/** The cumulative discounted net saving by week as a text fan chart `height` rows tall, with the median break-even week. */
function cumulativeLines(paint: ChalkInstance, s: LiveAppraisal["summary"], width: number, height: number): string[] {
  const c = s.cumulativeNet, weeks = c.median.length;
  const { min, max } = axisRange(Math.min(0, ...c.p5), Math.max(0, ...c.p95));
  const rows = fanChartRows({ p5: c.p5, p25: c.p25, p50: c.median, p75: c.p75, p95: c.p95 }, weeks, width - GUTTER, height, max, min);
  const label = (r: number): string => (r === 0 ? shortMoney(max) : r === height - 1 ? shortMoney(min) : "");
  const even = s.breakEven.medianWeek === null ? "never breaks even" : `break-even week ${s.breakEven.medianWeek}`;
  return [
    paint.bold("Cumulative net saving (PV), 50%/90% bands"),
    ...rows.map((row, r) => `${label(r).padStart(GUTTER - 1)} ${paintRow(paint, row)}`),
    paint.dim(`${"".padStart(GUTTER)}week 0 … ${weeks} · ${even}`),
  ];
}

/**
 * The Interventions view: the declared interventions in a line (←/→ chooses one: Cafcass Plus or
 * one from the scenario's `interventions`); every area, the chosen one's live sites marked and
 * roll-out areas ticked (Space toggles the selected one); and beside them the appraisal of that
 * roll-out against do-nothing as it streams in: NPV with its 90% interval, P(saving), BCR,
 * break-even, each payer, the effect on waits for an FCA, hubs, caseloads and public law over 26
 * weeks, and (room allowing) the cumulative net saving by week.
 */
export function InterventionsView({ scenario, intervention, run, selected, message, width, height }: {
  readonly scenario: Scenario; readonly intervention: string; readonly run: RunState<LiveAppraisal>; readonly selected: number;
  readonly message: string | undefined; readonly width: number; readonly height: number;
}) {
  const paint = usePaint();
  const p = whereOf(scenario, intervention), sites = new Map(p.sites.map((s) => [s.area, s.start])), rollout = new Set(p.rollout.areas);
  const header = interventionLine(paint, scenario, intervention, width);
  // The notes under the table, wrapped to the width; the area list scrolls in what they and the message leave.
  const notes = [
    `[●] live site, [x] roll-out from ${p.rollout.start ?? scenario.startDate}; money: present values, means across pairs`,
    run.snapshot?.summary.posterior === undefined
      ? "90%: across pairs · simulation noise and effect sizes drawn per pair; other parameters fixed"
      : `90%: across pairs · simulation noise, effect sizes and parameter uncertainty (${run.snapshot.summary.posterior}) drawn per pair`,
  ].flatMap((note) => wrapParts(note.split(" "), width)).map((l) => paint.dim(l));
  const visible = Math.max(1, height - 1 - header.length - notes.length - (message === undefined ? 0 : 1));
  const first = Math.min(Math.max(0, selected - visible + 1), Math.max(0, scenario.areas.length - visible));
  const left = [
    paint.bold(`${"  area".padEnd(NAME + 6)}status`),
    ...scenario.areas.slice(first, first + visible).map((a, j) => {
      const i = first + j, site = sites.get(a.name);
      const box = site !== undefined ? "[●]" : rollout.has(a.name) ? "[x]" : "[ ]";
      const name = a.name.length > NAME ? `${a.name.slice(0, NAME - 1)}…` : a.name;
      const status = site !== undefined ? `live ${site.slice(0, 7)}` : rollout.has(a.name) ? "roll-out" : "";
      const text = `${i === selected ? "› " : "  "}${box} ${name.padEnd(NAME)} ${status}`.padEnd(LEFT);
      return i === selected ? paint.inverse(text) : text;
    }),
  ];
  // Only the pre-birth cohort (Cafcass Plus) can be diverted from court; lines past the view's height are left out.
  const right = resultLines(paint, run, p.rollout.areas, intervention === PLUS).slice(0, visible + 1);
  // The cumulative chart goes under the figures when the view's height leaves room for at least three rows of it.
  const room = visible + 1 - right.length - 2, chartWidth = width - LEFT - 2;
  if (run.snapshot !== undefined && run.error === undefined && p.rollout.areas.length > 0 && room >= 3 && chartWidth >= GUTTER + 20) {
    right.push(...cumulativeLines(paint, run.snapshot.summary, chartWidth, Math.min(8, room)));
  }
  const lines = [...header, ...Array.from({ length: Math.max(left.length, right.length) }, (_, i) => `${left[i] ?? " ".repeat(LEFT)}  ${right[i] ?? ""}`)];
  lines.push(...notes);
  if (message !== undefined) lines.push(paint.red(message));
  return <Block lines={lines} width={width} />;
}
