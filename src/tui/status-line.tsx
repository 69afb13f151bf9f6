import { Text } from "ink";
import type { LiveSnapshot } from "../experiment/index.js";
import type { RunState } from "./use-live-run.js";
import { usePaint } from "./theme.js";

const BAR = 20;

/** The run's progress: a bar, replications done, seconds, and whether the chart is a partial or stale one. */
export function StatusLine({ run }: { readonly run: RunState<LiveSnapshot> }) {
  const paint = usePaint();
  if (run.error !== undefined) return <Text wrap="truncate">{paint.red(`Run failed: ${run.error}`)}</Text>;
  const s = run.snapshot;
  if (s === undefined) return <Text>Starting the first replication…</Text>;
  const filled = Math.round((s.done / s.total) * BAR);
  const bar = "█".repeat(filled) + "░".repeat(BAR - filled);
  const what = run.stale ? "updating: showing the previous forecast" : s.done === 0 ? `first replication, week ${s.weeks} of ${s.forecast.shape.weeks}` : run.running ? "bands tighten as replications land" : "done";
  return <Text wrap="truncate">{`${run.running ? paint.yellow(bar) : paint.green(bar)} ${s.done}/${s.total} replications · ${run.seconds.toFixed(1)} s · ${what}`}</Text>;
}
