import { z } from "zod";
import { openCount, weeklyDemand } from "./common.js";
import { areaInitialSchema, type AreaInput } from "./area-schema.js";
import { inputIssues, issuesText } from "./issue-text.js";
import type { Scenario } from "./scenario-schema.js";

/** A planner's per-area table, one column each: the area's name, its referrals, FTE and today's backlog. */
export const AREA_TABLE_COLUMNS = [
  "area", "private_per_week", "public_per_week", "long_term_fte", "short_term_fte",
  "open_public", "open_wtfh", "open_further_work", "awaiting_allocation", "in_hub", "protocol_state",
] as const;
export type AreaTableColumn = (typeof AREA_TABLE_COLUMNS)[number];

/** One row of the table, as cells read from a CSV or a workbook (text or number). */
export type AreaTableCells = Readonly<Record<AreaTableColumn, string | number>>;

/** A number cell: a number, or text that reads as one (an empty cell stays text, so it is refused as not a number). */
const numeric = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v), schema);
const fte = numeric(z.number().finite().nonnegative().max(5000));
const count = numeric(openCount);

/** A row's cells, checked one by one against what the scenario allows (numbers written as text are read as numbers). */
const rowSchema = z.object({
  area: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1, "area must name the area")),
  private_per_week: numeric(weeklyDemand),
  public_per_week: numeric(weeklyDemand),
  long_term_fte: fte,
  short_term_fte: fte,
  open_public: count,
  open_wtfh: count,
  open_further_work: count,
  awaiting_allocation: count,
  in_hub: count,
  protocol_state: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), areaInitialSchema.shape.protocolState.unwrap()),
});
type AreaRow = z.output<typeof rowSchema>;

/** The scenario's own area table, one row per area in its order (absent counts are 0, an absent protocol state "normal"). */
export function areaTable(scenario: Scenario): AreaTableCells[] {
  return scenario.areas.map((a) => ({
    area: a.name, private_per_week: a.demand.privatePerWeek, public_per_week: a.demand.publicPerWeek, long_term_fte: a.fca.longTermFte, short_term_fte: a.fca.shortTermFte,
    open_public: a.initial?.openPublic ?? 0, open_wtfh: a.initial?.openWtfh ?? 0, open_further_work: a.initial?.openFurtherWork ?? 0,
    awaiting_allocation: a.initial?.awaitingAllocation ?? 0, in_hub: a.initial?.inHub ?? 0, protocol_state: a.initial?.protocolState ?? "normal",
  }));
}

/** A table read row by row: the areas it gives, or every problem with the line it is on. */
export type AreaTableResult = { readonly ok: true; readonly areas: readonly AreaInput[] } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The areas a planner's table gives, in its order, over `base` (the base scenario's areas as data):
 * a row naming a base area keeps that area's other settings (courts, caps, staffing, protocol
 * overrides); a new name starts from the schema's defaults. `lines[i]` is the line (or sheet row) of row i.
 */
export function areasFromTable(rows: readonly Readonly<Record<string, unknown>>[], lines: readonly number[], base: readonly AreaInput[], where: string): AreaTableResult {
  const problems: string[] = [], areas: AreaInput[] = [], seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const parsed = rowSchema.safeParse(cells);
    const at = `${where} line ${lines[i]!}`, name = String(cells.area ?? "").trim();
    const earlier = seen.get(name);
    if (name !== "" && earlier === undefined) seen.set(name, lines[i]!);
    if (!parsed.success) return problems.push(`${at}: ${issuesText(inputIssues(parsed.error.issues))}`);
    if (earlier !== undefined) return problems.push(`${at}: area "${name}" is already on line ${earlier}`);
    areas.push(areaOf(parsed.data, base.find((a) => a.name === parsed.data.area)));
  });
  if (rows.length === 0) problems.push(`${where}: no areas (a header row of ${AREA_TABLE_COLUMNS.join(",")} and one row per area)`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, areas };
}

/** Whether a row gives no backlog at all: an area without a base backlog then keeps none (the schema's own start). */
const noBacklog = (row: AreaRow): boolean =>
  row.open_public + row.open_wtfh + row.open_further_work + row.awaiting_allocation + row.in_hub === 0 && row.protocol_state === "normal";

function areaOf(row: AreaRow, base: AreaInput | undefined): AreaInput {
  const { initial: _initial, ...rest } = base ?? {};
  if (base?.initial === undefined && noBacklog(row)) {
    return { ...rest, name: row.area, demand: { privatePerWeek: row.private_per_week, publicPerWeek: row.public_per_week }, fca: { longTermFte: row.long_term_fte, shortTermFte: row.short_term_fte } };
  }
  return {
    ...base,
    name: row.area,
    demand: { privatePerWeek: row.private_per_week, publicPerWeek: row.public_per_week },
    fca: { longTermFte: row.long_term_fte, shortTermFte: row.short_term_fte },
    initial: {
      ...base?.initial,
      openPublic: row.open_public, openWtfh: row.open_wtfh, openFurtherWork: row.open_further_work,
      awaitingAllocation: row.awaiting_allocation, inHub: row.in_hub, protocolState: row.protocol_state,
    },
  };
}
