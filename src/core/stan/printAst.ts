// A deterministic S-expression rendering of the AST, for golden tests and `vigil check --print ast`.
// Statements are one per line, indented by nesting; expressions are inline. Declarations and function
// definitions carry `@line:col` of their name, the only positions shown.
import type { Bounds, DeclType, Expr, FunctionDef, Index, Program, ProgramBlock, Stmt, UnsizedType } from './ast';

export function printAst(program: Program): string {
  const out: string[] = ['(program'];
  if (program.functions) {
    out.push('  (functions');
    for (const f of program.functions.functions) printFunction(f, 2, out);
    closeLast(out);
  }
  const blocks: (ProgramBlock | null)[] = [
    program.data,
    program.transformedData,
    program.parameters,
    program.transformedParameters,
    program.model,
    program.generatedQuantities,
  ];
  for (const b of blocks) {
    if (!b) continue;
    out.push(`  (${b.name.replace(' ', '-')}`);
    for (const s of b.statements) printStmt(s, 2, out);
    closeLast(out);
  }
  closeLast(out);
  return out.join('\n') + '\n';
}

function closeLast(out: string[]): void {
  out[out.length - 1] += ')';
}

const pad = (depth: number): string => '  '.repeat(depth);

const at = (e: { span: { start: { line: number; col: number } } }): string => `@${e.span.start.line}:${e.span.start.col}`;

function printFunction(f: FunctionDef, depth: number, out: string[]): void {
  const args = f.args.map((a) => `(${a.dataOnly ? 'data ' : ''}${unsizedType(a.type)} ${a.name.name})`).join(' ');
  const head = `${pad(depth)}(fun ${at(f.name)} ${unsizedType(f.returnType)} ${f.name.name} (${args})`;
  if (!f.body) {
    out.push(`${head} forward)`);
    return;
  }
  out.push(head);
  printStmt(f.body, depth + 1, out);
  closeLast(out);
}

export function unsizedType(t: UnsizedType): string {
  const base = t.base === 'tuple' ? `(tuple ${(t.tupleElements ?? []).map(unsizedType).join(' ')})` : t.base;
  if (t.arrayDims === 0) return base;
  return `(${t.arraySyntax === 'old' ? 'old-array' : 'array'} ${t.arrayDims} ${base})`;
}

function bounds(b: Bounds): string {
  const parts: string[] = [];
  if (b.lower) parts.push(`(lower ${expr(b.lower)})`);
  if (b.upper) parts.push(`(upper ${expr(b.upper)})`);
  if (b.offset) parts.push(`(offset ${expr(b.offset)})`);
  if (b.multiplier) parts.push(`(multiplier ${expr(b.multiplier)})`);
  return parts.join(' ');
}

export function declType(t: DeclType): string {
  let base: string;
  if (t.base === 'tuple') {
    base = `(tuple ${(t.tupleElements ?? []).map(declType).join(' ')})`;
  } else if (t.sizes.length === 0 && !t.bounds) {
    base = t.base;
  } else {
    const parts: string[] = [t.base];
    if (t.sizes.length > 0) parts.push(`[${t.sizes.map(expr).join(' ')}]`);
    if (t.bounds) parts.push(bounds(t.bounds));
    base = `(${parts.join(' ')})`;
  }
  if (t.arrayDims.length === 0) return base;
  return `(${t.arraySyntax === 'old' ? 'old-array' : 'array'} [${t.arrayDims.map(expr).join(' ')}] ${base})`;
}

