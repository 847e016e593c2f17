// The Firefox add-on package as AMO and users get it: the zip `npm run package` writes (made
// here from dist/firefox by the same code), unpacked into a temp dir. AMO's linter finds no
// error or notice and no warning but the one the README explains; the package installs under
// its gecko id and its page-world content script runs (the wrapper frame SpiderMonkey keeps
// on errors appears, and only after the install); with the probe content script in place
// of its bridge, its page hook's records reach the content script it declares.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScenarioServer } from '../fixtures/scenario-server';
import { zipExtension } from '../../scripts/package/web-ext-zip';
import { unzipToTemp, type Unpacked } from '../support/unzip';
import { buildProbeVariant } from './build-probe';
import type { Firefox } from './firefox';
import { PROBE_DATASET_KEY, type ProbeSummary } from './probe-summary';
import { waitFor, type Suite } from './suite';

const root = resolve(import.meta.dirname, '../..');
const WEB_EXT = resolve(root, 'node_modules/web-ext/bin/web-ext.js');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};

/** The frame of the hook's EventSource wrapper on an error the native constructor threw. */
const HOOK_FRAME = /^EventSource@<anonymous code>:\d+:\d+\n/;

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
}

interface LintReport {
  errors: LintMessage[];
  notices: LintMessage[];
  warnings: LintMessage[];
}

/** Zips dist/firefox as `npm run package` does and unpacks the zip. */
export async function unpackFirefoxPackage(distDir: string): Promise<Unpacked> {
  const out = mkdtempSync(join(tmpdir(), 'sse-lens-package-'));
  try {
    return await unzipToTemp(await zipExtension(distDir, out, `sse-lens-firefox-${version}.zip`));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Preact's diff assigns `innerHTML` for `dangerouslySetInnerHTML`, a prop SSE Lens never
 * passes (eslint forbids it); the README explains this warning. Anything else is a finding.
 */
function isPreactInnerHtml(dir: string, m: LintMessage): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file?.startsWith('assets/panel-')) return false;
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[(m.line ?? 0) - 1] ?? '';
  return /\.innerHTML = \w+\.__html\b/.test(line);
}

/** web-ext lint's JSON report; it exits 1 when it finds errors, and the report says which. */
function lint(dir: string): Promise<LintReport> {
  const args = [WEB_EXT, 'lint', '--source-dir', dir, '-o', 'json'];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      try {
        done(JSON.parse(stdout) as LintReport);
      } catch {
        fail(error ?? new Error(`web-ext lint printed no report: ${stdout}`));
      }
    });
  });
}

async function errorStack(ff: Firefox, origin: string): Promise<string> {
  const page = await ff.browser.newPage();
  await page.goto(`${origin}/blank`);
  const stack = await page.evaluate(() => {
    try {
      new EventSource('http://[');
      return 'no error';
    } catch (e) {
      return e instanceof Error ? (e.stack ?? '') : String(e);
    }
  });
  await page.close();
  return stack;
}

export async function checkFirefoxPackage(
  suite: Suite,
  ff: Firefox,
  server: ScenarioServer,
  pkg: Unpacked,
  geckoId: string,
): Promise<void> {
  // Started first, as it takes seconds; a rejection is reported by the last check.
  const linted = lint(pkg.dir);
  linted.catch(() => undefined);
  await suite.check('package: manifest.json at the zip’s root, with package.json’s version', () => {
    if (!pkg.files.includes('manifest.json')) throw new Error(`files: ${pkg.files.join(', ')}`);
    const manifest = JSON.parse(readFileSync(join(pkg.dir, 'manifest.json'), 'utf8')) as {
      version: string;
    };
    if (manifest.version !== version) throw new Error(`version ${manifest.version}`);
  });
  await suite.require('package: the page has no hook before the install', async () => {
    const stack = await errorStack(ff, server.origin);
    if (HOOK_FRAME.test(stack)) throw new Error(`stack:\n${stack}`);
  });
  await suite.require(`package: installs as temporary add-on ${geckoId}`, async () => {
    const id = await ff.install(pkg.dir);
    if (id !== geckoId) throw new Error(`installed as ${id}`);
  });
  await suite.check('package: its page-world content script runs in a new page', async () => {
    const stack = await errorStack(ff, server.origin);
    if (!HOOK_FRAME.test(stack)) throw new Error(`no wrapper frame; stack:\n${stack}`);
  });
  const variant = await buildProbeVariant(pkg.dir);
  try {
    await suite.check('package: its page hook’s records reach its content script', async () => {
      await ff.install(variant.dir);
      const page = await ff.browser.newPage();
      await page.goto(
        `${server.origin}/page?open=${encodeURIComponent('/sse/counter?count=2&interval=10&key=ff-pkg')}`,
      );
      await waitFor(
        'the stream and its 2 events in the probe summary',
        async () =>
          JSON.parse(
            (await page.evaluate(
              (key) => document.documentElement.dataset[key],
              PROBE_DATASET_KEY,
            )) ?? '{"events":[]}',
          ) as Pick<ProbeSummary, 'events'>,
        (s) => s.events.length >= 2,
      );
    });
  } finally {
    variant.remove();
  }
  await suite.check(
    'package: web-ext lint finds no error, notice or unexplained warning',
    async () => {
      const report = await linted;
      const findings = [
        ...report.errors,
        ...report.notices,
        ...report.warnings.filter((w) => !isPreactInnerHtml(pkg.dir, w)),
      ];
      if (findings.length > 0) throw new Error(JSON.stringify(findings, null, 2));
    },
  );
}
