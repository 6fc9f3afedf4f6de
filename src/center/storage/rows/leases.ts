/**
 * A number-block row as both adapters read it.
 */
export interface LeaseRow {
  lease_id: string;
  prefix: string;
  day: string;
  first: number;
  last: number;
}

export const leaseFromRow = (r: LeaseRow) => ({ leaseId: r.lease_id, prefix: r.prefix, day: r.day, first: r.first, last: r.last });

