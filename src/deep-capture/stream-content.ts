// Network.streamResourceContent for a followed response, wherever it came from (a tab, a child
// session, a shared worker): it turns on streaming of the response's bytes and returns those
// that arrived before, which become a bytes record timed at the response head.
import type { CdpTranslator, Translation } from './cdp-translate';
import type { DebuggerApi, Debuggee } from './debugger-api';
import type { WireRecord } from './wire-records';

export function streamContent(
  api: DebuggerApi,
  target: Debuggee,
  translator: CdpTranslator,
  request: NonNullable<Translation['streamContent']>,
  /** Takes the buffered bytes' records, unless the session ended meanwhile (check it here). */
  deliver: (records: WireRecord[]) => void,
): void {
  const { id, t } = request;
  api
    .sendCommand(target, 'Network.streamResourceContent', { requestId: id })
    .then((result) => {
      // A result without bytes still lets go of what was held for them.
      const data = (result as { bufferedData?: unknown } | undefined)?.bufferedData;
      deliver(translator.buffered(id, t, typeof data === 'string' ? data : ''));
    })
    // The request finished before the command ran: its bytes are gone, but what was held for
    // them is delivered.
    .catch(() => deliver(translator.buffered(id, t, '')));
}
