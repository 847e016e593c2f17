// Reads the detail pane's Request tab (fetch/XHR streams) in the real SSE panel: select the
// connection row, open the tab, and read what it shows through its data-testid hooks.
import { selectConnection } from './detail-view';
import type { PanelView } from './panel-view';
import { waitUntil } from './wait-until';

export interface RequestView {
  method: string;
  requestHeaders: [string, string][];
  /** `json|fields|text|binary|empty|none`, the body as shown, and its size attribute. */
  bodyKind: string;
  body: string;
  bodySize: string;
  bodyTruncated: boolean;
  status: string | null;
  responseHeaders: [string, string][];
  mislabelled: boolean;
  notAStream: boolean;
  outcome: string;
  outcomeText: string;
  timeToFirstFrame: string;
}

/** The Request tab of `url`, or null (after clicking the tab, if a pane without it shows). */
const read = (url: string): string => `(() => {
  const root = document.querySelector('[data-testid=request-details][data-url=' + ${JSON.stringify(JSON.stringify(url))} + ']');
  if (!root) {
    document.querySelector('[data-testid=tab-request]')?.click();
    return null;
  }
  const q = (id) => root.querySelector('[data-testid=' + id + ']');
  const rows = (id) => [...(q(id)?.querySelectorAll('tr') ?? [])].map((tr) =>
    [tr.querySelector('th').textContent, tr.querySelector('td').textContent]);
  const body = q('request-body');
  return {
    method: q('request-method')?.textContent ?? '',
    requestHeaders: rows('request-headers'),
    bodyKind: body?.dataset.body ?? 'none',
    body: body?.querySelector('pre')?.textContent ?? (body ? JSON.stringify(rows('request-fields')) : ''),
    bodySize: body?.dataset.size ?? '',
    bodyTruncated: q('request-body-truncated') !== null,
    status: q('response-status')?.dataset.status ?? null,
    responseHeaders: rows('response-headers'),
    mislabelled: q('mislabelled-warning') !== null,
    notAStream: q('not-a-stream') !== null,
    outcome: q('request-outcome')?.dataset.outcome ?? '',
    outcomeText: q('request-outcome')?.textContent ?? '',
    timeToFirstFrame: q('time-to-first-frame')?.dataset.ms ?? '',
  };
})()`;

/** Selects the connection for `url`, opens its Request tab and reads it once `ready` holds. */
export async function readRequest(
  panel: PanelView,
  url: string,
  ready: (view: RequestView) => boolean = () => true,
): Promise<RequestView> {
  await selectConnection(panel, url);
  return waitUntil(
    `the Request tab of ${url}`,
    () => panel.devtools.evaluate<RequestView | null>(read(url)),
    (v): v is RequestView => v !== null && ready(v),
    15_000,
  ) as Promise<RequestView>;
}
