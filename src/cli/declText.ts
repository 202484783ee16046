// Stan source text for declared types and the expressions inside them, in the current syntax:
// `array[J] real<lower=0>` (the removed `real y[J]` is shown the new way).
import type { Bounds, DeclType, Expr, Index } from '../core/stan/ast';

function indexText(i: Index): string {
  switch (i.kind) {
    case 'IndexSingle':
      return exprText(i.expr);
    case 'IndexRange':
      return `${i.lower ? exprText(i.lower) : ''}:${i.upper ? exprText(i.upper) : ''}`;
    case 'IndexAll':
      return ':';
  }
}

const list = (es: readonly Expr[]): string => es.map(exprText).join(', ');

export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'IntLiteral':
    case 'RealLiteral':
    case 'ImagLiteral':
    case 'StringLiteral':
      return e.text;
    case 'Identifier':
      return e.name;
    case 'Call':
      return e.conditional && e.args.length > 0
        ? `${e.callee.name}(${exprText(e.args[0])} | ${list(e.args.slice(1))})`
        : `${e.callee.name}(${list(e.args)})`;
    case 'Binary':
      return `${exprText(e.left)} ${e.op} ${exprText(e.right)}`;
    case 'Unary':
      return `${e.op}${exprText(e.operand)}`;
    case 'Transpose':
      return `${exprText(e.operand)}'`;
    case 'Ternary':
      return `${exprText(e.cond)} ? ${exprText(e.then)} : ${exprText(e.else)}`;
    case 'Indexed':
      return `${exprText(e.target)}[${e.indexes.map(indexText).join(', ')}]`;
    case 'ArrayExpr':
      return `{${list(e.elements)}}`;
    case 'RowVectorExpr':
      return `[${list(e.elements)}]`;
    case 'Paren':
      return `(${exprText(e.expr)})`;
    case 'TupleExpr':
      return `(${list(e.elements)})`;
    case 'TupleProjection':
      return `${exprText(e.target)}.${e.index}`;
  }
}

function boundsText(b: Bounds | null): string {
  if (b === null) return '';
  const parts: string[] = [];
  if (b.lower) parts.push(`lower=${exprText(b.lower)}`);
  if (b.upper) parts.push(`upper=${exprText(b.upper)}`);
  if (b.offset) parts.push(`offset=${exprText(b.offset)}`);
  if (b.multiplier) parts.push(`multiplier=${exprText(b.multiplier)}`);
  return parts.length > 0 ? `<${parts.join(', ')}>` : '';
}

export function declTypeText(t: DeclType): string {
  const base =
    t.base === 'tuple'
      ? `tuple(${(t.tupleElements ?? []).map(declTypeText).join(', ')})`
      : `${t.base}${boundsText(t.bounds)}${t.sizes.length > 0 ? `[${list(t.sizes)}]` : ''}`;
  return t.arrayDims.length > 0 ? `array[${list(t.arrayDims)}] ${base}` : base;
}
