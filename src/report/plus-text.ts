import type { PlusRow } from "../experiment/index.js";
import { bandCaption } from "./band-caption.js";
import { band, fmt } from "./number-format.js";
import { textTable } from "./text-table.js";

/**
 * A short "Cafcass Plus" paragraph: per live area and for England, Plus cases, FCA hours and the
 * cohort's diversion; `bandWords` says what the diversion band holds.
 */
export function plusText(rows: readonly PlusRow[], bandWords: string): string {
  const england = rows.at(-1);
  if (england === undefined) return "";
  const header = ["Cafcass Plus", "live wks", "Plus cases", "FCA hours", "cohort decided", "diverted % (90% band)"];
  const body = rows.map((r) => [
    r.name.length <= 28 ? r.name : `${r.name.slice(0, 27)}…`, fmt(r.liveWeeks), fmt(r.plusCases.mean), fmt(r.fcaHours.mean),
    fmt(r.decided.mean), band(r.divertedPct.median, r.divertedPct.p5, r.divertedPct.p95, 1),
  ]);
  return [
    "Means across replications; the cohort (unborn babies with a letter before proceedings) is decided at birth in every area, live or not.",
    `Diverted %: ${bandCaption(bandWords)}.`,
    textTable(header, body, header.map((_, i) => (i === 0 ? "left" : "right"))),
  ].join("\n");
}
