// The assembled functions library: every row of every area, indexed by function name.
import { complexRows } from './complexRows';
import { containerRows } from './containerRows';
import { distributionRows } from './distributionRows';
import { higherOrderSpecs, type HigherOrderSpec } from './higherOrderRows';
import { linearAlgebraRows } from './linearAlgebraRows';
import { mathRows } from './mathRows';
import { operatorRows } from './operatorRows';
import { parseRow, type Signature } from './signature';

export const allRows: readonly string[] = [
  ...mathRows,
  ...containerRows,
  ...linearAlgebraRows,
  ...operatorRows,
  ...distributionRows(),
  ...complexRows(),
];

let byName: Map<string, Signature[]> | undefined;
let higherOrderByName: Map<string, HigherOrderSpec[]> | undefined;

function build(): Map<string, Signature[]> {
  const m = new Map<string, Signature[]>();
  for (const row of allRows) {
    for (const sig of parseRow(row)) {
      const list = m.get(sig.name);
      if (list) list.push(sig);
      else m.set(sig.name, [sig]);
    }
  }
  return m;
}

// All library rows for `name` (empty when the library has no such function).
export function librarySignatures(name: string): readonly Signature[] {
  byName ??= build();
  return byName.get(name) ?? [];
}

export function higherOrderSignatures(name: string): readonly HigherOrderSpec[] {
  if (!higherOrderByName) {
    higherOrderByName = new Map();
    for (const s of higherOrderSpecs) {
      const list = higherOrderByName.get(s.name);
      if (list) list.push(s);
      else higherOrderByName.set(s.name, [s]);
    }
  }
  return higherOrderByName.get(name) ?? [];
}

export function isLibraryFunction(name: string): boolean {
  return librarySignatures(name).length > 0 || higherOrderSignatures(name).length > 0;
}

// Every library function name (for "Did you mean ...?" suggestions and name-clash checks).
export function libraryFunctionNames(): string[] {
  byName ??= build();
  return [...byName.keys(), ...higherOrderSpecs.map((s) => s.name)];
}
