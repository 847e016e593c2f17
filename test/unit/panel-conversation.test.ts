import { describe, expect, it } from 'vitest';
import { createConversationCache, type CacheKey } from '../../panel/conversation/cache';
import { framesInTextOrder, textSegments } from '../../panel/conversation/highlight';
import { createIncrementalAssembler } from '../../panel/conversation/incremental';
import {
  conversationAvailability,
  conversationModel,
  type ConversationModel,
  modelFromUrl,
  requestStartOf,
  stallSpans,
} from '../../panel/conversation/model';
import {
  loadRules,
  removeRule,
  ruleErrors,
  RULES_STORAGE_KEY,
  saveRule,
} from '../../panel/conversation/rules';
import { assembleConversation } from '../../src/llm/assemble';
import type { LlmFrame } from '../../src/llm/conversation';
import type { UserRule } from '../../src/llm/user-rule';
import type { ConnectionView } from '../../src/model/capture-state';
import { framesOf, START } from './llm-fixtures';

const GEMINI_URL =
  'https://generativelanguage.example/v1beta/models/gemini-e2e:streamGenerateContent?alt=sse';

function connection(extra: Partial<ConnectionView> = {}): ConnectionView {
  return {
    key: 'doc:1',
    docId: 'doc',
    url: GEMINI_URL,
    kind: 'fetch',
    withCredentials: false,
    frameUrl: 'https://app.example/',
    top: true,
    stack: '',
    createdAt: START,
    readyState: 2,
    state: 'closed',
    frames: 0,
    retries: 0,
    bytes: 0,
    lastActivity: 0,
    closedAt: null,
    transitions: [{ t: START, readyState: 0, cause: 'create' }],
    listenedTypes: [],
    queued: false,
    queueWaits: [],
    ...extra,
  };
}

const geminiChunk = (text: string, thought = false): object => ({
  candidates: [{ index: 0, content: { role: 'model', parts: [{ text, thought }] } }],
});

/** The tab's model of a connection, read from its frames whole (the panel reads them as they come). */
function modelOf(
  connection: ConnectionView,
  frames: readonly LlmFrame[],
  rules: readonly UserRule[],
): ConversationModel | null {
  const conversation = assembleConversation(frames, { url: connection.url }, rules);
  return conversation && conversationModel(connection, conversation, frames);
}

describe('conversation model', () => {
  it('names the model from a Gemini URL when no frame does, and measures from request start', () => {
    const frames = framesOf([geminiChunk('plan', true), geminiChunk('Hi'), geminiChunk(' there')]);
    const body = JSON.stringify({
      contents: [{ role: 'user', parts: [{ text: 'hello' }] }],
      generationConfig: { temperature: 0.5 },
    });
    const model = modelOf(
      connection({
        request: {
          method: 'POST',
          headers: [],
          credentials: 'same-origin',
          body: { text: body, binary: false, kept: body.length, size: body.length },
        },
      }),
      frames,
      [],
    );
    expect(model?.model).toBe('gemini-e2e');
    expect(model?.conversation.choices[0]?.text).toBe('Hi there');
    expect(model?.metrics.ttfrMs).toBe(100);
    expect(model?.metrics.ttftMs).toBe(110);
    expect(model?.request?.messages).toEqual([{ role: 'user', text: 'hello' }]);
    expect(model?.request?.params).toEqual({ 'generationConfig.temperature': 0.5 });
  });

  it('reads the model from the URL only in the models/<m>:method shape', () => {
    expect(modelFromUrl(GEMINI_URL)).toBe('gemini-e2e');
    expect(modelFromUrl('https://x.example/v1/chat/completions')).toBeNull();
  });

  it('counts TTFT from the last reconnect before the first frame kept', () => {
    const c = connection({
      transitions: [
        { t: START - 5000, readyState: 0, cause: 'create' },
        { t: START - 4000, readyState: 1, cause: 'open' },
        { t: START - 50, readyState: 0, cause: 'error' },
        { t: START + 500, readyState: 0, cause: 'error' },
      ],
      createdAt: START - 5000,
    });
    expect(requestStartOf(c, START + 100)).toBe(START - 50);
  });

  it('offers the tab for known formats, rule matches and unknown JSON only', () => {
    const url = 'https://llm.example/generate';
    expect(conversationAvailability(framesOf([geminiChunk('a')]), url, [])).toBe('detected');
    expect(conversationAvailability(framesOf([{ out: 'a' }]), url, [])).toBe('unknown-json');
    expect(
      conversationAvailability(framesOf([{ out: 'a' }]), url, [
        { urlPattern: 'https://llm.example/*', textPath: 'out' },
      ]),
    ).toBe('rule');
    expect(conversationAvailability(framesOf(['tick 1', 'tick 2']), url, [])).toBeNull();
    expect(conversationAvailability([], url, [])).toBeNull();
  });

  it('places stalls on the timeline at the times of the frames around them', () => {
    const frames = framesOf([geminiChunk('a'), geminiChunk('b')]);
    frames[1] = { ...(frames[1] as (typeof frames)[number]), t: START + 2600 };
    const model = modelOf(connection(), frames, []);
    expect(model && stallSpans(model)).toEqual([
      { from: START + 100, to: START + 2600, frames: 0 },
    ]);
  });
});

