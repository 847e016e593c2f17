// Differential parser conformance: thousands of generated event streams served over real
// HTTP to plain Chromium's EventSource (the oracle), then every stream parser in the project
// must dispatch exactly the same events and end with the same last-event-ID: parseEventStream,
// the `.sse` import, the replay (write-stream) and the fetch/XHR capture's SSE wire decoder.
import { expect, test } from '@playwright/test';
import { chromiumOutcomes } from '../support/sse-conformance/browser-oracle';
import { partitionChromiumOnly } from '../support/sse-conformance/browser-quirks';
import {
  CONFORMANCE_CORPUS,
  generateCorpus,
  type CorpusStream,
} from '../support/sse-conformance/corpus';
import { compareOutcomes, describeMismatches } from '../support/sse-conformance/outcome';
import {
  captureOf,
  importParser,
  parseStreamParser,
  reexportParser,
  replayOutcome,
  wireDecoderOutcome,
} from '../support/sse-conformance/project-parsers';

test('every stream parser dispatches what Chromium dispatches', async () => {
  test.setTimeout(120_000);
  const corpus = generateCorpus(CONFORMANCE_CORPUS.size, CONFORMANCE_CORPUS.seed);
  const started = performance.now();
  const dispatched = await chromiumOutcomes(corpus);
  const events = dispatched.reduce((n, o) => n + o.events.length, 0);
  const ms = Math.round(performance.now() - started);
  console.log(`corpus: ${corpus.length} streams; Chromium dispatched ${events} events in ${ms} ms`);
  // A generator gone wrong would make a corpus of streams that dispatch nothing.
  expect(events).toBeGreaterThan(corpus.length / 2);

  const parseStream = (s: CorpusStream) => parseStreamParser(s.chunks);
  const parsed = partitionChromiumOnly(
    compareOutcomes(corpus, dispatched, parseStream),
    parseStream,
  );
  console.log(describeMismatches('parseEventStream', parsed.differs));
  console.log(describeMismatches('Chromium alone, see browser-quirks.ts', parsed.chromiumOnly));
  expect(parsed.differs.length, 'mismatches (the smallest is printed above)').toBe(0);
  // When Chromium follows the spec here, this fails: drop the exception.
  expect(parsed.chromiumOnly.length).toBeGreaterThan(0);

  // A `.sse` file holds the whole stream: its import, and the same exported again (what the
  // replay serves for it), end with the browser's events and last-event-ID. A stream without
  // events is refused as a file (nothing to import), which the parsers report as empty.
  const importable = dispatched.map((o) =>
    o.events.length > 0 ? o : { events: [], lastEventId: '' },
  );
  for (const [name, parser] of [
    ['.sse import (importText)', importParser],
    ['.sse import exported again', reexportParser],
  ] as const) {
    const parse = (s: CorpusStream) => parser(s.chunks);
    const result = partitionChromiumOnly(compareOutcomes(corpus, importable, parse), parse);
    console.log(describeMismatches(name, result.differs));
    expect(result.differs.length, 'mismatches (the smallest is printed above)').toBe(0);
  }

  // A live capture holds the events the page saw, not an id-only block after the last one.
  const captured = dispatched.map(captureOf);

  const replayed = compareOutcomes(corpus, captured, (s) => replayOutcome(dispatched[s.index]!));
  const idOnlyTail = dispatched.filter((o, i) => o.lastEventId !== captured[i]!.lastEventId);
  console.log(describeMismatches('replay (write-stream)', replayed));
  console.log(
    `last-event-ID set after the last event by an id-only block (no capture holds it): ${idOnlyTail.length} streams`,
  );
  expect(replayed.length, 'mismatches (the smallest is printed above)').toBe(0);

  // A fetch or XHR stream read through the wire decoder, cut anew at random points, gives the
  // events the page's EventSource would have seen (its comments and retry frames aside).
  for (const as of ['bytes', 'text'] as const) {
    const decode = (s: CorpusStream) => wireDecoderOutcome(s, as);
    const result = partitionChromiumOnly(compareOutcomes(corpus, captured, decode), decode);
    console.log(describeMismatches(`wire decoder (${as})`, result.differs));
    expect(result.differs.length, 'mismatches (the smallest is printed above)').toBe(0);
  }
});
