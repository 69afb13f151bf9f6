// Preloaded with --import: prints this process's peak resident set size (KiB) to stderr at exit.
process.on("exit", () => process.stderr.write(`\nHUBSIM_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
