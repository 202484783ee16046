// Reference draws from files: CmdStan CSV (one file per chain), posteriordb draws JSON (a list of chains,
// each an object from flattened name to draws) or a Vigil result JSON. Names are matched to the model's
// flattened names; unmatched names are reported as warnings.
import { RESULT_SCHEMA, RESULT_SCHEMA_VERSION, type FitResult } from '../result/fitResult';
import type { CompiledModel } from '../model/CompiledModel';
import { outputNames } from './constrainDraws';
import { parseCmdStanCsv } from './parseCmdStanCsv';
import type { RunError, RunOutcome } from './pipelineTypes';
import { summariseMcmc } from './summariseNames';

type Chain = Record<string, number[]>;

function fileError(file: string, message: string, line?: number): RunError {
  const span = line ? { start: { line, col: 1, offset: 0 }, end: { line, col: 1, offset: 0 } } : null;
  return { source: 'reference', file, severity: 'error', code: 'draws', message, span };
}

function numericArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null);
}

// One file -> its chains, or an error.
function readFile(file: { path: string; text: string }): { chains: Chain[]; sampler?: FitResult['sampler'] } | RunError {
  const trimmed = file.text.trimStart();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) {
    const csv = parseCmdStanCsv(file.text);
    if (!csv.ok) return fileError(file.path, `not a CmdStan CSV file: ${csv.message}`, csv.line);
    return { chains: [csv.columns] };
  }
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (e) {
    return fileError(file.path, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (Array.isArray(json)) {
    const chains: Chain[] = [];
    for (const [k, c] of json.entries()) {
      if (!c || typeof c !== 'object' || Array.isArray(c)) return fileError(file.path, `chain ${k + 1} is not an object from names to draws (posteriordb format)`);
      const chain: Chain = {};
      for (const [name, v] of Object.entries(c as Record<string, unknown>)) {
        if (!numericArray(v)) return fileError(file.path, `chain ${k + 1}, '${name}': expected an array of numbers`);
        chain[name] = v.map((x) => (x === null ? NaN : x));
      }
      chains.push(chain);
    }
    return { chains };
  }
  const r = json as Partial<FitResult>;
  if (r.schema === RESULT_SCHEMA && r.draws && typeof r.draws === 'object') {
    const k = Math.max(1, r.chains ?? 1);
    const chains: Chain[] = Array.from({ length: k }, () => ({}));
    for (const [name, v] of Object.entries(r.draws)) {
      const n = Math.floor(v.length / k);
      for (let c = 0; c < k; c++) chains[c][name] = v.slice(c * n, (c + 1) * n).map((x) => (x === null ? NaN : x));
    }
    return { chains, ...(r.sampler ? { sampler: r.sampler } : {}) };
  }
  return fileError(file.path, 'a JSON draws file must be a posteriordb list of chains or a Vigil result (schema "vigil.result")');
}

export function importDraws(files: { path: string; text: string }[], model: CompiledModel, hashes: { modelFile: string; modelHash: string; dataFile: string | null; dataHash: string | null }): RunOutcome<FitResult> {
  const chains: Chain[] = [];
  let sampler: FitResult['sampler'] | undefined;
  for (const f of files) {
    const r = readFile(f);
    if ('source' in r) return { ok: false, errors: [r] };
    chains.push(...r.chains);
    if (r.sampler) sampler = { ...r.sampler, divergences: (sampler?.divergences ?? 0) + r.sampler.divergences, treedepthSaturations: (sampler?.treedepthSaturations ?? 0) + r.sampler.treedepthSaturations };
  }
  if (chains.length === 0) return { ok: false, errors: [fileError(files[0]?.path ?? '', 'no chains found')] };
  const wanted = outputNames(model);
  const present = new Set(Object.keys(chains[0]));
  const matched = wanted.filter((n) => chains.every((c) => n in c));
  const warnings: RunError[] = [];
  const label = files.map((f) => f.path).join(', ');
  const missing = wanted.filter((n) => !matched.includes(n));
  const extra = [...present].filter((n) => !wanted.includes(n) && !n.endsWith('__'));
  if (matched.length === 0) return { ok: false, errors: [fileError(label, `no name in the draws matches the model's (the model has ${wanted.slice(0, 5).join(', ')}${wanted.length > 5 ? ', ...' : ''})`)] };
  if (missing.length) warnings.push({ ...fileError(label, `names of the model not in the draws: ${missing.join(', ')}`), severity: 'warning' });
  if (extra.length) warnings.push({ ...fileError(label, `names in the draws not in the model (ignored): ${extra.join(', ')}`), severity: 'warning' });
  const n = Math.min(...chains.map((c) => c[matched[0]].length));
  const draws: Record<string, number[]> = {};
  for (const name of matched) draws[name] = chains.flatMap((c) => c[name].slice(0, n));
  // CmdStan CSV: divergences and tree-depth saturations from the sampler columns (Stan's default max depth 10).
  const count = (col: string, hit: (x: number) => boolean) => chains.reduce((a, c) => a + c[col].slice(0, n).filter(hit).length, 0);
  if (!sampler && chains.every((c) => 'divergent__' in c)) {
    sampler = { divergences: count('divergent__', (x) => x > 0), treedepthSaturations: chains.every((c) => 'treedepth__' in c) ? count('treedepth__', (x) => x >= 10) : 0, maxTreedepth: 10 };
  }
  const result: FitResult = {
    schema: RESULT_SCHEMA, version: RESULT_SCHEMA_VERSION, method: 'imported', seed: 0, chains: chains.length,
    model: { file: hashes.modelFile, hash: hashes.modelHash }, data: { file: hashes.dataFile, hash: hashes.dataHash },
    draws,
    names: {
      parameters: model.parameterNames.filter((x) => x in draws), transformedParameters: model.transformedParameterNames.filter((x) => x in draws),
      generatedQuantities: model.generatedQuantityNames.filter((x) => x in draws),
    },
    summary: summariseMcmc(draws, chains.length), elbo: [],
    stopReason: `imported ${chains.length} chain${chains.length === 1 ? '' : 's'} × ${n} draws from ${label}`, stopCode: 'imported', ok: true,
    khat: null, khatThreshold: null, timing: { seconds: 0 }, gradientEvaluations: 0,
    ...(sampler ? { sampler } : {}),
  };
  return { ok: true, value: result, warnings };
}
