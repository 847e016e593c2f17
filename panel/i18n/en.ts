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

  'conn.col.connection': 'Connection',
  'conn.col.status': 'Status',
  'conn.col.frames': 'Frames',
  'conn.col.retries': 'Retries',
  'conn.col.size': 'Size',
  'conn.col.time': 'Time',
  'conn.col.timeTitle': 'Age of a live connection, lifetime of a closed one',
  'conn.col.frame': 'Frame',
  'conn.col.frameTitle': 'The document (top or iframe) that opened the connection',
  'conn.listLabel': 'Connections',
  'conn.all': 'All connections',
  'conn.allSummary': '{total} total, {open} open',
  'conn.allQueued': ', {queued} queued',
  'conn.importedFrom': 'Imported from {name}',
  'conn.imported': 'imported',
  'conn.openedByContext': 'Opened by the {context} {url}',
  'conn.mislabelledTitle': 'A stream served under a Content-Type EventSource would reject',
  'conn.mislabelled': 'mislabelled',
  'conn.saidFrames': 'frames',
  'conn.saidRetries': 'retries',
  'conn.saidOpenFor': 'open for',
  'conn.saidLasted': 'lasted',
  'conn.saidOpenedBy': 'opened by the',
  'conn.saidDocument': 'document',
  'conn.top': 'top',
  'conn.seenByDeep': '{context}: {url} (seen by deep capture)',
  'conn.frameLine': 'Frame: {url}',
  'conn.listensFor': 'Listens for: {types}',
  'conn.initiator': 'Initiator:',
  'context.worker': 'worker',
  'context.sharedworker': 'shared worker',
  'context.serviceworker': 'service worker',

  'state.connecting': 'connecting',
  'state.open': 'open',
  'state.closed': 'closed',
  'state.queued': 'queued',
  'state.reconnecting': 'reconnecting',
  'state.awaitingServer': 'awaiting server',
  'state.notAStream': 'not a stream',
  'state.http': 'HTTP {status}',
  'state.httpError': 'HTTP error',
  'state.aborted': 'aborted',
  'state.cancelled': 'cancelled',
  'state.networkError': 'network error',
  'state.openTitle': 'Open: holds a connection and receives events.',
  'state.awaitingServerTitle':
    'Holds a connection: the request is sent and the server has not answered yet.',
  'state.queuedTitle': 'Queued behind the connection limit: no connection is free for it yet.',
  'state.reconnectingTitle':
    'Reconnecting after an error: waits out the retry delay, holding no connection.',
  'state.queuedFor':
    'Queued behind the connection limit for {wait}. The budget view lists the connections holding the slots.',
  'state.awaitingServerFor':
    'Waiting for the server for {wait}: the request holds a connection but has no response yet.',
  'state.notAStreamTitle': 'The response was not a stream',
  'state.closedTitle': 'The body ended normally',

  'budget.assumed': 'HTTP/1.1 assumed',
  'budget.multiplexed': 'multiplexed',
  'budget.unknown': 'unknown',
  'budget.assumedNote': 'HTTP/1.1 assumed: protocol not learned yet',
  'budget.streams': { one: '{count} stream', other: '{count} streams' },
  'budget.perConnection': 'multiplexed (≈{limit} per connection)',
  'budget.inUseOfLimit': 'connections in use / limit',
  'budget.chipQueued': '{endpoint} {use} · {queued} queued',
  'budget.pools': { one: '{count} pool', other: '{count} pools' },
  'budget.full': '{count} full',
  'budget.nearlyFull': '{count} nearly full',
  'budget.listSeparator': ', ',
  'budget.summaryProblems': '{pools}: {problems}',
  'budget.summaryOk': '{pools}, within limits',
  'budget.otherTabs': { one: '{count} other tab', other: '{count} other tabs' },
  'budget.noTab': 'no tab',
  'budget.thisTabAnd': 'this tab and {others}',
  'budget.thisTab': 'this tab',
  'budget.queuedSources': { one: '{count} EventSource', other: '{count} EventSources' },
  'budget.queuedOne': 'is queued and has waited {wait}.',
  'budget.queuedMany': 'are queued and have waited up to {wait}.',
  'budget.heldBy': 'held by {holders}',
  'budget.headlineMux':
    '{endpoint} has {inUse} of about {limit} concurrent {name} streams in use ({holders}).',
  'budget.headline': '{endpoint} has {inUse} of {limit} connections in use ({holders}{assumed}).',
  'budget.headlineH1':
    '{endpoint} has {inUse} of {limit} HTTP/1.1 connections in use ({holders}{assumed}).',
  'budget.assumedSuffix': '; HTTP/1.1 assumed: protocol not learned yet',
  'budget.muxWait': 'New streams to this host will wait until one closes.',
  'budget.fullCredentialed':
    'Any other request to this host from this site — fetch, images, navigation — will wait too.',
  'budget.fullAnonymous':
    'Any other request made without credentials to this host from this site will wait too.',
  'budget.lastConnection':
    'The next stream or request to this host from this site will take the last connection.',
  'budget.noneWaiting': 'none waiting',
  'budget.waiting': 'waiting {wait}',
  'budget.longestWait': 'longest wait {wait}',
  'budget.tab': 'tab {id}',
  'budget.waitingFor': 'waiting for a free connection for {wait}, since {since}',
  'budget.waited': 'waited {took} for a free connection, {from} → {to}',

  'budget.label': 'Connection budget',
  'budget.poolsLabel': 'Socket pools',
  'fix.summary': 'How to fix',
  'fix.h2Title': 'Serve the stream over HTTP/2 or HTTP/3.',
  'fix.h2Body':
    'Streams are multiplexed over one connection (servers commonly allow about 100 at once), so the limit of six per host no longer applies.',
  'fix.shareTitle': 'Share one EventSource across tabs.',
  'fix.shareBody':
    'Open it in a SharedWorker, or let one tab lead (elected with Web Locks or over a BroadcastChannel) and relay its events to the other tabs on a BroadcastChannel.',
  'fix.fewerTitle': 'Open fewer streams.',
  'fix.fewerBody':
    'One stream can carry several kinds of update as named events ({event} lines) instead of one stream per topic.',
  'fix.closeTitle': "Close streams you don't need.",
  'fix.closeBody':
    'Call {close} on {pagehide} or when the page is hidden ({visibilitychange}), and open the stream again when the page is shown.',

  'pool.label': 'Pool {endpoint}',
  'pool.hide': 'Hide the connections in this pool',
  'pool.show': 'Show the connections in this pool',
  'pool.topSite': 'top-level site {site} · {credentials}',
  'pool.credentialed': 'credentialed',
  'pool.anonymous': 'anonymous',
  'pool.protocolLearned': 'How the protocol was learned: {source}',
  'pool.queued': '{count} queued',
  'pool.reconnecting': '{count} reconnecting',
  'pool.inPool': '{count} in pool',
  'pool.socketsSeen': '{count} sockets seen',
  'pool.membersLabel': 'Connections in the pool of {endpoint}',
  'pool.col.tab': 'Tab',
  'pool.col.frame': 'Frame',
  'pool.col.stream': 'Stream',
  'pool.col.state': 'State',
  'pool.col.since': 'Since',
  'pool.socketsLabel': 'Sockets seen by deep capture',
  'pool.col.socket': 'Socket',
  'pool.col.protocol': 'Protocol',
  'pool.col.heldBy': "Held by (this tab's requests, seen by deep capture)",
  'pool.socketsNote':
    "{count} sockets to {endpoint} hold this tab's requests now, by Chrome's own connection ids (deep capture). Other tabs share the pool but are not seen here.",
  'pool.socketsShared':
    '{count} of them carry several requests at once: multiplexed (HTTP/2 or later).',
  'pool.socketsWaiting': '{count} requests are sent and have no response head yet.',
  'pool.thisTab': 'this tab',
} as const satisfies Readonly<Record<string, Message>>;

export type MessageKey = keyof typeof en;
