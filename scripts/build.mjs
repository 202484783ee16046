// Bundles the extension host, the worker, the CLI and the webview into dist/ with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  absWorkingDir: root,
};

// Node-side bundles: the extension host loads CommonJS; 'vscode' is provided at run time.
const nodeTargets = [
  { entry: 'src/extension.ts', out: 'dist/extension.js' },
  { entry: 'src/cli.ts', out: 'dist/cli.js' },
  { entry: 'src/worker.ts', out: 'dist/worker.js' },
  // NUTS chains run in their own worker threads; this entry registers the compiled-Stan target factory.
  { entry: 'src/core/pipeline/chainWorkerEntry.ts', out: 'dist/chainWorker.js' },
].filter((t) => existsSync(path.join(root, t.entry)));

const builds = nodeTargets.map((t) => ({
  ...common,
  entryPoints: [t.entry],
  outfile: t.out,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
}));

if (existsSync(path.join(root, 'webview/main.ts'))) {
  builds.push({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
