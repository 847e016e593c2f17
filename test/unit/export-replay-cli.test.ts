// `sse-lens replay` run as a user runs it, in a child process: every mistake gets a plain
// sentence and the right exit code (2 for usage, 1 for a file or port it cannot use), plurals
// agree, and a timeless .sse file with --loop streams loop after loop in bounded memory and
// stops promptly on Ctrl-C (SIGINT) with exit code 0. The same errors and listing in Russian
// and Chinese when the environment's locale (or --lang) asks for them.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The CLI's source, run through tsx (the built bin is tested by test/package/cli-install.ts). */
const CLI = ['--import', 'tsx', resolve(import.meta.dirname, '../../src/cli/sse-lens.ts')] as const;
const EXIT_TIMEOUT_MS = 20_000;
/** Each child process starts tsx; under load that takes seconds. */
const SLOW = { timeout: 60_000 };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment with only `locale` set among the locale variables (none: the C locale). */
function localeEnv(locale: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...env } = process.env;
  return { ...env, ...locale };
}

function start(
  args: string[],
  locale: Record<string, string> = {},
): { child: ChildProcess; output: () => Run } {
  const child = spawn(process.execPath, [...CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: localeEnv(locale),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return { child, output: () => ({ code: child.exitCode, stdout, stderr }) };
}

function exited(child: ChildProcess, timeoutMs = EXIT_TIMEOUT_MS): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the CLI did not exit in time')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

async function run(args: string[], locale: Record<string, string> = {}): Promise<Run> {
  const { child, output } = start(args, locale);
  await exited(child);
  return output();
}

/** Resolves once the CLI printed its index line (`index`, in the CLI's language: it is serving). */
async function serving(child: ChildProcess, output: () => Run, index = 'Index: '): Promise<string> {
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (!output().stdout.includes(index)) {
    if (child.exitCode !== null) throw new Error(`the CLI exited: ${output().stderr}`);
    if (Date.now() > deadline) throw new Error('the CLI did not start serving');
    await new Promise((r) => setTimeout(r, 50));
  }
  return output().stdout;
}

function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

let dir = '';
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sse-lens-cli-'));
  await writeFile(file('one.sse'), 'data: only\n\n');
  await writeFile(file('three.sse'), 'id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 3\ndata: c\n\n');
  await writeFile(file('empty.sse'), '');
  await writeFile(file('notes.txt'), 'just some notes\n');
  await mkdir(file('folder'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('usage errors exit 2 with a sentence and the usage', SLOW, () => {
  it.each([
    [
      ['replay', 'x.sse', '--speed', '-1'],
      '--speed must be a number above 0 (2 plays twice as fast, 0.5 at half speed); got "-1" (a replay cannot run backwards)',
    ],
    [['replay', 'x.sse', '--speed', 'fast'], '--speed must be a number above 0'],
    [['replay', 'x.sse', '--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['replay'], 'replay needs a capture file'],
    [['replay', 'x.sse', '--lop'], 'unknown option --lop'],
    [['play', 'x.sse'], 'unknown command "play"'],
  ])('%j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`sse-lens: ${message}`);
    expect(r.stderr).toContain('Usage: sse-lens replay');
    expect(r.stdout).toBe('');
  });
});

describe('failures exit 1 with a plain sentence', SLOW, () => {
  let busy: Server;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => busy.close(() => done())));

  it('a missing file, a directory, an empty file, a file that is not a capture', async () => {
    const cases: [string, string][] = [
      [file('missing.json'), `there is no file ${file('missing.json')}`],
      [
        file('folder'),
        `${file('folder')} is a directory; give a capture file (.json, .har or .sse)`,
      ],
      [file('empty.sse'), 'empty.sse is empty: there is nothing to replay'],
      [file('notes.txt'), 'cannot replay notes.txt: not a capture: expected SSE Lens JSON'],
    ];
    for (const [path, message] of cases) {
      const r = await run(['replay', path]);
      expect({ path, code: r.code }).toEqual({ path, code: 1 });
      expect(r.stderr).toContain(`sse-lens: ${message}`);
      expect(r.stderr).not.toMatch(/ENOENT|EISDIR|EACCES|Usage:|\n\s+at /);
    }
  });

  it('a port already in use', async () => {
    const address = busy.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const r = await run(['replay', file('one.sse'), '--port', String(port)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `sse-lens: port ${port} on 127.0.0.1 is already in use by another program; choose ` +
        'another with --port, or leave it out to use any free port\n',
    );
  });
});

describe('serving', SLOW, () => {
  it('says "1 connection", "1 frame", "1 attempt", and that a .sse file has no timing', async () => {
    const { child, output } = start(['replay', file('one.sse')]);
    try {
      const out = await serving(child, output);
      expect(out).toContain('SSE Lens replay of one.sse: 1 connection, speed 1x, loop off');
      expect(out).toContain('(1 frame, 1 attempt)');
      expect(out).toContain(
        '  - 1 connection has no timing (a .sse file, or frames all in one millisecond): ' +
          'frames are served 100 ms apart, divided by --speed',
      );
    } finally {
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    }
  });

  it('loops a timeless .sse file in bounded memory, and stops on Ctrl-C with exit 0', async () => {
    const { child, output } = start(['replay', file('three.sse'), '--loop', '--speed', '10']);
    const pid = child.pid ?? 0;
    try {
      const url = /^ {2}(http:\/\/\S+)$/m.exec(await serving(child, output))?.[1] ?? '';
      const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      const started = performance.now();
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      let rssAfterFirstLoop = 0;
      const loops = (): number => text.split('data: c\n').length - 1;
      while (loops() < 8) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        text += chunk.value;
        if (rssAfterFirstLoop === 0 && loops() >= 1) rssAfterFirstLoop = rssBytes(pid);
      }
      await reader?.cancel();
      const elapsed = performance.now() - started;
      expect(loops()).toBeGreaterThanOrEqual(8);
      // Paced: 100 ms per frame at speed 1, so 8 loops of 3 frames at speed 10 take ≥ 240 ms.
      expect(elapsed).toBeGreaterThanOrEqual(8 * 3 * 10 - 20);
      expect(loops()).toBeLessThan(12);
      expect(text.startsWith('id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 3\ndata: c\n\nid: 1\n')).toBe(
        true,
      );
      const growth = rssBytes(pid) - rssAfterFirstLoop;
      expect(growth).toBeLessThan(50 * 1024 * 1024);
      expect(rssBytes(pid)).toBeLessThan(300 * 1024 * 1024);
    } finally {
      const stopped = performance.now();
      child.kill('SIGINT');
      // A CLI that ignores Ctrl-C is killed, so the failing test leaves nothing running.
      const code = await exited(child, 5_000).catch(() => child.kill('SIGKILL') && 'ignored');
      expect(code).toBe(0);
      expect(performance.now() - stopped).toBeLessThan(3_000);
    }
  });
});

describe('in the language of the environment or --lang', SLOW, () => {
  it('a usage error in Russian (LANG=ru_RU.UTF-8) exits 2 with the Russian usage', async () => {
    const r = await run(['replay', 'x.sse', '--speed', '-1'], { LANG: 'ru_RU.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'sse-lens: --speed должен быть числом больше 0 (2 — вдвое быстрее, 0.5 — вдвое ' +
        'медленнее); получено "-1" (воспроизведение не может идти назад)\n',
    );
    expect(r.stderr).toContain('Использование: sse-lens replay');
    expect(r.stdout).toBe('');
  });

  it('a usage error in Chinese (LANG=zh_CN.UTF-8) exits 2 with the Chinese usage', async () => {
    const r = await run(['play', 'x.sse'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sse-lens: 未知命令 "play"；请使用 replay\n');
    expect(r.stderr).toContain('用法：sse-lens replay');
    expect(r.stdout).toBe('');
  });

  it('an import error inside a failure is translated too, and exits 1', async () => {
    const ru = await run(['replay', file('notes.txt')], { LANG: 'ru_RU.UTF-8' });
    expect(ru.code).toBe(1);
    expect(ru.stderr).toBe(
      'sse-lens: не удаётся воспроизвести notes.txt: это не захват: ожидается JSON SSE Lens, ' +
        'файл HAR, файл text/event-stream (.sse) или NDJSON (.ndjson)\n',
    );
    const zh = await run(['replay', file('empty.sse')], { LANG: 'zh_CN.UTF-8' });
    expect(zh).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sse-lens: empty.sse 是空文件：没有可回放的内容\n',
    });
  });

  it('LC_ALL overrides LC_MESSAGES, which overrides LANG; C means English', async () => {
    const args = ['replay'];
    const english = await run(args, { LC_ALL: 'C', LANG: 'ru_RU.UTF-8' });
    expect(english.stderr).toContain('sse-lens: replay needs a capture file\n');
    const chinese = await run(args, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'ru_RU.UTF-8' });
    expect(chinese.stderr).toContain('sse-lens: replay 需要一个捕获文件\n');
    expect([english.code, chinese.code]).toEqual([2, 2]);
  });

  it('--lang overrides the environment; a language it does not know is a usage error', async () => {
    const ru = await run(['replay', '--lang', 'ru'], { LANG: 'zh_CN.UTF-8' });
    expect(ru.stderr).toContain('sse-lens: для replay нужен файл захвата\n');
    const unknown = await run(['replay', 'x.sse', '--lang=fr']);
    expect(unknown.stderr).toContain('sse-lens: --lang must be en, zh_CN or ru; got "fr"\n');
    expect([ru.code, unknown.code]).toEqual([2, 2]);
  });

  it('lists what it serves in Russian, plurals agreeing and numbers in Russian form', async () => {
    const { child, output } = start(['replay', file('one.sse'), '--speed', '0.5'], {
      LANG: 'ru_RU.UTF-8',
    });
    try {
      const out = await serving(child, output, 'Список: ');
      expect(out).toContain(
        'SSE Lens воспроизводит one.sse: 1 соединение, скорость 0,5x, повтор выкл.',
      );
      expect(out).toContain('(1 кадр, 1 попытка)');
      expect(out).toContain(
        '  - У 1 соединения нет таймингов (файл .sse или все кадры в одной миллисекунде): ' +
          'кадры отдаются с интервалом 100 мс, делённым на --speed',
      );
    } finally {
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    }
    expect(output().stderr).toBe('sse-lens: останавливаю воспроизведение\n');
  });
});
