// The packaged extension as users get it: scripts/test.mjs packages dist/vigil.vsix, installs it with
// `code-server --install-extension` into a fresh extensions directory and starts code-server WITHOUT
// a development path; VIGIL_E2E_URL opens a copy of the fixture workspace there.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from './screenshots';
import { describeWorkbench, problemRows, quickOpen, showProblems, waitUntil } from './workbench';

describeWorkbench('The installed VSIX', { lastScreenshot: 'vsix-last' }, (session) => {
  test('is a normal window, not an extension development host', async () => {
    const { page } = session;
    assert.doesNotMatch(await page.title(), /Extension Development Host/);
  });

  test('activates on a Stan file and reports its error in the Problems panel', { timeout: 90_000 }, async () => {
    const { page } = session;
    await quickOpen(page, 'broken.stan');
    await showProblems(page);
    const rows = await waitUntil(() => problemRows(page), (r) => r.some((x) => x.text.includes('sigm')), 'the entry for sigm', 30_000);
    await screenshot(page, 'vsix-problems');
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.match(rows[0].text, /\[Ln 16, Col 32\]/);
  });
});
