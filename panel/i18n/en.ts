// The English catalog: the reference every other locale must match key for key, and the
// exact words the panel has always shown (tests assert them). `{name}` marks a placeholder.
import type { Message } from './message';

export const en = {
  'unit.bytes': '{n} B',
  'unit.kb': '{n} KB',
  'unit.mb': '{n} MB',
  'unit.gb': '{n} GB',
  'unit.truncatedSize': '{size} (truncated)',
  'unit.ms': '{n} ms',
  'unit.s': '{n} s',
  'unit.minSec': '{m}m {s}s',
  'unit.hourMin': '{h}h {m}m',

  'app.noTab':
    "SSE Lens cannot tell which tab to inspect. Open it from the SSE panel in DevTools, or add ?tabId=N to this page's address.",

  'toolbar.label': 'SSE capture',
  'toolbar.pause': 'Pause recording',
  'toolbar.resume': 'Resume recording',
  'toolbar.clear': 'Clear',
  'toolbar.preserveLogTitle': 'Keep connections and frames when the page navigates',
  'toolbar.preserveLog': 'Preserve log',
  'toolbar.frameCountTitle':
    'Frames received over all connections, including any since evicted from memory',
  'toolbar.frames': 'frames',

  'filter.placeholder': 'Filter (text or /regex/)',
  'filter.label': 'Filter frames by data, type, id or connection URL',
  'filter.invalid': 'Invalid regular expression: {error}',
  'filter.title': 'Text, or /regex/flags',
  'filter.eventType': 'Event type',
  'filter.allTypes': 'All types',
  'filter.connectionKind': 'Connection kind',
  'filter.allKinds': 'All kinds',
  'filter.shown': '{count} shown',

  'deep.label': 'Deep capture',
  'deep.turnOff': 'Turn deep capture off',
  'deep.turnOn': 'Turn deep capture on',
  'deep.notGranted': 'Deep capture needs the debugger permission, which was not granted.',
  'deep.firefox':
    'Deep capture is not available in Firefox yet: it uses Chrome’s debugger API, which Firefox does not offer to extensions. The page hook still captures every stream the page listens to.',
  'deep.hint':
    'Deep capture attaches Chrome’s debugger to this tab to read every event on the wire; Chrome shows an “SSE Lens started debugging this browser” bar while it is on.',

  'settings.label': 'Memory settings',
  'settings.title': 'Memory: how many frames and how much data the panel keeps',
  'settings.intro':
    'The panel keeps the newest frames within both caps; older ones are evicted first.',
  'settings.framesKept': 'Frames kept',
  'settings.dataKept': 'Data kept (Mi characters)',
  'settings.holding': 'Holding {frames} frames, {kib} Ki characters of data.',
  'settings.evicted': '{count} older frames evicted from panel memory so far.',
  'settings.nothingEvicted': 'Nothing evicted from panel memory.',
  'settings.defaults': 'Defaults',
  'settings.cancel': 'Cancel',
  'settings.apply': 'Apply',
  'settings.language': 'Language',
  'settings.browserLanguage': 'Browser language',

  'notice.staleHook': '{count} records rejected: outdated page hook, reload the page',
  'notice.staleHookTip':
    "The page's capture hook speaks another protocol version than this extension: the page was loaded before SSE Lens was updated or reloaded. Its records cannot be read safely and were rejected. Reload the page to capture it.",
  'notice.malformed': '{count} malformed records rejected',
  'notice.malformedTip':
    'Records from the page world that did not match the expected shape were discarded. The page hook never sends such records: this points to a bug in SSE Lens or to page code tampering with the capture.',
  'notice.untracked': '{count} connections not tracked (over the cap)',
  'notice.untrackedTip':
    'A document had more live connections than SSE Lens tracks ({max}), or their URLs and stacks passed the {mebi} Mi characters of bookkeeping kept per document. Further connections are counted, not tracked: {records} of their frames and state changes were not recorded.',
  'notice.droppedByHook': '{count} dropped by the page hook',
  'notice.droppedByHookTip':
    "Records the page hook discarded before its channel to the extension's content script opened: it holds a bounded number until then (a frame whose content script did not start, or a flood before it did).",
  'notice.evictedSource': "{count} evicted from the page's buffer",
  'notice.evictedSourceTip':
    "Records the page's content script evicted from its buffer (it keeps the newest {frames} frames and {mebi} Mi characters of data per document) before this panel received them. Keep the panel open while capturing to receive everything live.",
  'notice.evictedPanel': '{count} older records evicted from panel memory',
  'notice.evictedPanelTip':
    "Frames dropped from this panel's memory, oldest first, to stay within its caps (Memory settings). Their connections still count them.",
  'notice.paused': '{count} not recorded while paused',
  'notice.pausedTip': 'Records that arrived while recording was paused were not kept.',
  'notice.wireUnmatched': '{count} wire records matched no connection',
  'notice.wireUnmatchedTip':
    'Deep capture saw these events or bytes on a stream the page hook reported no connection for (for example a stream opened before the page hook ran), so they are not shown.',
  'notice.wireMissed': {
    one: '{count} stream opened before deep capture: reload to see their wire',
    other: '{count} streams opened before deep capture: reload to see their wire',
  },
  'notice.wireMissedTip':
    'These streams were already open when deep capture started, and Chrome reports nothing of a request it was not watching from the start: no unlistened events, comments or retry: for them, only what the page hook saw. Reload the page (or let them reconnect) to capture them on the wire.',
} as const satisfies Readonly<Record<string, Message>>;

export type MessageKey = keyof typeof en;
