// Builds the tuple the hook sends for one event, with `data` already cut to the capture's
// limit: a gigantic event is not copied whole across postMessage only to be cut in the
// content script. The true size travels with the cut data. Runs once per event: when data
// fits, it costs one length compare over building the tuple.
import { LIMITS } from '../protocol/constants';
import type { Intrinsics } from './intrinsics';
import type { EventTuple } from './records';

export function eventTuple(
  I: Intrinsics,
  conn: number,
  t: number,
  type: string,
  data: string,
  lastEventId: string,
  origin: string,
): EventTuple {
  if (data.length <= LIMITS.maxDataChars) return [conn, t, type, data, lastEventId, origin];
  const kept = I.apply(I.stringSlice, data, [0, LIMITS.maxDataChars]);
  return [conn, t, type, kept, lastEventId, origin, data.length];
}