function printStmt(s: Stmt, depth: number, out: string[]): void {
  const p = pad(depth);
  switch (s.kind) {
    case 'VarDecl':
      out.push(`${p}(decl ${at(s.name)} ${s.name.name} ${declType(s.type)}${s.init ? ` = ${expr(s.init)}` : ''})`);
      return;
    case 'Assign':
      out.push(`${p}(assign ${s.op} ${expr(s.lhs)} ${expr(s.rhs)})`);
      return;
    case 'Tilde': {
      const args = s.args.map((a) => ' ' + expr(a)).join('');
      const t = s.truncation ? ` (T ${opt(s.truncation.lower)} ${opt(s.truncation.upper)})` : '';
      out.push(`${p}(~ ${expr(s.lhs)} ${s.distribution.name}${args}${t})`);
      return;
    }
    case 'TargetPlus':
      out.push(`${p}(target+= ${expr(s.expr)})`);
      return;
    case 'JacobianPlus':
      out.push(`${p}(jacobian+= ${expr(s.expr)})`);
      return;
    case 'For':
      out.push(`${p}(for ${s.variable.name} ${expr(s.lower)} ${expr(s.upper)}`);
      printStmt(s.body, depth + 1, out);
      closeLast(out);
      return;
    case 'ForEach':
      out.push(`${p}(foreach ${s.variable.name} ${expr(s.iterable)}`);
      printStmt(s.body, depth + 1, out);
      closeLast(out);
      return;
    case 'While':
      out.push(`${p}(while ${expr(s.cond)}`);
      printStmt(s.body, depth + 1, out);
      closeLast(out);
      return;
    case 'If':
      out.push(`${p}(if ${expr(s.cond)}`);
      printStmt(s.then, depth + 1, out);
      if (s.else) {
        out.push(`${p} else`);
        printStmt(s.else, depth + 1, out);
      }
      closeLast(out);
      return;
    case 'Break':
      out.push(`${p}(break)`);
      return;
    case 'Continue':
      out.push(`${p}(continue)`);
      return;
    case 'Return':
      out.push(`${p}(return${s.value ? ' ' + expr(s.value) : ''})`);
      return;
    case 'Print':
    case 'Reject':
    case 'FatalError': {
      const name = s.kind === 'Print' ? 'print' : s.kind === 'Reject' ? 'reject' : 'fatal_error';
      out.push(`${p}(${name} ${s.args.map(expr).join(' ')})`);
      return;
    }
    case 'Block':
      if (s.statements.length === 0) {
        out.push(`${p}(block)`);
        return;
      }
      out.push(`${p}(block`);
      for (const inner of s.statements) printStmt(inner, depth + 1, out);
      closeLast(out);
      return;
    case 'ExprStmt':
      out.push(`${p}(expr ${expr(s.expr)})`);
      return;
    case 'Empty':
      out.push(`${p}(empty)`);
      return;
    case 'Profile':
      out.push(`${p}(profile ${s.name.text}`);
      printStmt(s.body, depth + 1, out);
      closeLast(out);
      return;
  }
}

const opt = (e: Expr | null): string => (e ? expr(e) : '_');

function index(i: Index): string {
  switch (i.kind) {
    case 'IndexSingle':
      return expr(i.expr);
    case 'IndexRange':
      return `(: ${opt(i.lower)} ${opt(i.upper)})`;
    case 'IndexAll':
      return ':';
  }
}

export function expr(e: Expr): string {
  switch (e.kind) {
    case 'IntLiteral':
    case 'RealLiteral':
    case 'ImagLiteral':
    case 'StringLiteral':
      return e.text;
    case 'Identifier':
      return e.name;
    case 'Call': {
      const args = e.args.map(expr);
      if (e.conditional) args.splice(1, 0, '|');
      return `(call ${e.callee.name}${args.map((a) => ' ' + a).join('')})`;
    }
    case 'Binary':
      return `(${e.op} ${expr(e.left)} ${expr(e.right)})`;
    case 'Unary':
      return `(${e.op} ${expr(e.operand)})`;
    case 'Transpose':
      return `(' ${expr(e.operand)})`;
    case 'Ternary':
      return `(?: ${expr(e.cond)} ${expr(e.then)} ${expr(e.else)})`;
    case 'Indexed':
      return `(index ${expr(e.target)} ${e.indexes.map(index).join(' ')})`;
    case 'ArrayExpr':
      return `(array-expr ${e.elements.map(expr).join(' ')})`;
    case 'RowVectorExpr':
      return e.elements.length === 0 ? '(row-vector)' : `(row-vector ${e.elements.map(expr).join(' ')})`;
    case 'Paren':
      return `(paren ${expr(e.expr)})`;
    case 'TupleExpr':
      return `(tuple-expr ${e.elements.map(expr).join(' ')})`;
    case 'TupleProjection':
      return `(. ${expr(e.target)} ${e.index})`;
  }
}
