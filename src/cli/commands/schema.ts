import type { Command } from "commander";
import { scenarioJsonSchema } from "../../model/index.js";
import { claimOutputFile } from "../output-set.js";
import type { Io } from "../context.js";

/** `hubsim schema [--out FILE]`: the JSON Schema of scenario files, generated from the zod schema. */
export function schemaCommand(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print (or write) the JSON Schema for scenario files")
    .option("--out <file>", "write it to this file instead of printing it")
    .action((options: { out?: string }) => {
      const text = JSON.stringify(scenarioJsonSchema(), null, 2) + "\n";
      if (options.out === undefined) io.out(text.trimEnd());
      else {
        const file = claimOutputFile(options.out, "--out");
        try {
          file.write(text);
        } finally {
          file.release();
        }
      }
    });
}
