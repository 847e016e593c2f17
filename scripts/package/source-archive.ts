// The source archive AMO asks for when an add-on's code is bundled: every file git tracks,
// as it is in the working tree (so uncommitted edits in tracked files are in it, untracked
// files, node_modules and dist are not), written by `git archive` from a tree built in a
// throwaway index. The real index and the branch are left alone.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

async function git(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** True when tracked files differ from HEAD, so the archive is not a commit's tree. */
export async function hasUncommittedChanges(): Promise<boolean> {
  return (await git(['status', '--porcelain', '--untracked-files=no'])) !== '';
}

/** Writes `outFile` (a .zip) whose files sit under `prefix/`. */
export async function writeSourceArchive(outFile: string, prefix: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'sse-lens-index-'));
  try {
    const index = join(scratch, 'index');
    copyFileSync(resolve(root, await git(['rev-parse', '--git-path', 'index'])), index);
    const env = { ...process.env, GIT_INDEX_FILE: index };
    await git(['add', '--update'], env);
    const tree = await git(['write-tree'], env);
    await git(['archive', '--format=zip', `--prefix=${prefix}/`, '-o', outFile, tree]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
