// The model `vigil` works on when given none: the centered eight schools, shipped in examples/ next to
// dist/ (the VSIX and the npm package both carry examples/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './packageRoot';

export const DEFAULT_EXAMPLE_NAME = 'eight_schools_centered';

export interface DefaultExample {
  name: string;
  path: string;
  source: string;
}

export type DefaultExampleResult = { ok: true; example: DefaultExample } | { ok: false; message: string };

export function defaultExamplePath(): string | null {
  const root = packageRoot();
  return root === null ? null : path.join(root, 'examples', `${DEFAULT_EXAMPLE_NAME}.stan`);
}

export function loadDefaultExample(): DefaultExampleResult {
  const file = defaultExamplePath();
  if (file === null) return { ok: false, message: "cannot find Vigil's installation folder (package.json)" };
  try {
    return { ok: true, example: { name: DEFAULT_EXAMPLE_NAME, path: file, source: readFileSync(file, 'utf8') } };
  } catch (e) {
    return { ok: false, message: `cannot read the default example '${file}': ${(e as Error).message}` };
  }
}
