// User-defined functions: signatures (with overloading and forward declarations), the suffix rules,
// bodies, and "every path returns".
import type { FunctionDef, FunctionsBlock, Stmt } from './ast';
import type { CheckContext } from './checkContext';
import { declareVariable, unsizedToStanType } from './checkDecl';
import { checkStmt } from './checkStmt';
import type { UserFunction } from './scope';
import { matchSignature } from './signatures/match';
import { higherOrderSignatures, librarySignatures } from './signatures/table';
import { isError, isIntBased, isPrim, innermost, isReal, type StanType, typeEquals, typeToString } from './types';

function sameArgs(a: UserFunction['args'], b: UserFunction['args']): boolean {
  return a.length === b.length && a.every((x, i) => typeEquals(x.type, b[i].type));
}

// First pass: every signature, so functions can call each other in any order.
export function collectFunctions(ctx: CheckContext, block: FunctionsBlock): void {
  for (const def of block.functions ?? []) {
    if (!def || !def.name) continue;
    try {
      collectOne(ctx, def);
    } catch {
      // a malformed definition from a syntax error: nothing more to say about it
    }
  }
  for (const fns of ctx.result.userFunctions.values()) {
    for (const f of fns) {
      if (!f.defined) ctx.error('function', `Function '${f.name}' is declared but never defined.`, f.declSpan);
    }
  }
}

function collectOne(ctx: CheckContext, def: FunctionDef): void {
  const name = def.name.name;
  const ret = unsizedToStanType(def.returnType);
  const args = (def.args ?? []).map((a) => ({ type: unsizedToStanType(a.type), dataOnly: !!a.dataOnly }));
  (def.args ?? []).forEach((a, i) => {
    if (args[i].type.kind === 'void') ctx.error('function', `Function arguments cannot have type void ('${a.name?.name}').`, a.span);
  });
  // Library functions may be overloaded (stanc3 even lets user functions take over a library
  // signature); the higher-order ones are special forms and cannot.
  if (higherOrderSignatures(name).length > 0) {
    ctx.error('function', `'${name}' is a built-in higher-order function of Stan; a user-defined function cannot reuse its name.`, def.name.span);
    return;
  }
  if (librarySignatures(name).some((s) => matchSignature(s, args.map((a) => a.type))?.cost === 0)) {
    ctx.error('function', `'${name}' is already a Stan library function for these argument types; a user-defined function may overload it only with different argument types.`, def.name.span);
    return;
  }
  checkSuffix(ctx, def, ret, args.map((a) => a.type));
  const list = ctx.result.userFunctions.get(name) ?? [];
  const prev = list.find((f) => sameArgs(f.args, args));
  if (prev) {
    const where = `line ${prev.declSpan.start.line}`;
    if (prev.args.some((a, i) => a.dataOnly !== args[i].dataOnly)) {
      ctx.error('function', `'${name}' is declared at ${where} with different 'data' qualifiers on its arguments.`, def.name.span);
      if (def.body) prev.defined = true;
    } else if (!def.body && prev.defined) {
      ctx.error('function', `Function '${name}' is declared again after its definition (at ${where}); remove this declaration.`, def.name.span);
    } else if (!typeEquals(prev.ret, ret) && !isError(prev.ret) && !isError(ret)) {
      ctx.error('function', `'${name}' returns ${typeToString(ret)} here but ${typeToString(prev.ret)} in its declaration at ${where}.`, def.returnType?.span ?? def.name.span);
    } else if (def.body && prev.defined) {
      ctx.error('function', `Function '${name}' is already defined with these argument types (at ${where}).`, def.name.span);
    } else if (def.body) {
      prev.defined = true;
      prev.def = def;
    }
    return;
  }
  list.push({ name, def, args, ret, defined: def.body !== null && def.body !== undefined, declSpan: def.name.span });
  ctx.result.userFunctions.set(name, list);
}

