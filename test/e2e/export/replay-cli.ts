// Runs `sse-lens replay` (bin/sse-lens.js) as a child process, as a user would, and reads the
// endpoint URLs it prints (after the method, for fetch streams); stop() ends exactly that process.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../../bin/sse-lens.js');

export interface ReplayCli {
  /** The endpoint URLs, in capture order. */
  urls: string[];
  stop(): Promise<void>;
}

export async function runReplay(capturePath: string, args: string[] = []): Promise<ReplayCli> {
  // --lang en: the listing is read in English whatever the machine's locale.
  const child = spawn(process.execPath, [BIN, 'replay', capturePath, '--lang', 'en', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  await new Promise<void>((done, fail) => {
    const check = (): void => {
      if (out.includes('Index: ')) done();
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => fail(new Error(`sse-lens replay exited ${code}: ${err || out}`)));
  });
  const urls = [...out.matchAll(/^ {2}(?:[A-Z]+ )?(http:\/\/127\.0\.0\.1:\d+\/\S+)$/gm)].map(
    (m) => m[1] ?? '',
  );
  return { urls, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
