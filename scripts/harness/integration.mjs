// Runs test/integration inside the real extension host: code-server's workbench URL carries VS Code's
// development payload (extensionDevelopmentPath = the repository, extensionTestsPath = the compiled
// test entry), and the entry's run() writes its results to VIGIL_TEST_RESULTS.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workbenchUrl } from './codeServer.mjs';

export async function runIntegration({ root, server, workspace, resultsFile, workbench, browser, logDir, timeoutMs = 3 * 60_000 }) {
  const url = workbenchUrl(server, workspace, {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
  });
  const consoleLog = createWriteStream(path.join(logDir, 'integration-console.log'));
  let page;
  try {
    page = await workbench.openWorkbench(browser, url);
    // The development extension host forwards its console here: mocha's report ends up in this log.
    page.on('console', (m) => consoleLog.write(`${m.type()}: ${m.text()}\n`));
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`no results from the extension host within ${timeoutMs / 1000} s (see test-results/logs/)`);
      if (page.isClosed()) throw new Error('the workbench page closed before the tests reported');
      await new Promise((r) => setTimeout(r, 250));
    }
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } finally {
    await page?.context().close().catch(() => undefined);
    consoleLog.end();
  }
}

export function printIntegration(results) {
  console.log(`  VS Code ${results.vscodeVersion} (code-server), extension host tests:`);
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-';
    console.log(`  ${mark} ${t.title} (${Math.round(t.durationMs)} ms)`);
    if (t.error) console.log(t.error.split('\n').map((l) => `      ${l}`).join('\n'));
  }
}
