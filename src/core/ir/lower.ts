// Lowering: the checked AST (with the checker's expression types) -> IR. Anything the code generator
// cannot yet compile is reported here as an error diagnostic at its source range, so compiling never
// throws on a checked program.
import type * as A from '../stan/ast';
import type { CheckResult } from '../stan/checkContext';
import type { StanDiagnostic } from '../stan/diagnostic';
import type { Span } from '../stan/span';
import type { StanType } from '../stan/types';
import type { IRBase, IRDecl, IRExpr, IRFunction, IRIndex, IRPrintArg, IRProgram, IRStmt, IRTransform, IRType } from './ir';
import { T_INT, T_REAL } from './ir';

class Unsupported extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export interface LowerResult {
  ir: IRProgram | null;
  diagnostics: StanDiagnostic[];
}

export function irTypeOf(t: StanType | undefined, span: Span): IRType {
  if (!t) throw new Unsupported('internal: expression has no type', span);
  if (t.kind === 'void') return { base: 'int', dims: 0 }; // a void call used as a statement: no value
  if (t.kind === 'error') throw new Unsupported('Internal error: the checker did not determine the type of this expression.', span);
  if (t.kind === 'array') {
    const inner = irTypeOf(t.elem, span);
    return { base: inner.base, dims: t.dims + inner.dims };
  }
  if (t.kind === 'prim' && ['int', 'real', 'vector', 'row_vector', 'matrix'].includes(t.name)) return { base: t.name as IRBase, dims: 0 };
  throw new Unsupported(`Compiling values of type ${t.kind === 'prim' ? t.name : t.kind} is not yet supported.`, span);
}

const DECL_BASE: Partial<Record<A.SizedBaseType, IRBase>> = {
  int: 'int',
  real: 'real',
  vector: 'vector',
  row_vector: 'row_vector',
  matrix: 'matrix',
  simplex: 'vector',
  unit_vector: 'vector',
  sum_to_zero_vector: 'vector',
  ordered: 'vector',
  positive_ordered: 'vector',
  cholesky_factor_corr: 'matrix',
  cholesky_factor_cov: 'matrix',
  corr_matrix: 'matrix',
  cov_matrix: 'matrix',
};

class Lowerer {
  constructor(private readonly check: CheckResult) {}

  type(e: A.Expr): IRType {
    return irTypeOf(this.check.exprTypes.get(e)?.type, e.span);
  }

  expr(e: A.Expr): IRExpr {
    const t = () => this.type(e);
    switch (e.kind) {
      case 'IntLiteral':
      case 'RealLiteral':
        if (!Number.isFinite(e.value) && !(e.kind === 'RealLiteral' && e.value === Infinity)) {
          throw new Unsupported(`The number '${e.text}' is not a valid literal.`, e.span);
        }
        return { k: 'Lit', v: e.value, t: e.kind === 'IntLiteral' ? T_INT : T_REAL };
      case 'Identifier':
        return { k: 'Var', name: e.name, t: t() };
      case 'Paren':
        return this.expr(e.expr);
      case 'Call':
        return this.call(e, t());
      case 'Binary':
        return { k: 'Bin', op: e.op, a: this.expr(e.left), b: this.expr(e.right), t: t() };
      case 'Unary':
        return { k: 'Un', op: e.op, a: this.expr(e.operand), t: t() };
      case 'Transpose':
        return { k: 'Un', op: "'", a: this.expr(e.operand), t: t() };
      case 'Ternary':
        return { k: 'Cond', c: this.expr(e.cond), a: this.expr(e.then), b: this.expr(e.else), t: t() };
      case 'Indexed':
        return { k: 'Idx', target: this.expr(e.target), idx: e.indexes.map((i) => this.index(i)), t: t() };
      case 'ArrayExpr':
        return { k: 'Arr', elems: e.elements.map((x) => this.expr(x)), t: t() };
      case 'RowVectorExpr':
        return { k: 'RowVec', elems: e.elements.map((x) => this.expr(x)), t: t() };
      default:
        throw new Unsupported(`Compiling ${e.kind} expressions is not yet supported.`, e.span);
    }
  }

  private call(e: A.CallExpr, t: IRType): IRExpr {
    const name = e.callee.name;
    const target = this.check.calls.get(e);
    if (target?.kind === 'higherOrder' && (name === 'reduce_sum' || name === 'reduce_sum_static') && e.args[0]?.kind === 'Identifier') {
      // reduce_sum(f, x, grainsize, ...) is the partial sum over the whole slice: f(x, 1, size(x), ...).
      const x = this.expr(e.args[1]);
      const size: IRExpr = { k: 'Call', fn: 'size', args: [x], user: false, t: T_INT };
      return this.libCall(e.args[0].name, [x, { k: 'Lit', v: 1, t: T_INT }, size, ...e.args.slice(3).map((a) => this.expr(a))], t, true, e.span);
    }
    if (target?.kind === 'higherOrder') throw new Unsupported(`Compiling '${name}' is not yet supported.`, e.span);
    const user = target?.kind === 'user';
    const args = e.args.map((a) => this.expr(a));
    return this.libCall(name, args, t, user, e.span);
  }

