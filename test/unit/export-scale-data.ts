// A capture the size the panel holds, for the export-scale test and the export benchmark:
// four connections with a secret query token, and frames whose JSON carries a distinct
// password each (so redaction has as many secrets as frames).
import { stateFrom, T0 } from './export-fixtures';

export const URL_TOKEN = 'abcdef123456';

export const password = (i: number): string => `pw-${i}-secret`;

export function bigState(frames: number) {
  const records: Parameters<typeof stateFrom>[0] = [];
  for (let c = 1; c <= 4; c++) {
    records.push({
      kind: 'connection',
      conn: c,
      t: T0,
      url: `http://127.0.0.1:4000/s${c}?token=${URL_TOKEN}`,
      withCredentials: false,
      frameUrl: 'http://127.0.0.1:4000/',
      stack: '',
    });
    records.push({ kind: 'state', conn: c, t: T0 + 1, readyState: 1, cause: 'open' });
  }
  for (let i = 0; i < frames; i++) {
    // Every 100th frame echoes an earlier password outside the JSON key, as a server might.
    const echo = i % 100 === 99 ? { note: `was ${password(i - 1)}` } : {};
    const data = JSON.stringify({
      n: i,
      user: 'u',
      password: password(i),
      pad: 'x'.repeat(60),
      ...echo,
    });
    records.push({
      kind: 'event',
      conn: (i % 4) + 1,
      t: T0 + 2 + i,
      type: i % 3 ? 'message' : 'update',
      data,
      lastEventId: String(i),
      origin: 'http://127.0.0.1:4000',
      size: data.length,
      truncated: false,
    });
  }
  return stateFrom(records);
}
