import { claimOutputDir, claimOutputFile, type OutputDir, type OutputFile } from "./output-set.js";

/** A command's claimed outputs: the --out directory and the --html file, when asked for. */
export interface Outputs {
  readonly dir?: OutputDir;
  readonly html?: OutputFile;
}

/**
 * Checks and locks every output path before `work` runs (so a bad path fails before any
 * simulation and a second writer is refused), and releases them however `work` ends.
 */
export async function withOutputs<T>(paths: { readonly out?: string | undefined; readonly html?: string | undefined }, work: (outputs: Outputs) => Promise<T> | T): Promise<T> {
  const claims: { release(): void }[] = [];
  try {
    const dir = paths.out === undefined ? undefined : claimOutputDir(paths.out);
    if (dir !== undefined) claims.push(dir);
    const html = paths.html === undefined ? undefined : claimOutputFile(paths.html, "--html");
    if (html !== undefined) claims.push(html);
    return await work({ ...(dir === undefined ? {} : { dir }), ...(html === undefined ? {} : { html }) });
  } finally {
    for (const c of claims.reverse()) c.release();
  }
}
