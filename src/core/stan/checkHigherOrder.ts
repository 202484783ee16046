// Higher-order library functions (ODE solvers, reduce_sum, map_rect, integrate_1d, algebraic solvers):
// the first argument names a user-defined function whose signature must fit the call.
import type { CallExpr } from './ast';
import type { CheckContext, ExprInfo } from './checkContext';
import { adOf, checkExpr, ERROR_INFO } from './checkExpr';
import { checkSuffixRules } from './checkCall';
import type { UserFunction } from './scope';
import type { HigherOrderSpec } from './signatures/higherOrderRows';
import { matchSignature } from './signatures/match';
import { parseRow, type SigArg } from './signatures/signature';
import { higherOrderSignatures } from './signatures/table';
import { didYouMean } from './suggest';
import { type FnArgType, isError, parseTypeText, promotionCost, type StanType, typeToString, ERROR } from './types';

const parsedFixed = new Map<HigherOrderSpec, SigArg[]>();

function fixedArgs(spec: HigherOrderSpec): SigArg[] {
  let a = parsedFixed.get(spec);
  if (!a) {
    a = spec.fixed.length === 0 ? [] : parseRow(`void f(${spec.fixed.join(', ')})`)[0].args;
    parsedFixed.set(spec, a);
  }
  return a;
}

function expectedFnArgs(spec: HigherOrderSpec, fixedTypes: StanType[]): FnArgType[] {
  return spec.fnArgs.map((text) => {
    const dataOnly = text.startsWith('data ');
    const body = dataOnly ? text.slice(5) : text;
    const m = /^\$(\d)$/.exec(body);
    const type = m ? (fixedTypes[Number(m[1])] ?? ERROR) : (parseTypeText(body) ?? ERROR);
    return { dataOnly, type };
  });
}

function shape(spec: HigherOrderSpec): string {
  return `${spec.name}(function, ${spec.fixed.join(', ')}${spec.variadic ? ', ...' : ''})`;
}

export function checkHigherOrder(ctx: CheckContext, call: CallExpr): ExprInfo {
  const name = call.callee.name;
  const specs = higherOrderSignatures(name);
  const [fnExpr, ...rest] = call.args;
  const infos = rest.map((a) => checkExpr(ctx, a));
  checkSuffixRules(ctx, name, call.callee.span);
  if (specs[0].deprecated) ctx.warn('deprecated', `'${name}' ${specs[0].deprecated}.`, call.callee.span);
  const nFixed = (s: HigherOrderSpec): boolean =>
    s.variadic ? infos.length >= s.fixed.length : infos.length === s.fixed.length;
  const spec = specs.find(nFixed);
  if (!spec) {
    ctx.error('signature', `Wrong number of arguments to '${name}'. It is called as ${specs.map(shape).join(' or ')}.`, call.span);
    return ERROR_INFO;
  }
  // The function argument.
  let fns: UserFunction[] = [];
  if (!fnExpr || fnExpr.kind !== 'Identifier') {
    ctx.error('higher-order', `The first argument of '${name}' must be the name of a user-defined function.`, fnExpr?.span ?? call.span);
  } else {
    fns = ctx.userFunctions(fnExpr.name);
    if (fns.length > 0 && /_(lp|rng)$/.test(fnExpr.name)) {
      ctx.error('higher-order', `'${fnExpr.name}' cannot be passed to '${name}': functions ending in _lp or _rng are not allowed as arguments of higher-order functions.`, fnExpr.span);
    } else if (fns.length > 0 && /_lup(df|mf)$/.test(fnExpr.name) && !ctx.lupdfAllowed()) {
      ctx.error('block', `'${fnExpr.name}' drops constant terms and can only be used in the model block or in functions ending in _lpdf or _lpmf; pass '${fnExpr.name.replace(/_lup(df|mf)$/, '_lp$1')}' here.`, fnExpr.span);
    }
    if (fns.length === 0) {
      const isVar = ctx.scope.lookup(fnExpr.name) !== undefined;
      ctx.error(
        'higher-order',
        isVar
          ? `The first argument of '${name}' must be the name of a user-defined function; '${fnExpr.name}' is a variable.`
          : `The first argument of '${name}' must be the name of a user-defined function; '${fnExpr.name}' is not defined.${didYouMean(fnExpr.name, [...ctx.result.userFunctions.keys()])}`,
        fnExpr.span,
      );
    }
  }
  // The fixed arguments.
  const fixed = fixedArgs(spec);
  const fixedInfos = infos.slice(0, fixed.length);
  let ok = true;
  const probe = { name, ret: { k: 'exact' as const, t: ERROR }, args: [] as SigArg[] };
  fixed.forEach((arg, i) => {
    const info = fixedInfos[i];
    if (isError(info.type)) return;
    if (!matchSignature({ ...probe, args: [arg] }, [info.type])) {
      ok = false;
      ctx.error('signature', `Argument ${i + 2} of '${name}' must be ${spec.fixed[i].replace(/^data /, '').replace(/^A$/, 'an array')}; found ${typeToString(info.type)}. '${name}' is called as ${shape(spec)}.`, rest[i].span);
    } else if (arg.dataOnly && info.ad === 'param') {
      ctx.error('data-only', `Argument ${i + 2} of '${name}' must be data only: it cannot depend on parameters.`, rest[i].span);
    }
  });
  const variadic = infos.slice(fixed.length);
  if (ok && fns.length > 0 && fnExpr && !infos.some((i) => isError(i.type))) {
    const want = expectedFnArgs(spec, fixedInfos.map((i) => i.type));
    const fits = (fn: UserFunction): boolean =>
      fn.args.length === want.length + variadic.length &&
      promotionCost(fn.ret, parseTypeText(spec.fnRet) ?? ERROR) === 0 &&
      want.every((w, i) => promotionCost(w.type, fn.args[i].type) >= 0) &&
      variadic.every((v, i) => promotionCost(v.type, fn.args[want.length + i].type) >= 0);
    const fn = fns.find(fits);
    if (!fn) {
      const expected = [...want.map((w) => typeToString(w.type)), ...variadic.map((v) => typeToString(v.type))];
      const has = fns.map((f) => `(${f.args.map((a) => typeToString(a.type)).join(', ')}) => ${typeToString(f.ret)}`).join(' or ');
      ctx.error('higher-order', `The function '${fnExpr.kind === 'Identifier' ? fnExpr.name : ''}' passed to '${name}' must take (${expected.join(', ')}) and return ${spec.fnRet}; it has ${has}.`, fnExpr.span);
    } else {
      fn.args.slice(want.length).forEach((a, i) => {
        if (a.dataOnly && variadic[i].ad === 'param') {
          ctx.error('data-only', `Argument ${fixed.length + i + 2} of '${name}' is passed to a 'data' argument of '${fn.name}' and must not depend on parameters.`, rest[fixed.length + i].span);
        }
      });
      ctx.result.calls.set(call, { kind: 'higherOrder', name, fnName: fn.name });
      ctx.result.exprTypes.set(fnExpr, { type: { kind: 'function', ret: fn.ret, args: fn.args }, ad: 'data' });
    }
  }
  const ret = parseTypeText(spec.ret) ?? ERROR;
  return ok ? { type: ret, ad: adOf(infos) } : ERROR_INFO;
}
