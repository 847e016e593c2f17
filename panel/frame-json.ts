// "Copy as JSON" for one frame: what a bug report or a test fixture needs, with the time as an
// ISO string and the connection by URL rather than by the panel's internal key.
import type { ConnectionView, FrameView } from '../src/model/capture-state';

export interface FrameJson {
  connection: string;
  type: string;
  id: string;
  time: string;
  data: string;
  /** Only for frames cut at the capture cap: the length the data really had. */
  truncatedFrom?: number;
}

export function frameAsJson(frame: FrameView, connection: ConnectionView | undefined): FrameJson {
  return {
    connection: connection?.url ?? frame.connection,
    type: frame.type,
    id: frame.id,
    time: new Date(frame.t).toISOString(),
    data: frame.data,
    ...(frame.truncated && { truncatedFrom: frame.size }),
  };
}

export const frameJsonText = (frame: FrameView, connection: ConnectionView | undefined): string =>
  JSON.stringify(frameAsJson(frame, connection), null, 2);
