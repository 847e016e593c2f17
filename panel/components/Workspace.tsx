// The panes under the toolbar: connections on top, then the timeline (collapsible), then the
// stats strip and frames, with the details of the selected frame (or connection) to the right.
// Dividers between them are draggable.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PanelStore } from '../store';
import { createConversationContext } from '../conversation/context';
import { laneSignal } from '../timeline/lanes';
import { ConnectionList } from './ConnectionList';
import { DetailPane, type DetailTab } from './DetailPane';
import { FramesTable } from './FramesTable';
import { Splitter } from './Splitter';
import { StatsStrip } from './StatsStrip';
import { Timeline } from './Timeline';
import { useWidth } from './use-width';
import { t } from '../i18n/translate';

const MIN_PANE = 60;
/** The detail pane never gets narrower than this beside the table (test/e2e/layout.spec.ts). */
export const MIN_DETAIL_WIDTH = 320;
/** Nor does the frames table beside it. */
const MIN_TABLE_WIDTH = 380;
/** Narrower than both together: the detail pane goes below the table. */
const STACK_BELOW = MIN_DETAIL_WIDTH + MIN_TABLE_WIDTH + 20;

const clamp = (value: number, max: number): number =>
  Math.max(MIN_PANE, Math.min(Math.max(MIN_PANE, max), value));

export function Workspace({ store }: { store: PanelStore }) {
  const [connectionsHeight, setConnectionsHeight] = useState(140);
  const [timelineHeight, setTimelineHeight] = useState(150);
  const [timelineCollapsed, setTimelineCollapsed] = useState(false);
  /** Set once the user drags the divider; until then the pane takes 40% of the width. */
  const [detailWidth, setDetailWidth] = useState<number | null>(null);
  const [detailHeight, setDetailHeight] = useState(260);
  const [lowerRef, lowerWidth] = useWidth<HTMLDivElement>();
  const stacked = lowerWidth < STACK_BELOW;
  const fitDetail = (w: number): number =>
    Math.max(MIN_DETAIL_WIDTH, Math.min(w, lowerWidth - MIN_TABLE_WIDTH));
  const shownDetailWidth = fitDetail(detailWidth ?? Math.round(lowerWidth * 0.4));
  const lanes = useMemo(() => laneSignal(store), [store]);
  const conversation = useMemo(() => createConversationContext(lanes), [lanes]);
  const [tab, setTab] = useState<DetailTab>('raw');
  /** The Connection tab was opened by selecting a connection, not by the user's choice of tab. */
  const [connectionShown, setConnectionShown] = useState(false);
  const selectedConnection = store.connectionFilter.value;
  // Selecting a connection (in the list or on the timeline) opens its Connection tab, even when
  // it has no frames, and drops a selected frame of another connection.
  useEffect(() => {
    if (selectedConnection === null) return;
    const stale = store.selected.peek();
    if (stale && stale.connection !== selectedConnection) store.selectedFrame.value = null;
    setTab('connection');
    setConnectionShown(true);
  }, [selectedConnection]);
  const frame = store.selected.value;
  // Then picking one of its frames shows that frame's data, unless the Conversation tab is
  // open: there a frame is picked to see its part of the text.
  useEffect(() => {
    if (frame === null || !connectionShown) return;
    setConnectionShown(false);
    if (tab !== 'conversation') setTab('raw');
  }, [frame?.index]);
  const detailKey = frame?.connection ?? (connectionShown ? selectedConnection : null);
  const detailConnection = detailKey === null ? undefined : store.state.connections.get(detailKey);
  return (
    <div class="workspace">
      <div class="connections-pane" style={{ height: `${connectionsHeight}px` }}>
        <ConnectionList store={store} />
      </div>
      <Splitter
        axis="y"
        label={t('layout.resizeConnections')}
        size={{ now: connectionsHeight, min: MIN_PANE, max: window.innerHeight - 260 }}
        onResize={(d) => setConnectionsHeight((h) => clamp(h + d, window.innerHeight - 260))}
      />
      <Timeline
        store={store}
        lanes={lanes}
        collapsed={timelineCollapsed}
        onToggle={() => setTimelineCollapsed((c) => !c)}
        height={timelineHeight}
        outputStalls={conversation.outputStalls}
      />
      {!timelineCollapsed && (
        <Splitter
          axis="y"
          label={t('layout.resizeTimeline')}
          size={{ now: timelineHeight, min: MIN_PANE, max: window.innerHeight - 260 }}
          onResize={(d) => setTimelineHeight((h) => clamp(h + d, window.innerHeight - 260))}
        />
      )}
      <StatsStrip store={store} lanes={lanes} />
      <div class={stacked ? 'lower stacked' : 'lower'} ref={lowerRef}>
        <FramesTable store={store} />
        {(frame || detailConnection) && (
          <>
            {stacked ? (
              <Splitter
                axis="y"
                label={t('layout.resizeDetails')}
                size={{ now: detailHeight, min: MIN_PANE, max: window.innerHeight - 200 }}
                onResize={(d) => setDetailHeight((h) => clamp(h - d, window.innerHeight - 200))}
              />
            ) : (
              <Splitter
                axis="x"
                label={t('layout.resizeDetails')}
                size={{
                  now: shownDetailWidth,
                  min: MIN_DETAIL_WIDTH,
                  max: lowerWidth - MIN_TABLE_WIDTH,
                }}
                onResize={(d) => setDetailWidth(fitDetail(shownDetailWidth - d))}
              />
            )}
            <div
              class="detail-pane"
              style={stacked ? { height: `${detailHeight}px` } : { width: `${shownDetailWidth}px` }}
            >
              <DetailPane
                store={store}
                conversation={conversation}
                frame={frame}
                connection={detailConnection}
                tab={tab}
                onTab={(t) => {
                  setTab(t);
                  if (frame) setConnectionShown(false);
                }}
                onClose={() => {
                  store.selectedFrame.value = null;
                  setConnectionShown(false);
                }}
              />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
