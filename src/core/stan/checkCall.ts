// Function calls: library rows and user-defined functions, the suffix rules (_rng, _lp, _lupdf, `|`),
// data-only arguments, and unknown names with suggestions.
import type { CallExpr, Expr } from './ast';
import type { CallTarget, CheckContext, ExprInfo } from './checkContext';
import { adOf, checkExpr, ERROR_INFO } from './checkExpr';
import { checkHigherOrder } from './checkHigherOrder';
import type { UserFunction } from './scope';
import { describeSignatures } from './signatureList';
import { resolveOverload } from './signatures/match';
import { operatorOnlyNames } from './signatures/operatorRows';
import type { Signature } from './signatures/signature';
import { higherOrderSignatures, libraryFunctionNames, librarySignatures } from './signatures/table';
import { deprecatedLibraryFunctions, removedFunctions } from './signatures/higherOrderRows';
import type { Span } from './span';
import { didYouMean, suggestName } from './suggest';
import { isComplexBased, isError, isPrim, REAL, type StanType, typeToString } from './types';

const PROB_SUFFIX = /_(lpdf|lupdf|lpmf|lupmf|cdf|lcdf|lccdf)$/;

const userSigCache = new WeakMap<UserFunction, Signature>();

export function userSignature(fn: UserFunction): Signature {
  let s = userSigCache.get(fn);
  if (!s) {
    s = {
      name: fn.name,
      user: true,
      ret: { k: 'exact', t: fn.ret },
      args: fn.args.map((a) => ({ dataOnly: a.dataOnly, spec: { k: 'exact' as const, t: a.type } })),
    };
    userSigCache.set(fn, s);
  }
  return s;
}

// Names a call may refer to: user functions and callable library functions.
let callableLibraryNames: string[] | undefined;
// Suggestions from the library depend only on the name: computed once per process.
const librarySuggestion = new Map<string, string | null>();

// The closest known function name: user-defined or library.
export function suggestFunction(ctx: CheckContext, name: string): string {
  callableLibraryNames ??= [...new Set(libraryFunctionNames().filter((n) => !operatorOnlyNames.has(n)))];
  let lib = librarySuggestion.get(name);
  if (lib === undefined && ctx.suggestionBudget > 0) {
    ctx.suggestionBudget--;
    lib = suggestName(name, callableLibraryNames);
    if (librarySuggestion.size < 10000) librarySuggestion.set(name, lib);
  }
  const candidates = [...ctx.result.userFunctions.keys()];
  if (lib) candidates.push(lib);
  return didYouMean(name, candidates);
}

export function checkCall(ctx: CheckContext, call: CallExpr, asStatement: boolean): ExprInfo {
  const name = call.callee.name;
  if (name === 'target') {
    if (call.args.length > 0) ctx.error('call', 'target() takes no arguments.', call.span);
    if (!ctx.targetReadAllowed()) {
      ctx.error('block', 'target() can only be used in transformed parameters, the model block, and functions whose names end in _lp.', call.span);
    }
    return { type: REAL, ad: 'param' };
  }
  const removed = removedFunctions[name];
  if (removed) {
    // Arguments are not checked: they follow the removed function's conventions (function names etc.).
    ctx.error('removed', `'${name}' ${removed}.`, call.callee.span);
    return ERROR_INFO;
  }
  if (higherOrderSignatures(name).length > 0) return checkHigherOrder(ctx, call);
  const known = ctx.userFunctions(name).length > 0 || librarySignatures(name).length > 0;
  // Passing a function name to an unknown (perhaps newer, higher-order) function: say nothing about it.
  const infos = call.args.map((a) =>
    !known && a.kind === 'Identifier' && !ctx.scope.lookup(a.name) && ctx.userFunctions(a.name).length > 0 ? ERROR_INFO : checkExpr(ctx, a),
  );
  const res = resolveCall(ctx, name, infos, call.args, call.span, call.callee.span, asStatement);
  if (res.target) ctx.result.calls.set(call, res.target);
  if (res.target || isError(res.info.type)) checkConditionalBar(ctx, call);
  return res.info;
}

function checkConditionalBar(ctx: CheckContext, call: CallExpr): void {
  const name = call.callee.name;
  if (PROB_SUFFIX.test(name)) {
    if (!call.conditional && call.args.length >= 2) {
      const suffix = PROB_SUFFIX.exec(name)![1];
      ctx.error('syntax', `Probability functions ending in _${suffix} need a '|' between the first two arguments, as in ${name}(y | ...).`, call.span);
    }
  } else if (call.conditional) {
    ctx.error('syntax', `Only functions ending in _lpdf, _lupdf, _lpmf, _lupmf, _cdf, _lcdf or _lccdf take '|'; write ${name}(a, b, ...).`, call.span);
  }
}

