#!/usr/bin/env node
// `npm test`: type check and build, unit tests, then the tests in a real VS Code (code-server 4.100.3
// with Debian's Chromium): integration tests inside the extension host, Playwright UI tests, and the
// packaged VSIX installed and used. Ends with one line `N passed, N failed` and a non-zero exit status
// when anything failed. Everything it starts is stopped, also on failure, timeout or Ctrl+C.
// Usage: node scripts/test.mjs [--only unit|vscode]
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDir, startCodeServer, workbenchUrl } from './harness/codeServer.mjs';
import { printIntegration, runIntegration } from './harness/integration.mjs';
import { findTests, runNodeTests } from './harness/nodeTests.mjs';
import { run, stopAll, stopAllOnExit } from './harness/processes.mjs';
import { packageAndInstall } from './harness/vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const logDir = path.join(root, 'test-results', 'logs');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'unit' && only !== 'vscode') {
  console.error('usage: node scripts/test.mjs [--only unit|vscode]');
  process.exit(2);
}

// A run that exceeds this is stuck: stop everything and fail (CI allows 90 minutes, apt included).
const overallTimeoutMs = 75 * 60_000;
const results = []; // { name, passed, failed, skipped, seconds, note }
const tempDirs = [];
const started = Date.now();

stopAllOnExit((sig) => {
  results.push({ name: 'interrupted', passed: 0, failed: 1, note: sig });
  finish();
});
const watchdog = setTimeout(async () => {
  console.error(`\n[test] overall timeout (${overallTimeoutMs / 60_000} min): stopping`);
  results.push({ name: 'watchdog', passed: 0, failed: 1, note: `overall timeout (${overallTimeoutMs / 60_000} min)` });
  await stopAll();
  finish();
}, overallTimeoutMs);

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

// Runs one stage, records its counts and time; a stage that throws counts as one failure.
async function stage(name, body) {
  heading(name);
  const t0 = Date.now();
  let r;
  try {
    r = await body();
  } catch (e) {
    console.error(`[test] ${name}: ${e?.stack ?? e}`);
    r = { passed: 0, failed: 1, counted: true, note: String(e?.message ?? e).split('\n')[0] };
  }
  const entry = { name, passed: 0, failed: 0, skipped: 0, counted: true, ...r, seconds: (Date.now() - t0) / 1000 };
  results.push(entry);
  return entry;
}

// A build step that must succeed: failing counts as one failed check.
async function check(name, cmd, args, timeoutMs) {
  return stage(name, async () => {
    const r = await run(cmd, args, { cwd: root, timeoutMs });
    return r.code === 0 ? { counted: false } : { failed: 1, counted: false, note: r.timedOut ? 'timed out' : `exit ${r.code}` };
  });
}

