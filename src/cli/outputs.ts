import { UserError } from "./user-error.js";
import { claimOutputDir, claimOutputFile, type OutputDir, type OutputFile } from "./output-set.js";

/** A command's claimed outputs: the --out directory, the --html file and the --xlsx workbook, when asked for. */
export interface Outputs {
  readonly dir?: OutputDir;
  readonly html?: OutputFile;
  readonly xlsx?: OutputFile;
}

/**
 * Checks and locks every output path before `work` runs (so a bad path fails before any
 * simulation and a second writer is refused), and releases them however `work` ends.
 */
export async function withOutputs<T>(paths: { readonly out?: string | undefined; readonly html?: string | undefined; readonly xlsx?: string | undefined }, work: (outputs: Outputs) => Promise<T> | T): Promise<T> {
  const claims: { release(): void }[] = [];
  try {
    const dir = paths.out === undefined ? undefined : claimOutputDir(paths.out);
    if (dir !== undefined) claims.push(dir);
    const html = paths.html === undefined ? undefined : claimOutputFile(paths.html, "--html");
    if (html !== undefined) claims.push(html);
    if (paths.xlsx !== undefined && !paths.xlsx.toLowerCase().endsWith(".xlsx")) throw new UserError(`--xlsx ${paths.xlsx}: the file name must end in .xlsx`);
    const xlsx = paths.xlsx === undefined ? undefined : claimOutputFile(paths.xlsx, "--xlsx");
    if (xlsx !== undefined) claims.push(xlsx);
    return await work({ ...(dir === undefined ? {} : { dir }), ...(html === undefined ? {} : { html }), ...(xlsx === undefined ? {} : { xlsx }) });
  } finally {
    for (const c of claims.reverse()) c.release();
  }
}
