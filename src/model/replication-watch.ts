/**
 * Watching a replication as it runs: called after each reporting week is recorded with the
 * number of weeks done and the weekly output so far; returning false stops the replication.
 */
export type ReplicationWatch = (weeksDone: number, weekly: Float64Array) => boolean;

/** Thrown out of `runReplication` when its watch asks it to stop. */
export class ReplicationCancelled extends Error {
  constructor() {
    super("replication cancelled");
    this.name = "ReplicationCancelled";
  }
}