function finish() {
  clearTimeout(watchdog);
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  heading('summary');
  for (const r of results) {
    const what = r.counted
      ? `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.note ? ` (${r.note})` : ''}`
      : r.failed ? `FAILED${r.note ? ` (${r.note})` : ''}` : 'ok';
    console.log(`  ${r.name.padEnd(12)} ${what}${r.seconds !== undefined ? `  ${r.seconds.toFixed(1)} s` : ''}`);
  }
  console.log(`  total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

// --- build -------------------------------------------------------------------------------------
// A clean out/ so that tests whose sources were deleted do not run from stale output.
rmSync(path.join(root, 'out'), { recursive: true, force: true });
await check('typecheck', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], 5 * 60_000);
const build = await check('build', process.execPath, [path.join(root, 'scripts/build.mjs')], 5 * 60_000);

// --- unit --------------------------------------------------------------------------------------
if (only !== 'vscode') {
  await stage('unit', () =>
    runNodeTests({ name: 'unit', files: findTests(path.join(root, 'out/test/unit')), logDir, timeoutMs: 15 * 60_000 }),
  );
}

// --- real VS Code ------------------------------------------------------------------------------
if (only !== 'unit') await vscodeSuites();
finish();

async function vscodeSuites() {
  if (build.failed) {
    results.push({ name: 'vscode', passed: 0, failed: 1, note: 'skipped: the build failed' });
    return;
  }
  const setup = await check('setup', 'bash', [path.join(root, 'scripts/setup-vscode.sh')], 30 * 60_000);
  if (setup.failed) return;
  mkdirSync(logDir, { recursive: true });
  const workbench = createRequire(import.meta.url)(path.join(root, 'out/test/e2e/workbench.js'));

  // A fresh copy of the fixture workspace per window: nothing a test types can reach the repository.
  // Always named `workspace`, so screenshots do not change from run to run.
  const workspaceCopy = (name) => {
    const dir = freshDir(name);
    tempDirs.push(dir);
    cpSync(path.join(root, 'test/fixtures/workspace'), path.join(dir, 'workspace'), { recursive: true });
    return path.join(dir, 'workspace');
  };
  // A copy of examples/ for the test that runs every example: the method comes from the quick pick,
  // the NUTS reference has the size the example tests use (test/support/exampleClaims.ts).
  const examplesCopy = () => {
    const dir = path.join(freshDir('ws-examples'), 'examples');
    tempDirs.push(path.dirname(dir));
    cpSync(path.join(root, 'examples'), dir, { recursive: true });
    mkdirSync(path.join(dir, '.vscode'));
    const settings = { 'vigil.fit.method': 'ask', 'vigil.reference.warmup': 500, 'vigil.reference.draws': 500 };
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
    return dir;
  };
  const devUrl = (folder) => workbenchUrl(server, folder, { extensionDevelopmentPath: root });
  // Test files that need a server of their own (started below), not the development one.
  const ownServer = ['installedVsix.test.js', 'untrustedWorkspace.test.js'];

  // Extension under development: integration tests in the extension host, then the UI tests.
  const resultsDir = freshDir('results');
  tempDirs.push(resultsDir);
  const resultsFile = path.join(resultsDir, 'integration.json');
  let server;
  try {
    server = await startCodeServer({ root, name: 'dev', logDir, env: { VIGIL_TEST_RESULTS: resultsFile } });
    tempDirs.push(server.userDataDir, server.extensionsDir);
    await stage('integration', async () => {
      const browser = await workbench.launchBrowser();
      try {
        const r = await runIntegration({ root, server, workspace: workspaceCopy('ws-int'), resultsFile, workbench, browser, logDir });
        printIntegration(r);
        return { passed: r.passed, failed: r.failed, skipped: r.tests.length - r.passed - r.failed };
      } finally {
        await browser.close();
      }
    });
    await stage('e2e', () =>
      runNodeTests({
        name: 'e2e',
        files: findTests(path.join(root, 'out/test/e2e')).filter((f) => !ownServer.some((o) => f.endsWith(o))),
        logDir,
        env: {
          ...process.env,
          VIGIL_E2E_URL: devUrl(workspaceCopy('ws-e2e')),
          VIGIL_E2E_RELOAD_URL: devUrl(workspaceCopy('ws-reload')),
          VIGIL_E2E_EXAMPLES_URL: devUrl(examplesCopy()),
        },
        timeoutMs: 20 * 60_000,
      }),
    );
  } catch (e) {
    results.push({ name: 'code-server', passed: 0, failed: 1, note: String(e?.message ?? e) });
  } finally {
    await server?.stop();
  }

  // Workspace trust on: a server without --disable-workspace-trust, the folder declined by the test.
  let trustServer;
  await stage('trust', async () => {
    trustServer = await startCodeServer({ root, name: 'trust', logDir, workspaceTrust: true });
    tempDirs.push(trustServer.userDataDir, trustServer.extensionsDir);
    try {
      return await runNodeTests({
        name: 'trust',
        files: findTests(path.join(root, 'out/test/e2e')).filter((f) => f.endsWith('untrustedWorkspace.test.js')),
        logDir,
        env: { ...process.env, VIGIL_E2E_UNTRUSTED_URL: workbenchUrl(trustServer, workspaceCopy('ws-untrusted'), { extensionDevelopmentPath: root }) },
        timeoutMs: 5 * 60_000,
      });
    } finally {
      await trustServer.stop();
    }
  });

  // The packaged VSIX, installed into a fresh extensions directory, no development path.
  let vsixServer;
  await stage('vsix', async () => {
    const installed = await packageAndInstall({ root });
    tempDirs.push(...installed.tempDirs);
    vsixServer = await startCodeServer({ root, name: 'vsix', logDir, extensionsDir: installed.extensionsDir });
    tempDirs.push(vsixServer.userDataDir);
    try {
      return await runNodeTests({
        name: 'vsix',
        files: findTests(path.join(root, 'out/test/e2e')).filter((f) => f.endsWith('installedVsix.test.js')),
        logDir,
        env: { ...process.env, VIGIL_E2E_URL: workbenchUrl(vsixServer, workspaceCopy('ws-vsix')) },
        timeoutMs: 5 * 60_000,
      });
    } finally {
      await vsixServer.stop();
    }
  });
}
