// Workspace trust, on a code-server started WITHOUT --disable-workspace-trust (scripts/test.mjs, stage
// "trust"): the folder is declined when VS Code asks, so the window is in Restricted Mode. Vigil
// (capabilities.untrustedWorkspaces: limited) still checks models and shows its lenses, but a fit asks
// for trust and does not run: no panel, no status-bar item, no result.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { panelFrame } from './panelView';
import { screenshot } from './screenshots';
import { describeWorkbench, fitStatusItem, problemRows, quickOpen, runCommand, showProblems, waitUntil } from './workbench';

describeWorkbench('An untrusted workspace', { urlVariable: 'VIGIL_E2E_UNTRUSTED_URL', lastScreenshot: 'untrusted-last' }, (session) => {
  test('declining trust puts the window in Restricted Mode', { timeout: 60_000 }, async () => {
    const { page } = session;
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'trust' });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.locator('.monaco-button', { hasText: "No, I don't trust the authors" }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
  });

  test('models are still checked: the error of broken.stan is in Problems', { timeout: 60_000 }, async () => {
    const { page } = session;
    await quickOpen(page, 'broken.stan');
    await showProblems(page);
    const rows = await waitUntil(() => problemRows(page), (r) => r.some((x) => x.text.includes('sigm')), 'the entry for sigm', 30_000);
    assert.match(rows.find((x) => x.text.includes('sigm'))!.text, /\[Ln 16, Col 32\]/);
  });

  test('Fit Variational Posterior asks for trust and runs nothing', { timeout: 60_000 }, async () => {
    const { page } = session;
    await quickOpen(page, 'normal_mean.stan');
    await runCommand(page, 'Vigil: Fit Variational Posterior');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'only in a trusted workspace' });
    await toast.first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await toast.first().locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).count(), 1);
    await screenshot(page, 'untrusted-fit');
    // Give a fit that wrongly started time to show itself.
    await page.waitForTimeout(3000);
    assert.equal(await fitStatusItem(page).count(), 0, 'a status-bar item for a fit');
    assert.equal(await page.locator('.tabs-container .tab', { hasText: 'Vigil: normal_mean' }).count(), 0, 'a diagnostics panel');
    assert.equal(await panelFrame(page), null, 'a diagnostics panel');
    // Checking works untrusted, so the lenses are there (their commands ask for trust).
    await page.locator('.codelens-decoration', { hasText: 'Fit Variational Posterior' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  });
});
