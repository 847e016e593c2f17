// The panes under the toolbar: connections on top, then the timeline (collapsible), then the
// stats strip and frames, with the selected frame's details to the right. Dividers between
// them are draggable.
import { useMemo, useState } from 'preact/hooks';
import type { PanelStore } from '../store';
import { laneSignal } from '../timeline/lanes';
import { ConnectionList } from './ConnectionList';
import { DetailPane } from './DetailPane';
import { FramesTable } from './FramesTable';
import { Splitter } from './Splitter';
import { StatsStrip } from './StatsStrip';
import { Timeline } from './Timeline';

const MIN_PANE = 60;

const clamp = (value: number, max: number): number =>
  Math.max(MIN_PANE, Math.min(Math.max(MIN_PANE, max), value));

export function Workspace({ store }: { store: PanelStore }) {
  const [connectionsHeight, setConnectionsHeight] = useState(140);
  const [timelineHeight, setTimelineHeight] = useState(150);
  const [timelineCollapsed, setTimelineCollapsed] = useState(false);
  const [detailWidth, setDetailWidth] = useState(() => Math.round(window.innerWidth * 0.4));
  const lanes = useMemo(() => laneSignal(store), [store]);
  const frame = store.selected.value;
  return (
    <div class="workspace">
      <div class="connections-pane" style={{ height: `${connectionsHeight}px` }}>
        <ConnectionList store={store} />
      </div>
      <Splitter
        axis="y"
        label="Resize connections"
        onResize={(d) => setConnectionsHeight((h) => clamp(h + d, window.innerHeight - 260))}
      />
      <Timeline
        store={store}
        lanes={lanes}
        collapsed={timelineCollapsed}
        onToggle={() => setTimelineCollapsed((c) => !c)}
        height={timelineHeight}
      />
      {!timelineCollapsed && (
        <Splitter
          axis="y"
          label="Resize timeline"
          onResize={(d) => setTimelineHeight((h) => clamp(h + d, window.innerHeight - 260))}
        />
      )}
      <StatsStrip store={store} lanes={lanes} />
      <div class="lower">
        <FramesTable store={store} />
        {frame && (
          <>
            <Splitter
              axis="x"
              label="Resize details"
              onResize={(d) => setDetailWidth((w) => clamp(w - d, window.innerWidth - 200))}
            />
            <div class="detail-pane" style={{ width: `${detailWidth}px` }}>
              <DetailPane
                frame={frame}
                connection={store.state.connections.get(frame.connection)}
                onClose={() => {
                  store.selectedFrame.value = null;
                }}
              />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
