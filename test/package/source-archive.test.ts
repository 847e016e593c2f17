// The source archive AMO's reviewers rebuild from holds exactly the files git tracks, as they
// stand in the working tree, under one folder: no node_modules, no dist, nothing untracked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSourceArchive } from '../../scripts/package/source-archive';
import { unzipToTemp, type Unpacked } from '../support/unzip';

const root = resolve(import.meta.dirname, '../..');
let out = '';
let archive: Unpacked;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'sse-lens-source-'));
  await writeSourceArchive(join(out, 'source.zip'), 'sse-lens-x');
  archive = await unzipToTemp(join(out, 'source.zip'));
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(archive.dir, { recursive: true, force: true });
});

test('it holds the tracked files present in the working tree, and nothing else', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(root, f)));
  expect(archive.files.map((f) => f.replace(/^sse-lens-x\//, '')).sort()).toEqual(tracked.sort());
  expect(archive.files.some((f) => /\/(node_modules|dist)\//.test(f))).toBe(false);
});

test('its files have the working tree’s content', () => {
  for (const file of ['package.json', 'manifest.json', 'src/cli/sse-lens.ts']) {
    expect(readFileSync(join(archive.dir, 'sse-lens-x', file), 'utf8')).toBe(
      readFileSync(join(root, file), 'utf8'),
    );
  }
});
