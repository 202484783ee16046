// Packages the extension (`npm run package` → dist/vigil.vsix) and installs the VSIX into a fresh
// extensions directory with `code-server --install-extension`, as a user would.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cleanEnv, codeServerBin, freshDir } from './codeServer.mjs';
import { run } from './processes.mjs';

export async function packageAndInstall({ root }) {
  const vsix = path.join(root, 'dist/vigil.vsix');
  const pack = await run('npm', ['run', '--silent', 'package'], { cwd: root, timeoutMs: 5 * 60_000 });
  if (pack.code !== 0 || !existsSync(vsix)) {
    throw new Error(`npm run package failed (exit ${pack.code}${pack.timedOut ? ', timed out' : ''})`);
  }
  const extensionsDir = freshDir('vsix-ext');
  const userDataDir = freshDir('vsix-install-user');
  const install = await run(
    codeServerBin(root),
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { cwd: root, env: cleanEnv(), timeoutMs: 2 * 60_000 },
  );
  const list = await run(codeServerBin(root), ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--list-extensions'], {
    cwd: root,
    env: cleanEnv(),
    timeoutMs: 60_000,
    quiet: true,
  });
  if (install.code !== 0 || !/^vigil-dev\.vigil$/m.test(list.output)) {
    throw new Error(`code-server --install-extension failed (exit ${install.code}); installed: ${list.output.trim() || 'nothing'}`);
  }
  return { vsix, extensionsDir, tempDirs: [extensionsDir, userDataDir] };
}
