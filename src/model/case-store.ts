/** Case kinds: public law (guardian), private work to first hearing, private further work, Cafcass Plus (before proceedings). */
export const PUBLIC = 0, WTFH = 1, FURTHER = 2, PLUS = 3;
/** Case statuses: slot free, waiting for an FCA, held by an FCA, held in the allocation hub. */
export const FREE = 0, AWAITING = 1, ALLOCATED = 2, IN_HUB = 3;

/**
 * Every open case of one replication, as parallel typed arrays indexed by case id. Ids of
 * closed cases are reused, so memory follows the open caseload, not the referrals.
 */
export class CaseStore {
  kind: Uint8Array;
  tier: Uint8Array;
  status: Uint8Array;
  area: Uint16Array;
  /** The allocation team within its area that the case belongs to (long-term work). */
  team: Uint16Array;
  fca: Int32Array;
  /** Index of the case in its FCA's list, for O(1) removal. */
  fcaPosition: Int32Array;
  referralDay: Float64Array;
  /** Day the further-work order was made (end of WTFH). */
  orderDay: Float64Array;
  filingDay: Float64Array;
  hubEntryDay: Float64Array;
  /** Work left (days) for a further-work case that is not with an FCA. */
  remainingDays: Float64Array;
  /** Day the FCA's work on the case ends (for re-scheduling after a hand-back). */
  workEndDay: Float64Array;
  closeHandle: Float64Array;
  /** Day a public law case's proceedings end (its scheduled close), for re-timing when courts change pace. */
  closeDay: Float64Array;
  /** Day the case began waiting for an FCA outside a hub (NaN when its wait is not measured, e.g. seeded as allocated). */
  waitStart: Float64Array;
  /**
   * The case's number among its area's cases, in order of creation: the tie-break wherever cases are
   * ordered, so an area's order never depends on what happens in other areas (ids are shared, and reused).
   */
  seq: Float64Array;

  /** Room for `capacity` open cases at first (it grows by doubling beyond). */
  constructor(capacity = 1024) {
    const n = Math.max(16, Math.ceil(capacity));
    this.kind = new Uint8Array(n);
    this.tier = new Uint8Array(n);
    this.status = new Uint8Array(n);
    this.area = new Uint16Array(n);
    this.team = new Uint16Array(n);
    this.fca = new Int32Array(n);
    this.fcaPosition = new Int32Array(n);
    this.referralDay = new Float64Array(n);
    this.orderDay = new Float64Array(n);
    this.filingDay = new Float64Array(n);
    this.hubEntryDay = new Float64Array(n);
    this.remainingDays = new Float64Array(n);
    this.workEndDay = new Float64Array(n);
    this.closeHandle = new Float64Array(n);
    this.closeDay = new Float64Array(n);
    this.waitStart = new Float64Array(n);
    this.seq = new Float64Array(n);
  }

  private free: number[] = [];
  private next = 0;
  private readonly created: number[] = [];
  /** Open cases. */
  open = 0;

  /** A fresh id for a new case, with status AWAITING since `day` and no FCA. */
  create(kind: number, tier: number, area: number, day: number): number {
    const id = this.free.length > 0 ? this.free.pop()! : this.next++;
    if (id >= this.kind.length) this.grow();
    this.kind[id] = kind; this.tier[id] = tier; this.area[id] = area; this.status[id] = AWAITING;
    this.fca[id] = -1; this.referralDay[id] = day; this.orderDay[id] = day; this.filingDay[id] = day;
    this.hubEntryDay[id] = NaN; this.remainingDays[id] = 0; this.workEndDay[id] = NaN; this.closeHandle[id] = -1;
    this.team[id] = 0; this.waitStart[id] = day;
    this.seq[id] = this.created[area] = (this.created[area] ?? 0) + 1;
    this.open++;
    return id;
  }

  /** Calls `fn` with the id of every open case. */
  forEachOpen(fn: (id: number) => void): void {
    for (let id = 0; id < this.next; id++) if (this.status[id] !== FREE) fn(id);
  }

  /** Frees a closed case's id. */
  close(id: number): void {
    this.status[id] = FREE;
    this.free.push(id);
    this.open--;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const grown = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.kind = grown(this.kind); this.tier = grown(this.tier); this.status = grown(this.status);
    this.area = grown(this.area); this.team = grown(this.team); this.waitStart = grown(this.waitStart); this.fca = grown(this.fca); this.fcaPosition = grown(this.fcaPosition);
    this.referralDay = grown(this.referralDay); this.orderDay = grown(this.orderDay); this.filingDay = grown(this.filingDay);
    this.hubEntryDay = grown(this.hubEntryDay); this.remainingDays = grown(this.remainingDays);
    this.workEndDay = grown(this.workEndDay); this.closeHandle = grown(this.closeHandle); this.closeDay = grown(this.closeDay); this.seq = grown(this.seq);
  }
}
