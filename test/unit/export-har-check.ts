// What a HAR must satisfy to load in Chrome DevTools (its HARFormat and Importer, Chromium 156)
// and to follow HAR 1.2: required fields and types, timings that add up, and Chrome's
// `_eventSourceMessages` shape ({time: epoch seconds, eventName, eventId, data}).

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems found, as `path: what is wrong`; empty when the HAR passes. */
export function harProblems(har: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, path: string, what: string): void => {
    if (!ok) problems.push(`${path}: ${what}`);
  };
  const str = (o: Obj, key: string, path: string): void =>
    need(typeof o[key] === 'string', `${path}.${key}`, 'string required');
  const num = (o: Obj, key: string, path: string): void =>
    need(
      typeof o[key] === 'number' && Number.isFinite(o[key]),
      `${path}.${key}`,
      'number required',
    );
  const pairs = (o: Obj, key: string, path: string): void => {
    const list = o[key];
    need(Array.isArray(list), `${path}.${key}`, 'array required');
    if (Array.isArray(list)) {
      list.forEach((p, i) =>
        need(
          isObj(p) && typeof p.name === 'string' && typeof p.value === 'string',
          `${path}.${key}[${i}]`,
          '{name, value} strings',
        ),
      );
    }
  };

  if (!isObj(har) || !isObj(har.log)) return ['log: object required'];
  const log = har.log;
  need(log.version === '1.2', 'log.version', '"1.2"');
  need(
    isObj(log.creator) &&
      typeof log.creator.name === 'string' &&
      typeof log.creator.version === 'string',
    'log.creator',
    '{name, version} strings',
  );
  need(log.pages === undefined || Array.isArray(log.pages), 'log.pages', 'array when present');
  if (!Array.isArray(log.entries)) return [...problems, 'log.entries: array required'];
  log.entries.forEach((e: unknown, i) => {
    const path = `log.entries[${i}]`;
    if (!isObj(e)) return need(false, path, 'object required');
    need(
      typeof e.startedDateTime === 'string' &&
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(e.startedDateTime),
      `${path}.startedDateTime`,
      'ISO 8601 date',
    );
    num(e, 'time', path);
    need(isObj(e.cache), `${path}.cache`, 'object required');
    const req = e.request;
    const res = e.response;
    const timings = e.timings;
    if (!isObj(req) || !isObj(res) || !isObj(timings))
      return need(false, path, 'request, response, timings objects');
    for (const k of ['method', 'url', 'httpVersion']) str(req, k, `${path}.request`);
    for (const k of ['headersSize', 'bodySize']) num(req, k, `${path}.request`);
    for (const k of ['cookies', 'headers', 'queryString']) pairs(req, k, `${path}.request`);
    const post = req.postData;
    need(
      post === undefined ||
        (isObj(post) && typeof post.mimeType === 'string' && typeof post.text === 'string'),
      `${path}.request.postData`,
      '{mimeType, text} when present',
    );
    num(res, 'status', `${path}.response`);
    for (const k of ['statusText', 'httpVersion', 'redirectURL']) str(res, k, `${path}.response`);
    for (const k of ['headersSize', 'bodySize']) num(res, k, `${path}.response`);
    for (const k of ['cookies', 'headers']) pairs(res, k, `${path}.response`);
    const content = res.content;
    need(
      isObj(content) && typeof content.size === 'number' && typeof content.mimeType === 'string',
      `${path}.response.content`,
      '{size, mimeType}',
    );
    let sum = 0;
    for (const k of ['send', 'wait', 'receive']) {
      num(timings, k, `${path}.timings`);
      const v = timings[k];
      need(typeof v === 'number' && v >= 0, `${path}.timings.${k}`, '≥ 0');
      if (typeof v === 'number') sum += v;
    }
    for (const k of ['blocked', 'dns', 'connect', 'ssl']) {
      const v = timings[k];
      need(
        v === undefined || (typeof v === 'number' && (v === -1 || v >= 0)),
        `${path}.timings.${k}`,
        '-1 or ≥ 0',
      );
      if (typeof v === 'number' && v > 0 && k !== 'ssl') sum += v;
    }
    need(
      typeof e.time === 'number' && Math.abs(e.time - sum) < 1e-6,
      `${path}.time`,
      `the sum of the timings (${sum})`,
    );
    const messages = e._eventSourceMessages;
    if (messages === undefined) return;
    need(Array.isArray(messages), `${path}._eventSourceMessages`, 'array');
    if (!Array.isArray(messages)) return;
    messages.forEach((m: unknown, j) => {
      const mp = `${path}._eventSourceMessages[${j}]`;
      if (!isObj(m)) return need(false, mp, 'object required');
      need(
        typeof m.time === 'number' && m.time > 1e9 && m.time < 1e11,
        `${mp}.time`,
        'epoch seconds',
      );
      for (const k of ['eventName', 'eventId', 'data']) str(m, k, mp);
    });
  });
  return problems;
}
