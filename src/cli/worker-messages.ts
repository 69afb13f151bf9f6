import type { ReplicationResult, Scenario } from "../model/index.js";

/** What the pool sends a worker: a scenario (once), a replication to run, or a buffer to reuse. */
export type WorkerMessage =
  | { readonly kind: "scenario"; readonly key: number; readonly scenario: Scenario }
  | { readonly kind: "run"; readonly id: number; readonly key: number; readonly seed: number; readonly replication: number }
  | { readonly kind: "spare"; readonly buffer: ArrayBuffer };

/** What a worker sends back. */
export interface WorkerReply {
  readonly id: number;
  readonly result?: ReplicationResult;
  readonly error?: string;
}