  private libCall(name: string, args: IRExpr[], t: IRType, user: boolean, span: Span): IRExpr {
    const m = /^(.*)_(lpdf|lupdf|lpmf|lupmf|lcdf|lccdf)$/.exec(name);
    if (m) {
      const suffix = m[2] === 'lupdf' ? 'lpdf' : m[2] === 'lupmf' ? 'lpmf' : (m[2] as 'lpdf' | 'lpmf' | 'lcdf' | 'lccdf');
      const propto = m[2] === 'lupdf' || m[2] === 'lupmf';
      return { k: 'Dist', family: m[1], suffix, propto, args, user, t, span };
    }
    return { k: 'Call', fn: name, args, user, t, span };
  }

  private index(i: A.Index): IRIndex {
    if (i.kind === 'IndexAll') return { k: 'All' };
    if (i.kind === 'IndexRange') return { k: 'Range', lo: i.lower ? this.expr(i.lower) : null, hi: i.upper ? this.expr(i.upper) : null };
    const e = this.expr(i.expr);
    return e.t.dims === 0 && e.t.base === 'int' ? { k: 'One', e } : { k: 'Multi', e };
  }

  decl(d: A.VarDecl): IRDecl {
    const ty = d.type;
    const base = DECL_BASE[ty.base];
    if (!base) throw new Unsupported(`Compiling declarations of type ${ty.base} is not yet supported.`, ty.span);
    const sizes = ty.sizes.map((s) => this.expr(s));
    let baseSizes = sizes;
    if (['cholesky_factor_corr', 'corr_matrix', 'cov_matrix'].includes(ty.base)) baseSizes = [sizes[0], sizes[0]];
    if (ty.base === 'cholesky_factor_cov') baseSizes = sizes.length === 1 ? [sizes[0], sizes[0]] : sizes;
    let transform: IRTransform = { kind: 'none' };
    const b = ty.bounds;
    if (b && (b.lower || b.upper)) {
      transform = { kind: 'lub', lower: b.lower ? this.expr(b.lower) : null, upper: b.upper ? this.expr(b.upper) : null };
    } else if (b && (b.offset || b.multiplier)) {
      transform = { kind: 'offmul', offset: b.offset ? this.expr(b.offset) : null, multiplier: b.multiplier ? this.expr(b.multiplier) : null };
    } else if (!['int', 'real', 'vector', 'row_vector', 'matrix'].includes(ty.base)) {
      transform = { kind: ty.base } as IRTransform;
    }
    return {
      name: d.name.name,
      t: { base, dims: ty.arrayDims.length },
      arraySizes: ty.arrayDims.map((s) => this.expr(s)),
      baseSizes,
      transform,
      span: d.span,
    };
  }

  stmt(s: A.Stmt): IRStmt {
    switch (s.kind) {
      case 'VarDecl':
        return { k: 'Decl', decl: this.decl(s), init: s.init ? this.expr(s.init) : null };
      case 'Assign':
        return this.assign(s);
      case 'Tilde': {
        const target = this.check.calls.get(s);
        const user = target?.kind === 'user';
        const isPmf = target ? /_lu?pmf$/.test(target.name) : false;
        const args = [this.expr(s.lhs), ...s.args.map((a) => this.expr(a))];
        const dist = { k: 'Dist' as const, family: s.distribution.name, suffix: isPmf ? ('lpmf' as const) : ('lpdf' as const), propto: true, args, user, t: T_REAL, span: s.span };
        const trunc = s.truncation
          ? { lo: s.truncation.lower ? this.expr(s.truncation.lower) : null, hi: s.truncation.upper ? this.expr(s.truncation.upper) : null }
          : null;
        return { k: 'Tilde', dist, trunc, span: s.span };
      }
      case 'TargetPlus':
        return { k: 'Target', e: this.expr(s.expr), span: s.span };
      case 'For':
        return { k: 'For', v: s.variable.name, lo: this.expr(s.lower), hi: this.expr(s.upper), body: this.stmt(s.body) };
      case 'ForEach':
        return { k: 'ForEach', v: s.variable.name, over: this.expr(s.iterable), body: this.stmt(s.body) };
      case 'While':
        return { k: 'While', c: this.expr(s.cond), body: this.stmt(s.body) };
      case 'If':
        return { k: 'If', c: this.expr(s.cond), then: this.stmt(s.then), else: s.else ? this.stmt(s.else) : null };
      case 'Break':
        return { k: 'Break' };
      case 'Continue':
        return { k: 'Continue' };
      case 'Return':
        return { k: 'Return', e: s.value ? this.expr(s.value) : null };
      case 'Print':
      case 'Reject':
      case 'FatalError': {
        const args: IRPrintArg[] = s.args.map((a) => (a.kind === 'StringLiteral' ? { k: 'Str', s: a.value } : this.expr(a)));
        const k = s.kind === 'FatalError' ? 'Fatal' : s.kind;
        return { k, args, span: s.span };
      }
      case 'Block':
        return { k: 'Block', body: s.statements.map((x) => this.stmt(x)) };
      case 'Profile':
        return { k: 'Block', body: s.body.statements.map((x) => this.stmt(x)) };
      case 'ExprStmt':
        return { k: 'Expr', e: this.expr(s.expr) };
      case 'Empty':
        return { k: 'Block', body: [] };
      default:
        throw new Unsupported(`Compiling ${(s as A.Stmt).kind} statements is not yet supported.`, (s as A.Stmt).span);
    }
  }

