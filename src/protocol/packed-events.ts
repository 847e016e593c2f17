// Events travel from the content script to the panel as columns instead of objects. Runtime
// ports serialise messages as JSON at every hop (content script → background → panel), so each
// event object repeated its ten property names and its type and origin strings; as parallel
// arrays with a string table they cost about half the bytes, and arrays of plain values
// parse faster than arrays of objects. Events and frames parsed from the wire pack alike;
// the rare frame with a `note` stays an object; `unpackRecords` restores the one seq order.
import type { CapturedEvent, CapturedRecord, FrameKind } from '../capture/records';

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
  /** -1 for an event the page dispatched; else a frame read from the wire, its `frameKind`. */
  wireKind: number[];
}

/** An event that packs: no note, and `size` is its data's length unless truncated. */
function packable(r: CapturedRecord): r is CapturedEvent {
  return (
    r.kind === 'event' &&
    r.note === undefined &&
    (r.source === undefined) === (r.frameKind === undefined) &&
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
    wireKind: [],
  };
  const stringAt = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = p.strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  // Most events of a batch repeat the previous one's type and origin: compare before hashing,
  // each column with its own previous value.
  let lastType = '';
  let typeIndex = -1;
  let lastOrigin = '';
  let originIndex = -1;
  for (const r of records) {
    if (!packable(r)) {
      rest.push(r);
      continue;
    }
    p.seq.push(r.seq);
    p.conn.push(r.conn);
    p.t.push(r.t);
    if (typeIndex === -1 || r.type !== lastType) {
      lastType = r.type;
      typeIndex = stringAt(r.type);
    }
    if (originIndex === -1 || r.origin !== lastOrigin) {
      lastOrigin = r.origin;
      originIndex = stringAt(r.origin);
    }
    p.type.push(typeIndex);
    p.data.push(r.data);
    p.lastEventId.push(r.lastEventId);
    p.origin.push(originIndex);
    p.cutSize.push(r.truncated ? r.size : -1);
    p.wireKind.push(r.frameKind === undefined ? -1 : stringAt(r.frameKind));
  }
  return { records: rest, events: p.seq.length > 0 ? p : undefined };
}

/** Columns whose lengths disagree, or indexes outside the string table, unpack to nothing. */
function consistent(p: PackedEvents): boolean {
  const n = p.seq.length;
  const columns = [p.conn, p.t, p.type, p.data, p.lastEventId, p.origin, p.cutSize, p.wireKind];
  if (!columns.every((c) => Array.isArray(c) && c.length === n)) return false;
  const inTable = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < p.strings.length;
  const kinds = new Set(['event', 'comment', 'retry']);
  const isKind = (i: number): boolean => i === -1 || (inTable(i) && kinds.has(p.strings[i] ?? ''));
  return p.type.every(inTable) && p.origin.every(inTable) && p.wireKind.every(isKind);
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
    const wire = packed.wireKind[i] as number;
    const event: CapturedEvent = {
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
    };
    if (wire !== -1) {
      event.source = 'wire';
      event.frameKind = packed.strings[wire] as FrameKind;
    }
    out.push(event);
  }
  while (next < records.length) out.push(records[next++] as CapturedRecord);
  return out;
}
