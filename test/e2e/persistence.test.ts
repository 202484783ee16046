// What survives a reload of the window: after "Compare with Reference" on centered eight schools, the
// window is reloaded (a new extension host; the result comes back from workspace storage). The
// diagnostics panel is restored by its serializer with its content, the code lenses, the side panel's
// run and the Problems entries show the kept result; an edit of the model marks it stale in all three.
// Its own copy of the fixture workspace (VIGIL_E2E_RELOAD_URL), so its storage starts empty.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { panelView } from './panelView';
import { screenshot } from './screenshots';
import { describeWorkbench, problemRows, quickOpen, runCommand, showProblems, tryCommand, waitUntil } from './workbench';

const model = 'eight_schools_centered.stan';

const lensTexts = async (page: Page): Promise<string[]> =>
  (await page.locator('.codelens-decoration').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

// The run's row under the model in the Vigil side panel ("meanfield vs NUTS ok · 11 warnings · just now").
async function treeRun(page: Page): Promise<string> {
  const sidebar = page.locator('.part.sidebar');
  const run = sidebar.locator('.monaco-list-row', { hasText: 'meanfield vs NUTS' });
  if ((await run.count()) === 0) {
    const row = sidebar.locator('.monaco-list-row', { hasText: model }).first();
    if ((await row.count()) > 0 && (await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  }
  if ((await run.count()) === 0) return '';
  const part = async (cls: string) => ((await run.first().locator(cls).first().textContent()) ?? '').trim();
  return `${await part('.label-name')} ${await part('.label-description')}`;
}

async function showModelsView(page: Page): Promise<void> {
  await runCommand(page, 'Vigil: Focus on Models View');
  await page.locator('.part.sidebar .monaco-list-row', { hasText: model }).first().waitFor({ state: 'visible' });
}

describeWorkbench('A reload of the window', { urlVariable: 'VIGIL_E2E_RELOAD_URL', lastScreenshot: 'persistence-last' }, (session) => {
  let before: { warnings: number; tauLens: string };

  test('Compare with Reference from the palette: panel, lenses and side panel show the result', { timeout: 180_000 }, async () => {
    const { page } = session;
    await quickOpen(page, model);
    await runCommand(page, 'Vigil: Compare with Reference');
    const v = await waitUntil(() => panelView(page, model), (x) => !!x && x.title === 'VI (mean-field) vs NUTS' && x.rendered.includes('forest'), 'the comparison in the panel', 150_000);
    const tauLens = await waitUntil(async () => (await lensTexts(page)).find((t) => /^VI .* \| NUTS .*⚠/.test(t)) ?? '', (t) => t !== '', 'the lens on tau');
    await showModelsView(page);
    assert.match(await waitUntil(() => treeRun(page), (t) => t !== '', 'the run in the side panel'), /^meanfield vs NUTS ok · \d+ warnings · just now$/);
    before = { warnings: v!.warnings.length, tauLens };
  });

  test('after the reload the panel comes back with its content, and lenses, side panel and Problems show the kept result', { timeout: 120_000 }, async () => {
    const { page } = session;
    assert.ok(before, 'needs the comparison of the test before');
    // As a user reloads: the workbench's own command shuts down in order (it writes the open editors,
    // the panel among them, to storage before the page goes). A bare page.reload() can cut that write off.
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await navigated;
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
    // The serializer restores the panel in its tab: the same comparison, drawn again.
    await page.locator('.tabs-container .tab', { hasText: 'Vigil: eight_schools_centered' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const v = await waitUntil(() => panelView(page, model), (x) => !!x && x.rendered.includes('forest') && x.withReference >= 10, 'the restored panel', 60_000);
    assert.equal(v!.title, 'VI (mean-field) vs NUTS');
    assert.equal(v!.warnings.length, before.warnings);
    assert.ok(v!.warnings.some((w) => w.kind === 'sd-ratio-low' && w.parameter === 'tau'), JSON.stringify(v!.warnings));
    assert.equal(v!.stale, false);
    // The lenses come from workspace storage (the panel's own state cannot give them).
    const lens = await waitUntil(async () => (await lensTexts(page)).find((t) => /^VI .* \| NUTS /.test(t) && t.includes('⚠')) ?? '', (t) => t !== '', 'the kept lens on tau', 30_000);
    assert.equal(lens, before.tauLens);
    await showModelsView(page);
    assert.match(await waitUntil(() => treeRun(page), (t) => t !== '', 'the kept run in the side panel', 30_000), /^meanfield vs NUTS ok · \d+ warnings · /);
    await tryCommand(page, 'Notifications: Clear All Notifications');
    await showProblems(page);
    const rows = await waitUntil(() => problemRows(page), (r) => r.some((x) => /tau: .*vigil-fit/.test(x.text)), 'the tau warning in Problems', 30_000);
    assert.ok(rows.some((x) => /tau: .*vigil-fit/.test(x.text)), JSON.stringify(rows));
    await screenshot(page, 'persistence-reloaded');
  });

  test('an edit of the model marks the kept result stale in the lenses, the side panel and the panel', { timeout: 60_000 }, async () => {
    const { page } = session;
    await quickOpen(page, model);
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('// edited\n');
    await waitUntil(() => lensTexts(page), (ts) => ts.some((t) => /^VI .* · stale$/.test(t)), 'a stale lens');
    await waitUntil(() => panelView(page, model), (x) => !!x && x.stale, 'the panel to say stale');
    await showModelsView(page);
    assert.match(await waitUntil(() => treeRun(page), (t) => t.startsWith('meanfield vs NUTS stale'), 'the side panel to say stale'), /stale/);
    await screenshot(page, 'persistence-stale');
  });
});
