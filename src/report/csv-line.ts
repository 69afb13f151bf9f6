/** Splits one CSV line, honouring double quotes (a doubled quote inside quotes is a quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** A number for CSV: rounded to 4 decimals, empty for NaN or null. */
export function csvNumber(x: number | null | undefined): string {
  return typeof x !== "number" || Number.isNaN(x) ? "" : String(Math.round(x * 1e4) / 1e4);
}

/** A text field for CSV, always quoted (a quote inside is doubled). */
export function csvText(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}
