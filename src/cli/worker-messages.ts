import type { ReplicationResult, Scenario } from "../model/index.js";

/** What the pool sends a worker: a scenario (once), a replication to run, or a buffer to reuse. */
export type WorkerMessage =
  | { readonly kind: "scenario"; readonly key: number; readonly scenario: Scenario }
  | { readonly kind: "run"; readonly id: number; readonly key: number; readonly seed: number; readonly replication: number; readonly partials: boolean }
  | { readonly kind: "spare"; readonly buffer: ArrayBuffer };

/** What a worker sends back: weeks so far (when asked), then a result, an error or word that it stopped. */
export interface WorkerReply {
  readonly id: number;
  readonly partial?: { readonly weeks: number; readonly weekly: Float64Array };
  readonly result?: ReplicationResult;
  readonly error?: string;
  readonly cancelled?: boolean;
  /** Sent once (id -1) by a worker started to warm up, when it has. */
  readonly warm?: boolean;
}

/** What each worker is started with: a flag the pool raises to stop the replication it is running, and whether to warm up first. */
export interface WorkerSetup {
  readonly cancel: SharedArrayBuffer;
  readonly warmUp: boolean;
}

/** Scenarios each worker keeps, dropping the oldest (a sweep point or a TUI edit each make one); the pool mirrors it. */
export const SCENARIOS_KEPT = 8;
