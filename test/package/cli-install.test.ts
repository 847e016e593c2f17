// The CLI as a user gets it: `npm pack`, install the tarball into an empty directory outside
// the repo (so nothing can resolve the repo's node_modules), then run `npx sse-lens`: the
// conventions of --help, --version, usage errors and failures, and `replay` of a fixture
// capture whose served streams must equal the capture's frames.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { follow } from '../unit/export-replay-client';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const CAPTURE = resolve(root, 'test/fixtures/captures/eventsource-v1.json');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};

interface Capture {
  connections: { frames: { type: string; id: string; data: string }[] }[];
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir = '';
let app = '';

/**
 * Runs `npx sse-lens …` in the app directory (--no: never fetch it from the registry), in a
 * process group of its own: npx runs the bin in a grandchild, which `stop` must end too.
 */
function npxSseLens(args: string[]): ChildProcess {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...env } = process.env;
  return spawn('npx', ['--no', '--', 'sse-lens', ...args], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

function stop(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

/**
 * Runs the installed bin (the file npx runs) straight away, which is quicker than npx, with
 * only `locale` among the locale variables (none: the C locale, English).
 */
function run(args: string[], locale: Record<string, string> = {}): Promise<Run> {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...env } = process.env;
  const child = spawn(join(app, 'node_modules/.bin/sse-lens'), args, {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...locale },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sse-lens-pack-'));
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: root,
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack reported no tarball');
  expect(packed.files.map((f) => f.path).sort()).toEqual([
    'LICENSE',
    'README.md',
    'bin/sse-lens.js',
    'dist/cli/sse-lens.js',
    'package.json',
  ]);
  app = join(dir, 'app');
  await exec('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "try-sse-lens", "private": true }\n');
  // --offline: the tarball must install with nothing fetched from the registry.
  await exec(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)],
    {
      cwd: app,
    },
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the installed package declares no dependencies', () => {
  const installed = JSON.parse(
    readFileSync(join(app, 'node_modules/sse-lens/package.json'), 'utf8'),
  ) as Record<string, unknown>;
  expect(installed.dependencies).toBeUndefined();
});

test('--version and --help print to stdout and exit 0', async () => {
  expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  expect(await run(['--help'])).toEqual({
    code: 0,
    stdout: expect.stringMatching(/^Usage: sse-lens replay /) as unknown,
    stderr: '',
  });
});

test('a usage error exits 2 with the sentence and the usage on stderr', async () => {
  const r = await run(['replay', CAPTURE, '--speed', 'fast']);
  expect(r).toEqual({
    code: 2,
    stdout: '',
    stderr: expect.stringMatching(
      /^sse-lens: --speed must be a number above 0.*Usage: sse-lens replay /s,
    ) as unknown,
  });
});

test('a usage error is in the language of LANG (ru_RU.UTF-8, zh_CN.UTF-8), exit 2', async () => {
  const ru = await run(['replay', CAPTURE, '--port', '70000'], { LANG: 'ru_RU.UTF-8' });
  expect(ru).toEqual({
    code: 2,
    stdout: '',
    stderr: expect.stringMatching(
      /^sse-lens: --port должен быть целым числом от 0 до 65535 .*получено "70000"\n\nИспользование: sse-lens replay /s,
    ) as unknown,
  });
  const zh = await run(['replay', CAPTURE, '--loop', 'extra.json'], { LANG: 'zh_CN.UTF-8' });
  expect(zh).toEqual({
    code: 2,
    stdout: '',
    stderr: expect.stringMatching(
      /^sse-lens: replay 只接受一个捕获文件，但给出了 2 个\n\n用法：sse-lens replay /s,
    ) as unknown,
  });
});

test('a capture that cannot be read exits 1 with one sentence on stderr', async () => {
  const missing = join(dir, 'missing.json');
  expect(await run(['replay', missing])).toEqual({
    code: 1,
    stdout: '',
    stderr: `sse-lens: there is no file ${missing}\n`,
  });
});

test('replay serves each captured stream with the capture’s frames', async () => {
  const child = npxSseLens(['replay', CAPTURE, '--speed', '20']);
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (out += s));
  try {
    await new Promise<void>((done, fail) => {
      child.stdout?.on('data', () => out.includes('Index: ') && done());
      child.once('close', (code) => fail(new Error(`sse-lens exited ${code}: ${out}`)));
    });
    const urls = [...out.matchAll(/^ {2}(http:\/\/127\.0\.0\.1:\d+\/\S+)$/gm)].map((m) => m[1]);
    const capture = JSON.parse(readFileSync(CAPTURE, 'utf8')) as Capture;
    expect(urls).toHaveLength(capture.connections.length);
    for (const [i, connection] of capture.connections.entries()) {
      const expected = connection.frames.map(({ type, id, data }) => ({ type, id, data }));
      if (expected.length === 0) continue;
      const session = await follow(urls[i] ?? '', expected.length);
      expect(session.events.map(({ type, id, data }) => ({ type, id, data }))).toEqual(expected);
    }
  } finally {
    stop(child);
  }
});