describe('conversation cache', () => {
  const key = (frames: number, extra: Partial<CacheKey> = {}): CacheKey => ({
    connection: 'a',
    firstFrame: 0,
    frames,
    inputs: '0',
    ...extra,
  });

  it('rebuilds a growing stream at most once per interval and says when to ask again', () => {
    let now = 0;
    let builds = 0;
    const cache = createConversationCache<number>(() => now, 300);
    const build = (n: number) => () => {
      builds++;
      return n;
    };
    expect(cache.get(key(1), build(1))).toEqual({ value: 1, retryInMs: null });
    now = 100;
    expect(cache.get(key(1), build(1))).toEqual({ value: 1, retryInMs: null });
    expect(cache.get(key(5), build(5))).toEqual({ value: 1, retryInMs: 200 });
    now = 300;
    expect(cache.get(key(9), build(9))).toEqual({ value: 9, retryInMs: null });
    expect(builds).toBe(2);
  });

  it('waits longer after a slow build, so rebuilding takes at most a fifth of the time', () => {
    let now = 0;
    const cache = createConversationCache<number>(() => now, 300);
    cache.get(key(1), () => {
      now += 1000;
      return 1;
    });
    now = 2000;
    expect(cache.get(key(2), () => 2)).toEqual({ value: 1, retryInMs: 3000 });
    now = 5000;
    expect(cache.get(key(2), () => 2)).toEqual({ value: 2, retryInMs: null });
  });

  it('counts the time until the update was shown in the cost of a build', () => {
    let now = 0;
    const cache = createConversationCache<number>(() => now, 300);
    cache.get(key(1), () => 1);
    now = 500;
    cache.shown();
    now = 1000;
    expect(cache.get(key(2), () => 2)).toEqual({ value: 1, retryInMs: 1500 });
  });

  it('rebuilds at once for another connection or changed rules', () => {
    let builds = 0;
    const cache = createConversationCache<string>(() => 0, 300);
    const build = () => String(++builds);
    cache.get(key(1), build);
    expect(cache.get(key(1, { connection: 'b' }), build).value).toBe('2');
    expect(cache.get(key(1, { connection: 'b', inputs: '1' }), build).value).toBe('3');
  });
});

describe('text segments', () => {
  const spans = [
    { start: 0, end: 3, frame: 1 },
    { start: 3, end: 5, frame: 2 },
    { start: 5, end: 8, frame: 2 },
    { start: 8, end: 10, frame: 1 },
  ];

  it('marks the runs of the selected frame, touching runs as one', () => {
    expect(textSegments('abcdefghij', spans, 2)).toEqual([
      { text: 'abc', start: 0, marked: false },
      { text: 'defgh', start: 3, marked: true },
      { text: 'ij', start: 8, marked: false },
    ]);
    expect(textSegments('abcdefghij', spans, 1).filter((s) => s.marked)).toEqual([
      { text: 'abc', start: 0, marked: true },
      { text: 'ij', start: 8, marked: true },
    ]);
  });

  it('is the whole text unmarked without a selected frame of it', () => {
    expect(textSegments('abcdefghij', spans, 7)).toEqual([
      { text: 'abcdefghij', start: 0, marked: false },
    ]);
    expect(textSegments('', [], null)).toEqual([{ text: '', start: 0, marked: false }]);
  });

  it('lists the frames in text order once each', () => {
    expect(framesInTextOrder(spans)).toEqual([1, 2]);
  });
});