// Block rules that follow from the function's name.
export function checkSuffixRules(ctx: CheckContext, name: string, span: Span): void {
  if (name.endsWith('_rng') && !ctx.rngAllowed()) {
    ctx.error('block', `Random number generators such as '${name}' are only allowed in transformed data, generated quantities, and functions whose names end in _rng.`, span);
  } else if (name.endsWith('_lp') && !ctx.lpAllowed()) {
    ctx.error('block', `Functions ending in _lp such as '${name}' modify target and can only be called in transformed parameters, the model block, and other _lp functions.`, span);
  } else if (/_(lupdf|lupmf)$/.test(name) && !ctx.lupdfAllowed()) {
    ctx.error('block', `'${name}' drops constant terms and can only be used in the model block or in functions ending in _lpdf or _lpmf; use '${name.replace(/_lup(df|mf)$/, '_lp$1')}' here.`, span);
  }
}

export interface CallResolution {
  info: ExprInfo;
  target?: CallTarget;
}

// Resolves `name(args)` against user functions and the library, reporting what does not fit.
export function resolveCall(
  ctx: CheckContext,
  name: string,
  infos: ExprInfo[],
  args: readonly Expr[],
  span: Span,
  nameSpan: Span,
  asStatement: boolean,
): CallResolution {
  const user = ctx.userFunctions(name);
  const lib = operatorOnlyNames.has(name) ? [] : librarySignatures(name);
  if (user.length === 0 && lib.length === 0) {
    reportUnknownFunction(ctx, name, nameSpan);
    return { info: ERROR_INFO };
  }
  // A variable may share a library function's name (stanc3 still resolves the call), but it hides a
  // user-defined function.
  const shadow = user.length > 0 ? ctx.scope.lookup(name) : undefined;
  if (shadow) {
    ctx.error('call', `'${name}' is a variable here (declared at line ${shadow.span.start.line}), which hides the function '${name}'; rename the variable to call the function.`, nameSpan);
    return { info: ERROR_INFO };
  }
  const deprecated = deprecatedLibraryFunctions[name];
  if (deprecated) ctx.warn('deprecated', `'${name}' was removed in Stan 2.33; use '${deprecated}' instead.`, nameSpan);
  checkSuffixRules(ctx, name, nameSpan);
  const userSigs = user.map(userSignature);
  const sigs = [...userSigs, ...lib];
  const types = infos.map((i) => i.type);
  if (types.some(isError)) {
    return { info: ERROR_INFO }; // already reported; no follow-on errors
  }
  const res = resolveOverload(sigs, types);
  if (!res.ok) {
    const msg =
      res.reason === 'ambiguous'
        ? `The call ${name}(${types.map(typeToString).join(', ')}) is ambiguous between several signatures: ${describeSignatures(res.candidates.map((c) => c.sig), types)}`
        : `No matching signature for ${name}(${types.map(typeToString).join(', ')}). Available signatures: ${describeSignatures(sigs, types)}${complexNote(types)}`;
    ctx.error('signature', msg, span);
    return { info: ERROR_INFO };
  }
  const sig = res.match.sig;
  sig.args.forEach((a, i) => {
    if (a.dataOnly && infos[i].ad === 'param') {
      ctx.error('data-only', `Argument ${i + 1} of '${name}' must be data only: it cannot depend on parameters.`, args[i]?.span ?? span);
    }
  });
  const ret = res.match.ret;
  if (ret.kind === 'void' && !asStatement) {
    ctx.error('call', `'${name}' returns void, so it cannot be used as a value.`, span);
    return { info: ERROR_INFO };
  }
  if (ret.kind !== 'void' && asStatement) {
    ctx.error('call', `'${name}' returns ${typeToString(ret)}; a function called as a statement must return void. Assign or use its value.`, span);
  }
  const fn = user.find((u) => userSignature(u) === sig);
  const target: CallTarget = fn ? { kind: 'user', name, fn } : { kind: 'library', name };
  const ad = name.endsWith('_rng') ? 'data' : adOf(infos);
  return { info: { type: ret, ad }, target };
}

export function reportUnknownFunction(ctx: CheckContext, name: string, span: Span): void {
  if (ctx.scope.lookup(name)) {
    ctx.error('call', `'${name}' is a variable, not a function.`, span);
    return;
  }
  const old = /^(.*?)(_cdf_log|_ccdf_log|_log)$/.exec(name);
  if (old) {
    const base = old[1];
    const replacement =
      old[2] === '_cdf_log' ? [`${base}_lcdf`] : old[2] === '_ccdf_log' ? [`${base}_lccdf`] : [`${base}_lpdf`, `${base}_lpmf`];
    const found = replacement.find((r) => librarySignatures(r).length > 0 || ctx.userFunctions(r).length > 0);
    if (found) {
      ctx.error('removed', `'${name}' was removed in Stan 2.33; use '${found}' instead${found.endsWith('pdf') || found.endsWith('pmf') ? `, as in ${found}(y | ...)` : ''}.`, span);
      return;
    }
  }
  ctx.error('scope', `Function '${name}' is not defined.${suggestFunction(ctx, name)}`, span);
}

// Complex containers have only part of their library overloads in Vigil's table so far.
export function complexNote(types: readonly StanType[]): string {
  return types.some((t) => isComplexBased(t) && !isPrim(t, 'complex'))
    ? ' (Vigil supports only some library functions on complex vectors and matrices so far.)'
    : '';
}
