// `npm run package` makes dist/vigil.vsix: only the allowlisted files, under 5 MB, and the packaged CLI
// runs from the unpacked extension folder. The VSIX is a zip; its central directory is read here.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = path.resolve(__dirname, '../../..');
const vsix = path.join(root, 'dist/vigil.vsix');
const MAX_BYTES = 5 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

// The end-of-central-directory record, then every central-directory entry.
function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'zip end-of-central-directory record found');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry signature');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(zip: Buffer, e: ZipEntry): Uint8Array {
  const at = e.localHeaderOffset;
  assert.equal(zip.readUInt32LE(at), 0x04034b50, `local header of ${e.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = new Uint8Array(zip.buffer, zip.byteOffset + start, e.compressedSize);
  if (e.method === 0) return data.slice();
  assert.equal(e.method, 8, `${e.name}: stored or deflated`);
  const inflated = inflateRawSync(data);
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
}

let zip: Buffer;
let entries: ZipEntry[];
let names: string[];

before(() => {
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', timeout: 300_000, stdio: 'pipe' });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  assert.ok(existsSync(vsix), 'dist/vigil.vsix exists');
  zip = readFileSync(vsix);
  entries = zipEntries(zip);
  names = entries.map((e) => e.name);
});

test('the VSIX is under 5 MB', () => {
  assert.ok(statSync(vsix).size < MAX_BYTES, `${statSync(vsix).size} bytes`);
});

test('the zip reader agrees with unzip -l where unzip exists', (t) => {
  const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    t.skip('unzip is not installed');
    return;
  }
  assert.deepEqual([...names].sort(), r.stdout.trim().split('\n').sort());
});

test('only allowlisted files are packaged', () => {
  const allowed = [
    /^\[Content_Types\]\.xml$/,
    /^extension\.vsixmanifest$/,
    /^extension\/(package\.json|language-configuration\.json)$/,
    /^extension\/(readme\.md|changelog\.md|license\.txt|license)$/i, // vsce lower-cases some of these
    /^extension\/dist\/(extension|worker|chainWorker|cli|webview)\.js$/,
    /^extension\/(syntaxes|bin|examples|media)\//,
  ];
  for (const name of names) {
    assert.ok(allowed.some((a) => a.test(name)), `unexpected file in the VSIX: ${name}`);
    assert.doesNotMatch(name, /(^|\/)(src|test|node_modules|out|\.vscode-test|scripts)\//, name);
    assert.doesNotMatch(name, /\.(ts|map|vsix)$/, name);
  }
});

test('everything the manifest and the CLI need is packaged', () => {
  const packaged = entries.find((e) => e.name === 'extension/package.json');
  assert.ok(packaged, 'extension/package.json is packaged');
  const manifest = JSON.parse(new TextDecoder().decode(zipRead(zip, packaged)));
  const required = [
    manifest.main,
    manifest.bin.vigil,
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
    ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
    './dist/cli.js',
    './examples/eight_schools_centered.stan',
    './examples/eight_schools_centered.data.json',
  ];
  if (existsSync(path.join(root, 'src/worker.ts'))) required.push('./dist/worker.js');
  if (existsSync(path.join(root, 'webview/main.ts'))) required.push('./dist/webview.js');
  for (const file of required) {
    const name = path.posix.join('extension', file);
    assert.ok(names.includes(name), `${name} is packaged`);
  }
  assert.ok(names.some((n) => /^extension\/LICENSE(\.txt)?$/.test(n)), 'a license is packaged');
});

test('the packaged vigil runs from the unpacked extension folder', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-vsix-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const out = path.join(dir, e.name);
    mkdirSync(path.dirname(out), { recursive: true });
    const data = zipRead(zip, e);
    assert.equal(data.length, e.size, `${e.name} size`);
    writeFileSync(out, data);
  }
  const bin = path.join(dir, 'extension/bin/vigil.js');
  const r = spawnSync(process.execPath, [bin, 'check'], { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Checked 1 file: no errors, no warnings\./);
  assert.ok(r.stdout.includes(path.join(dir, 'extension/examples/eight_schools_centered.stan')), r.stdout);
});
