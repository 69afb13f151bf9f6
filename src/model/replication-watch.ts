/**
 * Watching a replication as it runs: called each simulated week with the number of reporting
 * weeks done (0 during warm-up) and the weekly output so far; returning false stops it.
 */
export type ReplicationWatch = (weeksDone: number, weekly: Float64Array) => boolean;

/** Thrown out of `runReplication` when its watch asks it to stop. */
export class ReplicationCancelled extends Error {
  constructor() {
    super("replication cancelled");
    this.name = "ReplicationCancelled";
  }
}
