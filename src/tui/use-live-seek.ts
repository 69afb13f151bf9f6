import { useEffect, useRef } from "react";
import type { RunPlan, SeekEvent, SeekSpec } from "../experiment/index.js";
import { ReplicationCancelled, type Scenario } from "../model/index.js";
import type { GoalSearch } from "./goal-search.js";

/** Runs a seek and yields each value tried, then the result, until done or the signal aborts (the CLI runs it on workers). */
export type Seeker = (base: Scenario, spec: SeekSpec, plan: RunPlan, signal: AbortSignal) => AsyncIterable<SeekEvent>;

/** What the hook reports: an event of search `id` (with seconds since it started), or its failure. */
export type SeekReport = { readonly kind: "seek"; readonly id: number; readonly event: SeekEvent; readonly seconds: number } | { readonly kind: "seek-failed"; readonly id: number; readonly error: string };

/**
 * Keeps the Goal view's search running while its status is "running": a new search (a new id)
 * aborts the one in flight, and so does a cancel (the status leaving "running"), which stops the
 * seek's replications. Events are reported as they arrive; the search's state lives with the caller.
 */
export function useLiveSeek(seeker: Seeker, search: GoalSearch | undefined, clock: () => number, report: (r: SeekReport) => void): void {
  const latest = useRef({ seeker, search, report });
  latest.current = { seeker, search, report };
  const running = search?.status === "running" ? search.id : undefined;
  useEffect(() => {
    const s = latest.current.search;
    if (running === undefined || s === undefined) return;
    const controller = new AbortController(), started = clock();
    void (async () => {
      try {
        for await (const event of latest.current.seeker(s.base, s.spec, s.plan, controller.signal)) {
          if (controller.signal.aborted) return;
          latest.current.report({ kind: "seek", id: running, event, seconds: (clock() - started) / 1000 });
        }
      } catch (error) {
        if (controller.signal.aborted || error instanceof ReplicationCancelled) return;
        latest.current.report({ kind: "seek-failed", id: running, error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => controller.abort();
  }, [running, clock]);
}
