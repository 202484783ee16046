// Starts and stops code-server (VS Code 1.100.3 as a server, see docs in scripts/setup-vscode.sh) on a
// free loopback port with fresh user-data and extensions directories.
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { start, stopProcess } from './processes.mjs';

export function codeServerBin(root) {
  return path.join(root, '.vscode-test/code-server/node_modules/.bin/code-server');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function freshDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), `vigil-${prefix}-`));
}

// Environment for code-server: ours minus VS Code's own variables (when `npm test` runs in a VS Code
// terminal they would point the server at the outer instance), plus `extra`.
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VSCODE_')) env[k] = v;
  return { ...env, ...extra };
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

// Returns { port, base, userDataDir, extensionsDir, logFile, stop() }. Workspace trust is off (every
// folder trusted) unless `workspaceTrust` is set.
export async function startCodeServer({ root, name, extensionsDir, env = {}, logDir, workspaceTrust = false, timeoutMs = 60_000 }) {
  const port = await freePort();
  const userDataDir = freshDir(`${name}-user`);
  extensionsDir ??= freshDir(`${name}-ext`);
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `code-server-${name}.log`);
  const log = createWriteStream(logFile);
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  const child = start(codeServerBin(root), args, { cwd: root, env: cleanEnv(env), logStream: log });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    log.end();
  };
  try {
    await waitForHttp(`${base}/healthz`, child, timeoutMs);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}; see ${path.relative(root, logFile)}`);
  }
  return { port, base, userDataDir, extensionsDir, logFile, stop };
}

// The workbench URL for `folder`, with VS Code's development payload (extension under development,
// tests entry) where given: the web equivalent of --extensionDevelopmentPath/--extensionTestsPath.
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
