// Reads the detail pane and selects connection rows in the real SSE panel, through the
// data-testid hooks, so failed-stream tests assert what a user sees.
import type { PanelView } from './panel-view';

export interface DetailView {
  /** Which tab is shown (`raw|json|connection`), or null when the pane is closed. */
  tab: string | null;
  /** `FrameView.index` of the frame shown, or null when only a connection is shown. */
  frame: number | null;
  /** Key of the connection the Connection tab shows, when it does. */
  connection: string | null;
  url: string | null;
  reason: string | null;
  httpStatus: string | null;
  contentType: string | null;
  attempts: { outcome: string; text: string }[];
  stateChanges: string[];
  /** What the frames table says when it has no rows. */
  framesEmpty: string | null;
}

const READ_DETAIL = `(() => {
  const pane = document.querySelector('[data-testid=detail-pane]');
  const text = (id) => pane?.querySelector('[data-testid=' + id + ']')?.textContent ?? null;
  const details = pane?.querySelector('[data-testid=connection-details]');
  return {
    tab: pane?.dataset.tab ?? null,
    frame: pane?.dataset.frame === undefined ? null : Number(pane.dataset.frame),
    connection: details?.dataset.connection ?? null,
    url: details?.dataset.url ?? null,
    reason: text('failure-reason'),
    httpStatus: text('http-status'),
    contentType: text('content-type'),
    attempts: [...(pane?.querySelectorAll('[data-testid=attempt]') ?? [])].map((e) => ({
      outcome: e.dataset.outcome, text: e.textContent })),
    stateChanges: [...(pane?.querySelectorAll('[data-testid=state-changes] li') ?? [])].map(
      (e) => e.textContent),
    framesEmpty: document.querySelector('.frames-empty')?.textContent ?? null,
  };
})()`;

export function readDetail(panel: PanelView): Promise<DetailView> {
  return panel.devtools.evaluate(READ_DETAIL);
}

/** Selects the connection row for `url` with a click, or by focusing it and pressing Enter. */
export function selectConnection(
  panel: PanelView,
  url: string,
  by: 'click' | 'keyboard' = 'click',
): Promise<void> {
  const selector = JSON.stringify(`[data-testid=connection-row][data-url=${JSON.stringify(url)}]`);
  return panel.devtools.evaluate(
    by === 'click'
      ? `document.querySelector(${selector}).click()`
      : `(() => {
          const row = document.querySelector(${selector});
          row.focus();
          row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        })()`,
  );
}

/** Clicks the first frame row shown; returns its connection key. */
export function selectFirstFrame(panel: PanelView): Promise<string> {
  return panel.devtools.evaluate(`(() => {
    const row = document.querySelector('[data-testid=frame-row]');
    row.click();
    return row.dataset.connection;
  })()`);
}
