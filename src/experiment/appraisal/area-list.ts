/**
 * Reads a comma-separated list of areas, where a name may itself contain commas ("A2 Durham,
 * Teesside, …") and an area may also be given by its code, the first word of its name ("A2"):
 * the longest run of pieces that names an area wins. Unmatched pieces come back as problems.
 */
export function parseAreaList(text: string, names: readonly string[]): { areas: string[]; problems: string[] } {
  const byKey = new Map<string, string>();
  for (const n of names) {
    byKey.set(n.toLowerCase(), n);
    const code = n.split(/\s+/)[0]!.toLowerCase();
    if (!byKey.has(code) && names.filter((m) => m.split(/\s+/)[0]!.toLowerCase() === code).length === 1) byKey.set(code, n);
  }
  const pieces = text.split(",");
  const areas: string[] = [], problems: string[] = [];
  for (let i = 0; i < pieces.length;) {
    const j = longestMatch(pieces, i, byKey);
    if (j > i) {
      areas.push(byKey.get(pieces.slice(i, j).join(",").trim().toLowerCase())!);
      i = j;
    } else {
      if (pieces[i]!.trim() !== "" || pieces.length === 1) problems.push(`unknown area "${pieces[i]!.trim()}"`);
      i++;
    }
  }
  return { areas, problems };
}

function longestMatch(pieces: readonly string[], from: number, byKey: ReadonlyMap<string, string>): number {
  for (let j = pieces.length; j > from; j--) if (byKey.has(pieces.slice(from, j).join(",").trim().toLowerCase())) return j;
  return from;
}
