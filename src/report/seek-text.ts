import { BAND_CONTENT_WORDS, type SeekPoint, type SeekResult } from "../experiment/index.js";
import { csvText } from "./csv-line.js";
import { fmt, percent } from "./number-format.js";
import { textTable } from "./text-table.js";

const pointText = (p: SeekPoint): string => `${p.successes} of ${p.n} replications (${percent(p.p)}; Wilson 95% ${percent(p.lower)}–${percent(p.upper)})`;

/** A search's answer in words, then the values it tried. */
export function seekText(r: SeekResult): string {
  const s = r.spec, way = s.direction === "minimise" ? "smallest" : "largest", range = `${fmt(s.lo, decimals(s.lo))} to ${fmt(s.hi, decimals(s.hi))}`;
  const headline =
    r.status === "never" ? `No value of ${s.path} from ${range} meets the target in ${percent(s.confidence)} of replications: even ${fmt(r.visited.find((p) => p.value === (s.direction === "minimise" ? s.hi : s.lo))!.value, decimals(s.hi))} meets it in ${pointText(r.visited.find((p) => p.value === (s.direction === "minimise" ? s.hi : s.lo))!)}.`
      : r.status === "always" ? `${s.path} = ${fmt(r.answer!, decimals(r.answer!))}, the ${s.direction === "minimise" ? "lower" : "upper"} end of the range, already meets the target: ${pointText(r.atAnswer!)}.`
        : `Answer: ${s.path} = ${fmt(r.answer!, decimals(r.answer!))}, the ${way} value meeting the target in at least ${percent(s.confidence)} of replications: ${pointText(r.atAnswer!)}. At ${fmt(r.nextFailing!.value, decimals(r.nextFailing!.value))}: ${pointText(r.nextFailing!)}.`;
  const table = textTable(
    [s.path, "met in", "share", "Wilson 95%", several(r) ? "worst week (mean)" : "measure (mean)", "meets"],
    r.visited.map((p) => [fmt(p.value, decimals(p.value)), `${p.successes}/${p.n}`, percent(p.p), `${percent(p.lower)}–${percent(p.upper)}`, fmt(p.measureMean, 2), p.meets ? "yes" : "no"]),
    ["right", "right", "right", "right", "right", "left"],
  );
  const monotone = r.reversals.length === 0
    ? `The shares ${s.direction === "minimise" ? "rise" : "fall"} steadily as the lever rises on the values tried, as bisection assumes.`
    : `Not monotone on the values tried: ${r.reversals.slice(0, 3).map((v) => `${fmt(v.a.value, decimals(v.a.value))} (${percent(v.a.p)}) against ${fmt(v.b.value, decimals(v.b.value))} (${percent(v.b.p)})${v.beyondNoise ? ", beyond noise" : ", within noise"}`).join("; ")}${r.reversals.length > 3 ? `; ${r.reversals.length - 3} more` : ""}. The answer may not be the ${way}: check with a sweep.`;
  return [
    `hubsim seek: ${r.spec.target.text}, ${way} ${s.path} in ${range}${s.integer ? " (whole values)" : ""}; ${r.replications} replications at each value on common random numbers (seed ${r.seed})`,
    "",
    headline,
    `It took ${r.evaluations} value${r.evaluations === 1 ? "" : "s"} × ${r.replications} replications = ${r.evaluations * r.replications} runs. A target over several weeks must hold in every one of them. The intervals hold ${BAND_CONTENT_WORDS[r.bandContent]}.`,
    monotone,
    "",
    table,
  ].join("\n");
}

/** The values a search tried, as tidy CSV. */
export function seekCsv(r: SeekResult): string {
  const lines = ["lever,value,successes,replications,share,lower,upper,measure_mean,meets,band_content"];
  for (const p of r.visited) lines.push([csvText(r.spec.path), p.value, p.successes, p.n, p.p, p.lower, p.upper, p.measureMean, p.meets, r.bandContent].join(","));
  return lines.join("\n") + "\n";
}

/** Whether the target covers several weeks, so each replication's value is its worst week. */
function several(r: SeekResult): boolean {
  const weeks = r.spec.target.measure.weeks;
  return weeks !== undefined && weeks[1] > weeks[0];
}

function decimals(x: number): number {
  return Number.isInteger(x) ? 0 : Math.abs(x) < 10 ? 3 : 2;
}
