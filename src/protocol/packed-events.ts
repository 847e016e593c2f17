// Events travel from the content script to the panel as columns instead of objects. Runtime
// ports serialise messages as JSON at every hop (content script → background → panel), so each
// event object repeated its ten property names and its type and origin strings; as parallel
// arrays with a string table they cost about half the bytes, and arrays of plain values
// parse faster than arrays of objects. Only page-dispatched events are packed (wire frames,
// rare, keep their extra fields as objects); `unpackRecords` restores the one seq order.
import type { CapturedEvent, CapturedRecord } from '../capture/records';

export interface PackedEvents {
  /** Distinct `type` and `origin` strings; the columns below hold indexes into it. */
  strings: string[];
  seq: number[];
  conn: number[];
  t: number[];
  type: number[];
  data: string[];
  lastEventId: string[];
  origin: number[];
  /** True length of `data` where it was cut (`truncated`), else -1 (the length of `data`). */
  cutSize: number[];
}

/** An event that packs: no wire fields, and `size` is its data's length unless truncated. */
function packable(r: CapturedRecord): r is CapturedEvent {
  return (
    r.kind === 'event' &&
    r.source === undefined &&
    r.frameKind === undefined &&
    r.note === undefined &&
    (r.truncated || r.size === r.data.length)
  );
}

/** Splits records into the ones sent as objects and the events sent as columns. */
export function packRecords(records: readonly CapturedRecord[]): {
  records: CapturedRecord[];
  events: PackedEvents | undefined;
} {
  const rest: CapturedRecord[] = [];
  const index = new Map<string, number>();
  const p: PackedEvents = {
    strings: [],
    seq: [],
    conn: [],
    t: [],
    type: [],
    data: [],
    lastEventId: [],
    origin: [],
    cutSize: [],
  };
  const stringAt = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = p.strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  for (const r of records) {
    if (!packable(r)) {
      rest.push(r);
      continue;
    }
    p.seq.push(r.seq);
    p.conn.push(r.conn);
    p.t.push(r.t);
    p.type.push(stringAt(r.type));
    p.data.push(r.data);
    p.lastEventId.push(r.lastEventId);
    p.origin.push(stringAt(r.origin));
    p.cutSize.push(r.truncated ? r.size : -1);
  }
  return { records: rest, events: p.seq.length > 0 ? p : undefined };
}

/** Columns whose lengths disagree, or indexes outside the string table, unpack to nothing. */
function consistent(p: PackedEvents): boolean {
  const n = p.seq.length;
  const columns = [p.conn, p.t, p.type, p.data, p.lastEventId, p.origin, p.cutSize];
  if (!columns.every((c) => Array.isArray(c) && c.length === n)) return false;
  const inTable = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < p.strings.length;
  return p.type.every(inTable) && p.origin.every(inTable);
}

/** The records of a message, events unpacked, in seq order (both inputs are in seq order). */
export function unpackRecords(
  records: readonly CapturedRecord[],
  packed: PackedEvents | undefined,
): CapturedRecord[] {
  if (packed === undefined || !consistent(packed)) return [...records];
  const out: CapturedRecord[] = [];
  let next = 0;
  for (let i = 0; i < packed.seq.length; i++) {
    const seq = packed.seq[i] as number;
    while (next < records.length && (records[next] as CapturedRecord).seq < seq) {
      out.push(records[next++] as CapturedRecord);
    }
    const data = packed.data[i] as string;
    const cut = packed.cutSize[i] as number;
    out.push({
      kind: 'event',
      seq,
      conn: packed.conn[i] as number,
      t: packed.t[i] as number,
      type: packed.strings[packed.type[i] as number] as string,
      data,
      lastEventId: packed.lastEventId[i] as string,
      origin: packed.strings[packed.origin[i] as number] as string,
      size: cut === -1 ? data.length : cut,
      truncated: cut !== -1,
    });
  }
  while (next < records.length) out.push(records[next++] as CapturedRecord);
  return out;
}
