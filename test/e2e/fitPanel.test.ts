// UI test on the real workbench: "Fit Variational Posterior" and "Compare with Reference" from the
// command palette on centered eight schools; the diagnostics panel (a webview, two iframes deep) shows
// the ELBO trace, the overlaid densities and the tau warning; while a fit runs, a status-bar item and a
// progress notification whose Cancel stops it. Screenshots in test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { panelFrame, panelView } from './panelView';
import { publish, screenshot } from './screenshots';
import { describeWorkbench, fitStatusItem, quickOpen, runCommand, tryCommand, waitUntil } from './workbench';

// The progress notification of a run, with its Cancel button.
const progressToast = (page: Page, text: string) => page.locator('.notifications-toasts .notification-toast', { hasText: text });

describeWorkbench('Diagnostics panel in the real workbench', { lastScreenshot: 'fit-panel-last' }, (session) => {
  test('Fit Variational Posterior from the palette streams the ELBO into the panel', { timeout: 120_000 }, async () => {
    const { page } = session;
    await quickOpen(page, 'eight_schools_centered.stan');
    await runCommand(page, 'Vigil: Fit Variational Posterior');
    const v = await waitUntil(() => panelView(page, 'eight_schools_centered.stan'), (x) => !!x && x.rendered.includes('densities') && x.densities > 0 && x.elboPoints > 0, 'the panel to show the fit', 90_000);
    assert.ok(v!.rendered.includes('elbo'), JSON.stringify(v));
    assert.equal(v!.withReference, 0, 'no reference yet');
    await screenshot(page, 'fit-panel-elbo');
  });

  test('Compare with Reference shows the overlays, the forest chart and the tau warning', { timeout: 240_000 }, async () => {
    const { page } = session;
    // Back to the model's editor so the command has its active .stan file.
    await quickOpen(page, 'eight_schools_centered.stan');
    await runCommand(page, 'Vigil: Compare with Reference');
    const v = await waitUntil(() => panelView(page, 'eight_schools_centered.stan'), (x) => !!x && x.withReference >= 10 && x.forestCanvases === 2, 'the comparison in the panel', 200_000);
    assert.ok(v!.elboPoints > 0, 'the ELBO trace');
    const texts = v!.warnings.map((w) => w.text);
    assert.ok(texts.some((w) => /^\W*tau: the variational sd is \d+% of the NUTS sd/.test(w)), texts.join('\n'));
    assert.ok(texts.some((w) => /non-centered/.test(w)), 'the funnel suggestion');
    await tryCommand(page, 'Notifications: Clear All Notifications');
    // Give the panel the whole window for the picture: no side bar, its editor group maximized.
    await tryCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.locator('.tabs-container .tab', { hasText: 'Vigil: eight_schools_centered' }).first().click();
    await tryCommand(page, 'View: Toggle Maximize Editor Group');
    // The pointer where it raises no tooltip: the blank right end of the panel's heading.
    await page.mouse.move(1100, 95);
    await page.waitForTimeout(1000);
    publish(await screenshot(page, 'fit-panel'), 'panel.png');
    const frame = await panelFrame(page, 'eight_schools_centered.stan');
    await frame?.evaluate(`document.querySelector('#densities').scrollIntoView()`);
    await page.waitForTimeout(300);
    await screenshot(page, 'fit-panel-densities');
    await frame?.evaluate(`document.querySelector('#forest').scrollIntoView()`);
    await page.waitForTimeout(300);
    await screenshot(page, 'fit-panel-forest');
    await tryCommand(page, 'View: Toggle Maximize Editor Group');
    await tryCommand(page, 'View: Toggle Primary Side Bar Visibility');
    // The code lenses above the declarations, with the model's editor in view (in the first group).
    await tryCommand(page, 'View: Focus First Editor Group');
    await page.locator('.codelens-decoration').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.codelens-decoration', { hasText: 'NUTS' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const lens = await page.locator('.codelens-decoration', { hasText: 'tau' }).first().innerText().catch(() => '');
    await screenshot(page, 'fit-lenses');
    assert.ok(lens === '' || /VI .* \| NUTS /.test(lens), lens);
  });

  test('while a fit runs: a status-bar item and a progress notification; its Cancel stops the fit and both go', { timeout: 90_000 }, async () => {
    const { page } = session;
    await tryCommand(page, 'Notifications: Clear All Notifications');
    // runaway.stan loops for ever in its model block: the fit runs until cancelled (and its worker,
    // which never answers, is terminated).
    await quickOpen(page, 'runaway.stan');
    await runCommand(page, 'Vigil: Fit Variational Posterior');
    await fitStatusItem(page).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await fitStatusItem(page).first().innerText(), /Vigil: .*runaway\.stan/);
    const toast = progressToast(page, 'Vigil: Fitting runaway.stan');
    await toast.first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'fit-progress');
    await toast.first().locator('.monaco-button', { hasText: 'Cancel' }).click();
    await fitStatusItem(page).first().waitFor({ state: 'detached', timeout: 10_000 });
    await toast.first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'was terminated' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const v = await waitUntil(() => panelView(page, 'runaway.stan'), (x) => !!x && /cancel/i.test(x.status), 'the panel to say the run stopped');
    assert.match(v!.status, /cancel/i);
  });
});
