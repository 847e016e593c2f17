// The panel's reactive store: the plain CaptureState that applyBatch mutates, plus signals
// for what the UI renders. `version` is bumped at most once per animation frame after
// batches arrive; every derived list recomputes from it.
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { PanelIn } from '../src/bridge/panel-link';
import { applyPools } from '../src/model/apply-pools';
import type { PoolView } from '../src/model/pools';
import {
  captureCounters,
  createCaptureState,
  totalEvicted,
  type CaptureCounters,
  type CaptureState,
  type ConnectionKind,
  type ConnectionView,
  type FrameView,
  type RequestResponse,
} from '../src/model/capture-state';
import { appendImported, applyBatch, clearCapture } from '../src/model/apply-batch';
import { applyLimits } from '../src/model/memory-limits';
import { setRecording as setRecordingAt } from '../src/model/recording';
import { noteResponseForUrl } from '../src/model/responses';
import { applyWire, bindWaiting, expectWire, streamsOpenBeforeWire } from '../src/model/wire-merge';
import type { DeepCaptureStatus } from '../src/deep-capture/wire-records';
import type { EndpointSockets } from '../src/deep-capture/socket-use';
import type { CaptureFile, ImportFormat } from '../src/export/capture-types';
import { captureToViews } from '../src/export/to-state';
import { browserScheduler, coalesce, type Scheduler } from './coalesce';
import { framePredicate, parseQuery, type FrameQuery } from './filter';
import { createFrameList } from './frame-list';
import { createFrameTypes } from './frame-types';
import type { Limits } from './limits';
import { positionOf } from './frame-search';

export interface CaptureStats {
  recording: boolean;
  preserveLog: boolean;
  /** Frames received over all connections, including frames since evicted from memory. */
  frames: number;
  /** Records evicted to bound memory, in content scripts and in the panel. */
  evicted: number;
  /** Frames not recorded because recording was paused (connections' lifecycle still is). */
  droppedWhilePaused: number;
  /** Every count of records not shown, by cause: the toolbar's notices. */
  counters: CaptureCounters;
  /** Finished connections (their frames already evicted) removed to bound memory. */
  connectionsEvicted: number;
}

export interface PanelStore {
  readonly state: CaptureState;
  readonly version: ReadonlySignal<number>;
  /** Toolbar filter text, `/regex/` or plain. */
  readonly filterText: Signal<string>;
  readonly typeFilter: Signal<string | null>;
  /** Connection key whose frames alone are shown, or null for all connections. */
  readonly connectionFilter: Signal<string | null>;
  /** Only frames of connections of this kind, or any kind when null. */
  readonly kindFilter: Signal<ConnectionKind | null>;
  /** `FrameView.index` of the frame open in the detail pane. */
  readonly selectedFrame: Signal<number | null>;
  readonly query: ReadonlySignal<FrameQuery>;
  readonly stats: ReadonlySignal<CaptureStats>;
  readonly connections: ReadonlySignal<readonly ConnectionView[]>;
  /** Wrapped so that every recompute notifies, although the list is updated in place. */
  readonly visibleFrames: ReadonlySignal<{ rows: readonly FrameView[] }>;
  readonly frameTypes: ReadonlySignal<readonly string[]>;
  readonly selected: ReadonlySignal<FrameView | null>;
  /** The socket pools the inspected tab takes part in, live from the background. */
  readonly pools: ReadonlySignal<readonly PoolView[]>;
  /** Deep capture of the inspected tab as the background reports it; null until it does. */
  readonly deepCapture: ReadonlySignal<DeepCaptureStatus | null>;
  /** The sockets the tab's requests use, by endpoint; empty while deep capture is off. */
  readonly sockets: ReadonlySignal<readonly EndpointSockets[]>;
  receive(msg: PanelIn): void;
  /** A response from DevTools' network log; false when no connection to `url` fits (yet). */
  noteResponse(url: string, response: RequestResponse): boolean;
  /** Adds a capture read from a file, its connections marked imported; returns their count. */
  importCapture(file: CaptureFile, format: ImportFormat, name: string): number;
  setRecording(on: boolean): void;
  setPreserveLog(on: boolean): void;
  /** New memory caps, applied at once (oldest frames evicted first). */
  setLimits(limits: Limits): void;
  clear(): void;
}

