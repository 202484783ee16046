// The data-file convention: `model.stan` reads `model.data.json`, then `model.json`.
import { existsSync, statSync } from 'node:fs';

export function dataFileCandidates(modelPath: string): string[] {
  const stem = modelPath.replace(/\.stan$/, '');
  return [`${stem}.data.json`, `${stem}.json`];
}

export function findDataFile(modelPath: string): string | null {
  for (const candidate of dataFileCandidates(modelPath)) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
