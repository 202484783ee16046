// Every example of examples/ run from the command palette in the real workbench, as its note says:
// "Compare with Reference" once per variational method the note speaks of (vigil.fit.method is 'ask',
// so the method comes from the quick pick), then the panel held to the note's claims
// (test/support/exampleNotes.ts: which warnings appear, which do not, sd ratios): the same claims the
// pipeline test holds the reports to. scripts/test.mjs opens a copy of examples/ whose settings give the
// NUTS reference the tests' size (4 × 500 + 500) and seed 1 (the default), so the panel shows the very
// reports the pipeline test checks.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenClaims, exampleNotes, type Method } from '../support/exampleNotes';
import { panelView, shownSdRatios, type PanelView } from './panelView';
import { screenshot } from './screenshots';
import { describeWorkbench, fitStatusItem, quickOpen, runCommandAndPick, tryCommand, waitUntil } from './workbench';

const approximationLabel: Record<Method, string> = { meanfield: 'VI (mean-field)', fullrank: 'VI (full-rank)', pathfinder: 'Pathfinder' };

describeWorkbench('Every example from the command palette', { urlVariable: 'VIGIL_E2E_EXAMPLES_URL', lastScreenshot: 'examples-last' }, (session) => {
  for (const note of exampleNotes) {
    test(`${note.name}: ${note.runs.map((r) => r.method).join(', ')} against the ${note.reference} reference, as its note says`, { timeout: 300_000 }, async () => {
      const { page } = session;
      const file = `${note.name}.stan`;
      await tryCommand(page, 'View: Close All Editors');
      await tryCommand(page, 'Notifications: Clear All Notifications');
      for (const { method, claims } of note.runs) {
        const t0 = Date.now();
        await quickOpen(page, file);
        await runCommandAndPick(page, 'Vigil: Compare with Reference', 'variational method', method);
        // The longest run (stochastic volatility's NUTS reference, about 15 s) shows the status-bar item
        // while it runs, and nothing once it is done.
        const slow = note.name === 'stochastic_volatility';
        if (slow) await fitStatusItem(page).first().waitFor({ state: 'visible', timeout: 30_000 });
        const title = `${approximationLabel[method]} vs ${note.reference === 'exact' ? 'Exact' : 'NUTS'}`;
        const v = (await waitUntil(
          () => panelView(page, file),
          (x) => !!x && x.title === title && x.rendered.includes('forest'),
          `the comparison (${title}) in the panel of ${file}`, 240_000,
        )) as PanelView;
        if (slow) await fitStatusItem(page).first().waitFor({ state: 'detached', timeout: 10_000 });
        await screenshot(page, `example-${note.name}-${method}`);
        const broken = brokenClaims(claims, v.warnings, (name) => shownSdRatios(v, name));
        const seen = v.warnings.map((w) => `${w.severity} ${w.kind}${w.parameter ? ` on ${w.parameter}` : ''}`).join('; ');
        assert.deepEqual(broken, [], `${note.name}, ${method}: the panel shows ${seen || 'no warnings'}`);
        for (const name of note.images ?? []) {
          const img = v.images.find((i) => i.name === name);
          assert.ok(img && img.tiles > 0, `${name} drawn as images: ${JSON.stringify(v.images)}`);
        }
        console.log(`  ${note.name} ${method}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${v.warnings.length} warnings`);
      }
    });
  }
});