export function createStore(
  state: CaptureState = createCaptureState(),
  scheduler: Scheduler = browserScheduler,
): PanelStore {
  const version = signal(0);
  const touch = (): void => {
    version.value++;
  };
  const scheduleTouch = coalesce(touch, scheduler);

  const pools = signal<readonly PoolView[]>([]);
  const deepCapture = signal<DeepCaptureStatus | null>(null);
  const sockets = signal<readonly EndpointSockets[]>([]);
  const filterText = signal('');
  const typeFilter = signal<string | null>(null);
  const connectionFilter = signal<string | null>(null);
  const kindFilter = signal<ConnectionKind | null>(null);
  const selectedFrame = signal<number | null>(null);
  const query = computed(() => parseQuery(filterText.value));
  const predicate = computed(() =>
    framePredicate(
      {
        query: query.value,
        type: typeFilter.value,
        connection: connectionFilter.value,
        kind: kindFilter.value,
      },
      state.connections,
    ),
  );
  const frameList = createFrameList();
  const types = createFrameTypes();
  let imports = 0;

  const frames = (): FrameView[] => {
    void version.value;
    return state.frames;
  };

  return {
    state,
    version,
    filterText,
    typeFilter,
    connectionFilter,
    kindFilter,
    selectedFrame,
    query,
    stats: computed(() => {
      void version.value;
      let received = 0;
      for (const c of state.connections.values()) received += c.frames;
      return {
        recording: state.recording,
        preserveLog: state.preserveLog,
        frames: received,
        evicted: totalEvicted(state),
        droppedWhilePaused: state.droppedWhilePaused,
        counters: { ...captureCounters(state), wireMissed: streamsOpenBeforeWire(state) },
        connectionsEvicted: state.connectionsEvicted,
      };
    }),
    connections: computed(() => {
      void version.value;
      return [...state.connections.values()];
    }),
    visibleFrames: computed(() => ({ rows: frameList.update(frames(), predicate.value) })),
    frameTypes: computed(() => types.update(frames())),
    selected: computed(() => {
      const index = selectedFrame.value;
      const all = frames();
      return index === null ? null : (all[positionOf(all, index)] ?? null);
    }),
    pools,
    deepCapture,
    sockets,
    receive(msg) {
      if (msg.type === 'sockets') {
        sockets.value = msg.endpoints;
        return;
      }
      if (msg.type === 'deep-capture') {
        deepCapture.value =
          msg.state === 'error'
            ? { state: 'error', error: msg.error, ...(msg.problem ? { problem: msg.problem } : {}) }
            : msg.state === 'on' && msg.sockets === false
              ? { state: 'on', sockets: false }
              : { state: msg.state };
        if (msg.state === 'on') {
          expectWire(state);
          // Streams already open are now ones deep capture cannot see: the counters change.
          scheduleTouch();
        }
        return;
      }
      if (msg.type === 'wire') {
        applyWire(state, msg.records);
        scheduleTouch(msg.records.length);
        return;
      }
      if (msg.type === 'pools') {
        pools.value = msg.pools;
        applyPools(state, msg.pools);
        scheduleTouch();
        return;
      }
      const { navigated, applied } = applyBatch(state, msg);
      // Pools usually arrive before the records of the connections they list (a content
      // script sends its snapshot as soon as it connects, its records only after the panel's
      // sync): place the connections the batch created in the pools already known.
      if (applied > 0) {
        applyPools(state, pools.value);
        bindWaiting(state);
      }
      if (navigated && !state.preserveLog) {
        selectedFrame.value = null;
        connectionFilter.value = null;
      }
      scheduleTouch(msg.type === 'records' ? msg.records.length : 1);
    },
    noteResponse(url, response) {
      const matched = noteResponseForUrl(state.connections.values(), url, response);
      if (matched) scheduleTouch();
      return matched;
    },
    importCapture(file, format, name) {
      imports++;
      const docId = `import${imports}`;
      const views = captureToViews(file, { docId, name, format, importedAt: Date.now() });
      appendImported(state, views.connections, views.frames);
      touch();
      return views.connections.length;
    },
    setRecording(on) {
      setRecordingAt(state, on, Date.now());
      touch();
    },
    setPreserveLog(on) {
      state.preserveLog = on;
      touch();
    },
    setLimits(limits) {
      applyLimits(state, limits);
      touch();
    },
    clear() {
      clearCapture(state);
      selectedFrame.value = null;
      if (connectionFilter.value !== null && !state.connections.has(connectionFilter.value)) {
        connectionFilter.value = null;
      }
      touch();
    },
  };
}
