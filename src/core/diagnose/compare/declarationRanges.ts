import type { BlockName, Expr, Program, ProgramBlock, SizedBaseType } from '../../stan/ast';
import type { Span } from '../../stan/span';

/** What the comparison needs to know about one output variable's declaration. */
export interface DeclarationInfo {
  name: string;
  block: BlockName;
  /** The declaration as written (type through name or initial value, without the ';'). */
  range: Span;
  base: SizedBaseType;
  /** A scalar real (no sizes, not an array). */
  scalar: boolean;
  /** Declared with a lower bound that is a literal ≥ 0 (a scale such as `real<lower=0> tau`). */
  positive: boolean;
}

/**
 * The top-level declarations of the blocks whose values are output draws (parameters, transformed
 * parameters, generated quantities), by variable name. Locals inside nested statements are not outputs.
 */
export function declarationRanges(program: Program): Map<string, DeclarationInfo> {
  const out = new Map<string, DeclarationInfo>();
  const blocks: (ProgramBlock | null)[] = [program.parameters, program.transformedParameters, program.generatedQuantities];
  for (const block of blocks) {
    if (!block) continue;
    for (const stmt of block.statements) {
      if (stmt.kind !== 'VarDecl') continue;
      const t = stmt.type;
      out.set(stmt.name.name, {
        name: stmt.name.name,
        block: block.name,
        range: stmt.span,
        base: t.base,
        scalar: t.base === 'real' && t.sizes.length === 0 && t.arrayDims.length === 0,
        positive: t.bounds !== null && isNonNegativeLiteral(t.bounds.lower),
      });
    }
  }
  return out;
}

function isNonNegativeLiteral(e: Expr | null): boolean {
  if (!e) return false;
  if (e.kind === 'Paren') return isNonNegativeLiteral(e.expr);
  return (e.kind === 'IntLiteral' || e.kind === 'RealLiteral') && e.value >= 0;
}

/**
 * The Stan variable a flattened name belongs to: 'theta[3]' → 'theta', 'Sigma[2,1]' → 'Sigma'.
 * CmdStan's dotted names ('theta.3') and tuple components ('x.1') map the same way (Stan identifiers
 * cannot contain '.' or '[').
 */
export function stanVariableOf(flatName: string): string {
  const m = /^[^[.]*/.exec(flatName);
  return m && m[0].length > 0 ? m[0] : flatName;
}