describe('user rules storage', () => {
  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, v),
    };
  }

  it('keeps rules per origin, replacing one with the same URL pattern', () => {
    const storage = memoryStorage();
    const url = 'https://llm.example/v2/stream?x=1';
    saveRule(storage, url, { urlPattern: 'https://llm.example/*', textPath: 'a' });
    saveRule(storage, url, { urlPattern: 'https://llm.example/*', textPath: 'b' });
    saveRule(storage, 'https://other.example/s', { urlPattern: '*', textPath: 'c' });
    expect(loadRules(storage, 'https://llm.example/other')).toEqual([
      { urlPattern: 'https://llm.example/*', textPath: 'b' },
    ]);
    removeRule(storage, url, 'https://llm.example/*');
    expect(loadRules(storage, url)).toEqual([]);
    expect(loadRules(storage, 'https://other.example/')).toHaveLength(1);
  });

  it('ignores a stored value that is not rules', () => {
    const storage = memoryStorage();
    storage.setItem(
      RULES_STORAGE_KEY,
      '{"https://a.example":[{"urlPattern":1},{"urlPattern":"x","textPath":"t"}]}',
    );
    expect(loadRules(storage, 'https://a.example/')).toEqual([{ urlPattern: 'x', textPath: 't' }]);
    storage.setItem(RULES_STORAGE_KEY, 'not json');
    expect(loadRules(storage, 'https://a.example/')).toEqual([]);
  });

  it('says what is wrong with each field', () => {
    expect(ruleErrors({ urlPattern: 'x', textPath: 'choices[0].text' })).toEqual({});
    expect(
      ruleErrors({ urlPattern: ' ', textPath: '', reasoningPath: 'a..b', finishPath: 'ok' }),
    ).toEqual({
      urlPattern: 'Give the URL the rule applies to',
      textPath: 'A path to the text is required',
      reasoningPath: 'Cannot use this path: cannot read the path at "..b"',
    });
  });
});

describe('incremental assembler', () => {
  const chunk = (content: string): object => ({
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { content } }],
  });
  const hints = { url: 'https://x.example/v1/chat/completions' };

  it('reads only the frames that arrived since, and starts over when frames were evicted', () => {
    const frames = framesOf([chunk('a'), chunk('b'), chunk('c'), chunk('d')]);
    const assembler = createIncrementalAssembler();
    const spy = frames.map((f) => ({ ...f }));
    let reads = 0;
    const counted = spy.map((f) =>
      Object.defineProperty(f, 'data', {
        get: () => {
          reads++;
          return frames[spy.indexOf(f)]?.data ?? '';
        },
      }),
    );
    expect(assembler.assemble('k', counted.slice(0, 2), hints, [])?.choices[0]?.text).toBe('ab');
    const afterTwo = reads;
    expect(assembler.assemble('k', counted, hints, [])?.choices[0]?.text).toBe('abcd');
    // Each new frame is read, the first two are not read again.
    expect(reads - afterTwo).toBeLessThanOrEqual(2 * 3);
    expect(assembler.assemble('k', counted.slice(1), hints, [])?.choices[0]?.text).toBe('bcd');
    expect(assembler.assemble('other rules', counted.slice(1), hints, [])?.choices[0]?.text).toBe(
      'bcd',
    );
  });

  it('is null until the frames tell a format, then reads them all', () => {
    const frames = framesOf(['tick', chunk('a')]);
    const assembler = createIncrementalAssembler();
    expect(assembler.assemble('k', frames.slice(0, 1), {}, [])).toBeNull();
    expect(assembler.assemble('k', frames, {}, [])?.choices[0]?.text).toBe('a');
  });
});
