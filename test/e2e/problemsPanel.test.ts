// UI test on the real workbench (code-server + Chromium), started by scripts/test.mjs, which passes the
// workbench URL (workspace copy + extension under development) in VIGIL_E2E_URL.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { publish, screenshot } from './screenshots';
import { describeWorkbench, problemRows, quickOpen, showProblems, waitUntil } from './workbench';

// The page's globals used inside page.evaluate, typed by hand: the project compiles without the DOM lib.
interface DomElement {
  textContent: string | null;
  style: { top: string };
}
declare const document: { querySelectorAll(selector: string): Iterable<DomElement>; querySelector(selector: string): DomElement | null };
declare function getComputedStyle(e: DomElement): { color: string };

describeWorkbench('Problems panel in the real workbench', { lastScreenshot: 'problems-last' }, (session) => {
  test('Quick Open opens the broken model', { timeout: 60_000 }, async () => {
    await quickOpen(session.page, 'broken.stan');
  });

  test('the Stan grammar colours keywords, types and comments', { timeout: 30_000 }, async () => {
    const { page } = session;
    // Tokenisation is asynchronous: wait for it, then say which token stayed plain.
    const coloured = (c: { parameters: string; real: string; comment: string; plain: string }) =>
      c.parameters !== c.plain && c.real !== c.plain && c.comment !== c.plain;
    const colours = await waitUntil(() => tokenColours(page), coloured, 'tokens to be coloured', 15_000).catch(() => tokenColours(page));
    assert.notEqual(colours.parameters, colours.plain, `block keyword 'parameters' has the plain colour ${colours.plain}`);
    assert.notEqual(colours.real, colours.plain, `type 'real' has the plain colour`);
    assert.notEqual(colours.comment, colours.plain, 'the comment has the plain colour');
  });

  test('the Problems panel shows the error at line 16, column 32', { timeout: 60_000 }, async () => {
    const { page } = session;
    await showProblems(page);
    const rows = await waitUntil(() => problemRows(page), (r) => r.some((x) => x.text.includes('sigm')), 'the entry for sigm');
    assert.equal(rows.length, 1, `one entry: ${JSON.stringify(rows)}`);
    assert.match(rows[0].text, /'sigm'/);
    assert.match(rows[0].text, /vigil/);
    assert.match(rows[0].text, /\[Ln 16, Col 32\]/);
    publish(await screenshot(page, 'problems'), 'problems.png');
  });

  test('typing the fix clears the entry', { timeout: 60_000 }, async () => {
    const { page } = session;
    await goToLineColumn(page, 16, 36);
    await page.keyboard.type('a');
    await waitUntil(() => editorText(page), (t) => t.includes('y ~ normal(alpha + beta * x, sigma);'), 'the fix in the editor');
    await waitUntil(() => problemRows(page), (r) => r.length === 0, 'the Problems panel to empty');
    await page.locator('.markers-panel', { hasText: 'No problems have been detected' }).waitFor({ state: 'visible' });
    await screenshot(page, 'problems-fixed');
  });
});

// Ctrl+G "line:column", Enter: puts the cursor there as a user would.
async function goToLineColumn(page: Page, line: number, col: number): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially(`${line}:${col}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

// The editor's rendered lines (Monaco renders only the visible ones), joined by newlines.
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  });
}

// Computed colours of a few tokens of broken.stan, and of the editor's default foreground.
async function tokenColours(page: Page): Promise<{ parameters: string; real: string; comment: string; plain: string }> {
  return page.evaluate(() => {
    const spans = [...document.querySelectorAll('.editor-instance .view-lines .view-line span span')];
    const colourOf = (pred: (t: string) => boolean) => {
      const s = spans.find((x) => pred((x.textContent ?? '').trim()));
      return s ? getComputedStyle(s).color : 'missing';
    };
    const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
    return {
      parameters: colourOf((t) => t === 'parameters'),
      real: colourOf((t) => t === 'real'),
      comment: colourOf((t) => t.startsWith('//')),
      plain: editor ? getComputedStyle(editor).color : 'missing',
    };
  });
}