  private assign(s: A.AssignStmt): IRStmt {
    // Peel the index chain down to the variable: x[i][j, k] -> name x, idx [[i], [j, k]].
    const idx: IRIndex[][] = [];
    let lhs: A.Expr = s.lhs;
    while (lhs.kind === 'Indexed' || lhs.kind === 'Paren') {
      if (lhs.kind === 'Paren') {
        lhs = lhs.expr;
        continue;
      }
      idx.unshift(lhs.indexes.map((i) => this.index(i)));
      lhs = lhs.target;
    }
    if (lhs.kind !== 'Identifier') throw new Unsupported('Compiling assignments to tuple elements is not yet supported.', s.lhs.span);
    // Slices and multi-indexes are assigned in place; only the last bracket may hold them (x[i][2:3]).
    for (const group of idx.slice(0, -1)) {
      for (const i of group) if (i.k !== 'One') throw new Unsupported('Compiling assignments through a slice followed by more indexes is not yet supported.', s.lhs.span);
    }
    return { k: 'Assign', name: lhs.name, idx, op: s.op, rhs: this.expr(s.rhs), lhsType: this.type(s.lhs), span: s.span };
  }

  fn(f: A.FunctionDef): IRFunction | null {
    if (!f.body) return null;
    const unsized = (u: A.UnsizedType): IRType => {
      if (u.base === 'int' || u.base === 'real' || u.base === 'vector' || u.base === 'row_vector' || u.base === 'matrix') return { base: u.base, dims: u.arrayDims };
      throw new Unsupported(`Compiling functions over ${u.base} is not yet supported.`, u.span);
    };
    return {
      name: f.name.name,
      args: f.args.map((a) => ({ name: a.name.name, t: unsized(a.type), dataOnly: a.dataOnly })),
      ret: f.returnType.base === 'void' ? null : unsized(f.returnType),
      body: this.stmt(f.body),
    };
  }
}

function guard<T>(diags: StanDiagnostic[], f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof Unsupported) diags.push({ severity: 'error', code: 'compile', message: e.message, span: e.span });
    else throw e;
    return null;
  }
}

// Lower a program that checked without errors.
export function lowerProgram(program: A.Program, check: CheckResult): LowerResult {
  const diags: StanDiagnostic[] = [];
  const L = new Lowerer(check);
  const stmts = (b: A.ProgramBlock | null): IRStmt[] =>
    (b?.statements ?? []).map((s) => guard(diags, () => L.stmt(s))).filter((x): x is IRStmt => x !== null);
  const decls = (b: A.ProgramBlock | null): IRDecl[] =>
    (b?.statements ?? []).filter((s): s is A.VarDecl => s.kind === 'VarDecl').map((s) => guard(diags, () => L.decl(s))).filter((x): x is IRDecl => x !== null);
  const functions = (program.functions?.functions ?? []).map((f) => guard(diags, () => L.fn(f))).filter((x): x is IRFunction => x !== null);
  const declsOf = (ss: IRStmt[]): IRDecl[] => ss.flatMap((s) => (s.k === 'Decl' ? [s.decl] : []));
  const transformedData = stmts(program.transformedData);
  const transformedParameters = stmts(program.transformedParameters);
  const generatedQuantities = stmts(program.generatedQuantities);
  const ir: IRProgram = {
    functions,
    data: decls(program.data),
    transformedData,
    parameters: decls(program.parameters),
    transformedParameters,
    model: stmts(program.model),
    generatedQuantities,
    tdataDecls: declsOf(transformedData),
    tparamDecls: declsOf(transformedParameters),
    gqDecls: declsOf(generatedQuantities),
  };
  return { ir: diags.length ? null : ir, diagnostics: diags };
}
