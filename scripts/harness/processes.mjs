// Child processes the harness starts, each in its own process group so that stopping one also stops
// whatever it spawned (code-server's extension host, node --test's workers). Every wait has a timeout.
import { spawn } from 'node:child_process';

const live = new Set();

// Stops one started child: SIGTERM to its group (lets Playwright close its browser), then SIGKILL.
export async function stopProcess(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (s) => {
    try {
      process.kill(-child.pid, s);
    } catch {
      // Group already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs + 2000))]);
  clearTimeout(timer);
  // Members of the group may outlive its leader; make sure none do.
  signal('SIGKILL');
  live.delete(child);
}

export async function stopAll() {
  await Promise.all([...live].map((c) => stopProcess(c, 3000)));
}

// Starts a process in a group of its own. With `logStream` its output is copied there; otherwise its
// stdout/stderr stay readable pipes for the caller.
export function start(cmd, args, { cwd, env, logStream } = {}) {
  const child = spawn(cmd, args, { cwd, env: env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (logStream) {
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

// Runs a command to completion, echoing its output (unless `quiet`) and keeping it for the caller.
// Resolves { code, output, timedOut }; never rejects.
export function run(cmd, args, { cwd, env, timeoutMs = 10 * 60_000, quiet = false } = {}) {
  return new Promise((resolve) => {
    let child;
    try {
      child = start(cmd, args, { cwd, env });
    } catch (e) {
      resolve({ code: 127, output: String(e), timedOut: false });
      return;
    }
    let output = '';
    const take = (stream, sink) =>
      stream.on('data', (b) => {
        output += b;
        if (!quiet) sink.write(b);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n[harness] timeout after ${timeoutMs / 1000} s: ${cmd} ${args.join(' ')}\n`);
      void stopProcess(child);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, output: output + String(e), timedOut: false });
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ code: code ?? (sig ? 128 : 1), output, timedOut });
    });
  });
}

// Stop everything on Ctrl+C, kill from CI, or an unexpected crash of the harness itself.
// `onSignal` runs after the children are stopped (e.g. to print a summary); it should exit.
let hooked = false;
export function stopAllOnExit(onSignal = () => process.exit(130)) {
  if (hooked) return;
  hooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => {
      process.stderr.write(`\n[harness] ${sig}: stopping started processes\n`);
      await stopAll();
      onSignal(sig);
    });
  }
  process.on('exit', () => {
    for (const c of live) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}
