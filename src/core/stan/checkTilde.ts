// `y ~ dist(...)` statements (resolving dist_lpdf / dist_lpmf, builtin or user-defined) and truncation.
import type { TildeStmt } from './ast';
import { resolveCall, userSignature } from './checkCall';
import { resolveOverload } from './signatures/match';
import type { CheckContext } from './checkContext';
import { checkExpr } from './checkExpr';
import { distributionNames } from './signatures/distributionRows';
import { librarySignatures } from './signatures/table';
import { didYouMean } from './suggest';
import { isError, isIntBased, isPrim, typeToString } from './types';

function exists(ctx: CheckContext, name: string): boolean {
  return ctx.userFunctions(name).length > 0 || librarySignatures(name).length > 0;
}

export function checkTilde(ctx: CheckContext, s: TildeStmt): void {
  const lhs = checkExpr(ctx, s.lhs);
  const args = (s.args ?? []).map((a) => checkExpr(ctx, a));
  if (!ctx.targetAllowed()) {
    ctx.error('block', "Sampling statements ('~') are only allowed in the model block and in functions whose names end in _lp.", s.span);
  }
  const dist = s.distribution;
  if (!dist) return;
  const suffixed = /^(.*)_(lpdf|lupdf|lpmf|lupmf)$/.exec(dist.name);
  if (suffixed) {
    ctx.error('tilde', `A '~' statement names the distribution without its suffix: write '~ ${suffixed[1]}(...)', or 'target += ${dist.name}(y | ...)'.`, dist.span);
    return;
  }
  const pdf = `${dist.name}_lpdf`;
  const pmf = `${dist.name}_lpmf`;
  const candidates = [pdf, pmf].filter((n) => exists(ctx, n));
  if (candidates.length === 0) {
    const userDists = [...ctx.result.userFunctions.keys()]
      .filter((n) => /_(lpdf|lpmf)$/.test(n))
      .map((n) => n.replace(/_(lpdf|lpmf)$/, ''));
    const hint = exists(ctx, dist.name)
      ? ` '${dist.name}' is a function, not a distribution (no '${pdf}' or '${pmf}' exists).`
      : didYouMean(dist.name, [...distributionNames(), ...userDists]);
    ctx.error('scope', `Distribution '${dist.name}' is not defined.${hint}`, dist.span);
    return;
  }
  // Both exist only for odd user definitions: choose by the outcome's type.
  const fullName = candidates.length === 2 ? (isIntBased(lhs.type) ? pmf : pdf) : candidates[0];
  const infos = [lhs, ...args];
  const res = resolveCall(ctx, fullName, infos, [s.lhs, ...s.args], s.span, dist.span, false);
  if (res.target) ctx.result.calls.set(s, res.target);
  const tr = s.truncation;
  if (!tr) return;
  for (const b of [tr.lower, tr.upper]) {
    if (!b) continue;
    const t = checkExpr(ctx, b).type;
    if (fullName.endsWith('_lpmf') && isPrim(t, 'real')) {
      ctx.error('type', `Truncation bounds of the discrete distribution '${dist.name}' must be int; found real.`, b.span);
      continue;
    }
    if (!isError(t) && !isPrim(t, 'int', 'real') && !isError(lhs.type) && typeToString(t) !== typeToString(lhs.type)) {
      ctx.error('type', `Truncation bounds must be int or real; found ${typeToString(t)}.`, b.span);
    }
  }
  // As stanc3: truncation needs both the _lcdf and the _lccdf of the distribution.
  const needed = [`${dist.name}_lcdf`, `${dist.name}_lccdf`];
  const missing = needed.filter((n) => !exists(ctx, n));
  if (missing.length > 0) {
    ctx.error('truncation', `Truncation T[...] needs ${missing.map((m) => `'${m}'`).join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not defined.`, tr.span);
    return;
  }
  const types = infos.map((i) => i.type);
  if (types.some(isError)) return;
  const unfit = needed.filter((n) => !resolveOverload([...ctx.userFunctions(n).map(userSignature), ...librarySignatures(n)], types).ok);
  if (unfit.length > 0) {
    ctx.error('truncation', `Truncation T[...] needs ${unfit.map((m) => `'${m}'`).join(' and ')} for the arguments (${types.map(typeToString).join(', ')}), and no such signature exists.`, tr.span);
  }
}
