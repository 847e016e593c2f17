// The selected frame in full: a header with its metadata, then its data raw or as a JSON
// tree, or the details of the connection it arrived on. With no frame selected it shows the
// selected connection alone (a failed stream has no frames to select).
import { useMemo } from 'preact/hooks';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import { LIMITS } from '../../src/protocol/constants';
import { formatClock, formatCount, formatFrameSize } from '../format';
import { frameJsonText } from '../frame-json';
import { parseJsonContainer } from '../json-tree';
import { ConnectionDetails } from './ConnectionDetails';
import { CopyButton } from './CopyButton';
import { CloseIcon } from './icons';
import { JsonTree } from './JsonTree';

export type DetailTab = 'raw' | 'json' | 'connection';

interface Props {
  frame: FrameView | null;
  connection: ConnectionView | undefined;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  onClose: () => void;
}

export function DetailPane({ frame, connection, tab, onTab, onClose }: Props) {
  const json = useMemo(() => (frame ? parseJsonContainer(frame.data) : null), [frame]);
  const tabs: Array<[DetailTab, string]> = frame ? [['raw', 'Raw']] : [];
  if (json) tabs.push(['json', 'JSON']);
  tabs.push(['connection', 'Connection']);
  const shown: DetailTab = !frame ? 'connection' : tab === 'json' && !json ? 'raw' : tab;
  return (
    <section
      class="detail"
      aria-label={frame ? 'Frame details' : 'Connection details'}
      data-testid="detail-pane"
      data-frame={frame?.index}
      data-tab={shown}
    >
      <div class="detail-tabs">
        <button
          type="button"
          class="tool-button"
          aria-label="Close details"
          title="Close"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
        <div role="tablist" class="tabs">
          {tabs.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              class="tab"
              aria-selected={shown === id}
              data-testid={`tab-${id}`}
              onClick={() => onTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <span class="spacer" />
        {frame && <FrameCopyButtons frame={frame} connection={connection} />}
      </div>
      {frame && <FrameMeta frame={frame} connection={connection} />}
      <div class="detail-body" role="tabpanel">
        {shown === 'raw' && frame && <pre class="raw">{frame.data}</pre>}
        {shown === 'json' && json && <JsonTree value={json} />}
        {shown === 'connection' && connection && <ConnectionDetails connection={connection} />}
      </div>
    </section>
  );
}

function FrameCopyButtons({ frame, connection }: FrameProps) {
  return (
    <>
      <CopyButton
        label="Copy data"
        title="Copy the frame's data to the clipboard"
        testId="copy-data"
        text={() => frame.data}
      />
      <CopyButton
        label="Copy as JSON"
        title="Copy the frame as JSON: connection URL, type, id, ISO time and data"
        testId="copy-json"
        text={() => frameJsonText(frame, connection)}
      />
    </>
  );
}

interface FrameProps {
  frame: FrameView;
  connection: ConnectionView | undefined;
}

function FrameMeta({ frame, connection }: FrameProps) {
  return (
    <>
      <dl class="detail-meta">
        <dt>Type</dt>
        <dd>{frame.type}</dd>
        <dt>ID</dt>
        <dd>{frame.id || <span class="dim">(none)</span>}</dd>
        <dt>Time</dt>
        <dd>{formatClock(frame.t)}</dd>
        <dt>Size</dt>
        <dd>{formatFrameSize(frame.size, frame.truncated)}</dd>
        <dt>Origin</dt>
        <dd>{frame.origin}</dd>
        <dt>Connection</dt>
        <dd class="wrap">{connection?.url ?? frame.connection}</dd>
      </dl>
      {frame.truncated && (
        <p class="detail-notice" role="note">
          Data truncated to {formatCount(LIMITS.maxDataChars)} characters; the event carried{' '}
          {formatCount(frame.size)} characters.
        </p>
      )}
    </>
  );
}