function checkSuffix(ctx: CheckContext, def: FunctionDef, ret: StanType, args: StanType[]): void {
  const name = def.name.name;
  const m = /_(lpdf|lpmf|lcdf|lccdf|lupdf|lupmf)$/.exec(name);
  if (!m) return;
  const suffix = m[1];
  if (suffix === 'lupdf' || suffix === 'lupmf') {
    ctx.error('function', `Functions cannot be defined with the suffix _${suffix}; define '${name.replace(/_lup(df|mf)$/, '_lp$1')}' and call it as '${name}'.`, def.name.span);
    return;
  }
  if (!isError(ret) && !isReal(ret)) {
    ctx.error('function', `Functions ending in _${suffix} must return real; '${name}' returns ${typeToString(ret)}.`, def.returnType?.span ?? def.name.span);
  }
  const first = args[0];
  if (!first) {
    ctx.error('function', `Functions ending in _${suffix} need at least one argument (the outcome).`, def.name.span);
    return;
  }
  if (isError(first) || innermost(first).kind === 'tuple') return;
  if (suffix === 'lpdf' && (isIntBased(first) || !isPrim(innermost(first), 'real', 'vector', 'row_vector', 'matrix'))) {
    ctx.error('function', `The first argument of a _lpdf function must be real-valued (real, vector, row_vector, matrix, or an array of them); '${name}' takes ${typeToString(first)}. Use the suffix _lpmf for integer outcomes.`, def.args[0].span);
  }
  if (suffix === 'lpmf' && !isIntBased(first)) {
    ctx.error('function', `The first argument of a _lpmf function must be an int or an array of ints; '${name}' takes ${typeToString(first)}. Use the suffix _lpdf for real outcomes.`, def.args[0].span);
  }
}

// Second pass: bodies.
export function checkFunctionBodies(ctx: CheckContext, block: FunctionsBlock): void {
  for (const def of block.functions ?? []) {
    if (!def || !def.body || !def.name) continue;
    const ret = unsizedToStanType(def.returnType);
    ctx.fn = { name: def.name.name, ret };
    const savedScope = ctx.scope;
    ctx.pushScope();
    try {
      for (const a of def.args ?? []) {
        if (!a || !a.name) continue;
        const t = unsizedToStanType(a.type);
        const existing = ctx.scope.lookup(a.name.name);
        if (existing) {
          ctx.error('redeclaration', `Function '${def.name.name}' has two arguments named '${a.name.name}'.`, a.name.span);
          continue;
        }
        declareVariable(ctx, a.name, t, 'argument', a.dataOnly || isIntBased(t) ? 'data' : 'param', a.dataOnly);
      }
      ctx.pushScope();
      for (const s of def.body.statements ?? []) checkStmt(ctx, s);
      ctx.popScope();
      if (ret.kind !== 'void' && !isError(ret) && !alwaysReturns(def.body)) {
        ctx.error('function', `Function '${def.name.name}' may reach the end of its body without returning a value of type ${typeToString(ret)}.`, def.name.span);
      }
    } catch {
      // keep checking the other functions
    } finally {
      ctx.scope = savedScope;
      ctx.fn = null;
      ctx.loopDepth = 0;
    }
  }
}

// Does every path through this statement end in return, reject or fatal_error?
export function alwaysReturns(s: Stmt | null | undefined): boolean {
  if (!s) return false;
  switch (s.kind) {
    case 'Return':
    case 'Reject':
    case 'FatalError':
      return true;
    case 'Block':
      return (s.statements ?? []).some(alwaysReturns);
    case 'Profile':
      return alwaysReturns(s.body);
    case 'If':
      return alwaysReturns(s.then) && alwaysReturns(s.else);
    case 'While':
      // `while (1) { ... return ...; }` runs until it returns.
      if (mentions(s.body, 'Break')) return false;
      if (s.cond?.kind === 'IntLiteral' && s.cond.value !== 0 && mentions(s.body, 'Return')) return true;
      return alwaysReturns(s.body);
    case 'For':
    case 'ForEach':
      // As stanc3: a loop whose body always returns (and never breaks) counts as returning.
      return !mentions(s.body, 'Break') && alwaysReturns(s.body);
    default:
      return false;
  }
}

function mentions(s: Stmt, kind: string): boolean {
  return JSON.stringify(s, (k, v) => (k === 'span' ? undefined : v)).includes(`"kind":"${kind}"`);
}
