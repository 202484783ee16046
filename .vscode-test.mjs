// @vscode/test-cli configuration (`npm run test:desktop`, or the Extension Test Runner in VS Code) for
// machines that can download desktop VS Code. It runs the same compiled integration tests that
// `npm test` runs inside code-server. Compile first: `npx tsc -p . && node scripts/build.mjs`.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  // activation.test.js first: it checks that nothing activated Vigil before a Stan file opened.
  files: ['out/test/integration/activation.test.js', 'out/test/integration/**/*.test.js'],
  workspaceFolder: './test/fixtures/workspace',
  mocha: { ui: 'tdd', timeout: 30000 },
  // A clean profile: no other extensions, nothing restored from an earlier session.
  launchArgs: ['--disable-extensions', '--skip-welcome', '--skip-release-notes'],
});
