/** Case kinds: public law (guardian), private work to first hearing, private further work, Cafcass Plus (before proceedings). */
export const PUBLIC = 0, WTFH = 1, FURTHER = 2, PLUS = 3;
/** Case statuses: slot free, waiting for an FCA, held by an FCA, held in the allocation hub. */
export const FREE = 0, AWAITING = 1, ALLOCATED = 2, IN_HUB = 3;

/**
 * Every open case of one replication, as parallel typed arrays indexed by case id. Ids of
 * closed cases are reused, so memory follows the open caseload, not the referrals.
 */
export class CaseStore {
  kind = new Uint8Array(1024);
  tier = new Uint8Array(1024);
  status = new Uint8Array(1024);
  area = new Uint16Array(1024);
  fca = new Int32Array(1024);
  /** Index of the case in its FCA's list, for O(1) removal. */
  fcaPosition = new Int32Array(1024);
  referralDay = new Float64Array(1024);
  /** Day the further-work order was made (end of WTFH). */
  orderDay = new Float64Array(1024);
  filingDay = new Float64Array(1024);
  hubEntryDay = new Float64Array(1024);
  /** Work left (days) for a further-work case that is not with an FCA. */
  remainingDays = new Float64Array(1024);
  /** Day the FCA's work on the case ends (for re-scheduling after a hand-back). */
  workEndDay = new Float64Array(1024);
  closeHandle = new Float64Array(1024);
  private free: number[] = [];
  private next = 0;
  /** Open cases. */
  open = 0;

  /** A fresh id for a new case, with status AWAITING and no FCA. */
  create(kind: number, tier: number, area: number, day: number): number {
    const id = this.free.length > 0 ? this.free.pop()! : this.next++;
    if (id >= this.kind.length) this.grow();
    this.kind[id] = kind; this.tier[id] = tier; this.area[id] = area; this.status[id] = AWAITING;
    this.fca[id] = -1; this.referralDay[id] = day; this.orderDay[id] = day; this.filingDay[id] = day;
    this.hubEntryDay[id] = NaN; this.remainingDays[id] = 0; this.workEndDay[id] = NaN; this.closeHandle[id] = -1;
    this.open++;
    return id;
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
    this.area = grown(this.area); this.fca = grown(this.fca); this.fcaPosition = grown(this.fcaPosition);
    this.referralDay = grown(this.referralDay); this.orderDay = grown(this.orderDay); this.filingDay = grown(this.filingDay);
    this.hubEntryDay = grown(this.hubEntryDay); this.remainingDays = grown(this.remainingDays);
    this.workEndDay = grown(this.workEndDay); this.closeHandle = grown(this.closeHandle);
  }
}
