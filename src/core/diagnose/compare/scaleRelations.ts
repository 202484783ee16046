import type { Expr, Program, Stmt } from '../../stan/ast';
import type { DeclarationInfo } from './declarationRanges';

/** `group ~ dist(location, scale)` with a positive scalar parameter in the scale: a centered hierarchy. */
export interface ScaleRelation {
  group: string;
  scale: string;
  distribution: string;
  /** The location as written ('mu', 'X * beta'), or null when it cannot be quoted. */
  location: string | null;
  /** The location when it is a bare variable name (so its draws can be used), else null. */
  locationVariable: string | null;
  /** The scale argument as written ('tau', 'sigma * tau'). */
  scaleText: string;
  /** Further arguments before the location (student_t's nu), as written. */
  leading: string[];
}

// Location-scale families that can be non-centered as group = loc + scale * raw, raw ~ family(0, 1):
// the argument positions of location and scale.
const FAMILIES: Record<string, { loc: number; scale: number }> = {
  normal: { loc: 0, scale: 1 },
  cauchy: { loc: 0, scale: 1 },
  double_exponential: { loc: 0, scale: 1 },
  logistic: { loc: 0, scale: 1 },
  student_t: { loc: 1, scale: 2 },
};

/**
 * Every statement of the model block of the form `theta ~ normal(mu, tau)` (or `theta[j] ~ ...`, or
 * `target += normal_lpdf(theta | mu, tau)`) where theta is a parameters-block variable and the scale
 * mentions a positive scalar parameter (tau). Source text, when given, lets messages quote expressions.
 */
export function scaleRelations(program: Program, decls: ReadonlyMap<string, DeclarationInfo>, source?: string): ScaleRelation[] {
  const out: ScaleRelation[] = [];
  const seen = new Set<string>();
  const isParam = (n: string) => decls.get(n)?.block === 'parameters';
  const consider = (lhs: Expr, dist: string, args: Expr[]) => {
    const fam = FAMILIES[dist];
    const group = baseName(lhs);
    if (!fam || !group || !isParam(group) || args.length <= fam.scale) return;
    for (const scale of identifiersIn(args[fam.scale])) {
      const d = decls.get(scale);
      if (!d || d.block !== 'parameters' || !d.scalar || !d.positive || scale === group) continue;
      const key = `${group}|${scale}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const locExpr = args[fam.loc];
      out.push({
        group, scale, distribution: dist,
        location: text(locExpr, source),
        locationVariable: locExpr.kind === 'Identifier' ? locExpr.name : null,
        scaleText: text(args[fam.scale], source) ?? scale,
        leading: args.slice(0, fam.loc).map((a) => text(a, source) ?? '…'),
      });
    }
  };
  const visit = (s: Stmt): void => {
    switch (s.kind) {
      case 'Tilde':
        consider(s.lhs, s.distribution.name, s.args);
        return;
      case 'TargetPlus': {
        const e = s.expr;
        const m = e.kind === 'Call' && e.conditional ? /^(.*)_lu?pdf$/.exec(e.callee.name) : null;
        if (m && e.kind === 'Call' && e.args.length > 0) consider(e.args[0], m[1], e.args.slice(1));
        return;
      }
      case 'For':
      case 'ForEach':
      case 'While':
        visit(s.body);
        return;
      case 'If':
        visit(s.then);
        if (s.else) visit(s.else);
        return;
      case 'Block':
        s.statements.forEach(visit);
        return;
      case 'Profile':
        visit(s.body);
        return;
      default:
        return;
    }
  };
  program.model?.statements.forEach(visit);
  return out;
}

// theta, theta[j], theta[j, k] → 'theta'
function baseName(e: Expr): string | null {
  if (e.kind === 'Identifier') return e.name;
  if (e.kind === 'Indexed') return baseName(e.target);
  if (e.kind === 'Paren') return baseName(e.expr);
  return null;
}

function identifiersIn(e: Expr): string[] {
  const out: string[] = [];
  const walk = (x: Expr): void => {
    switch (x.kind) {
      case 'Identifier': out.push(x.name); return;
      case 'Call': x.args.forEach(walk); return;
      case 'Binary': walk(x.left); walk(x.right); return;
      case 'Unary': case 'Transpose': walk(x.operand); return;
      case 'Paren': walk(x.expr); return;
      case 'Ternary': walk(x.cond); walk(x.then); walk(x.else); return;
      case 'Indexed': walk(x.target); return; // the scale is the indexed variable, not its index
      default: return;
    }
  };
  walk(e);
  return out;
}

// The expression as written, or a name for the simple cases when there is no source.
function text(e: Expr, source?: string): string | null {
  if (source !== undefined) {
    const s = source.slice(e.span.start.offset, e.span.end.offset).replace(/\s+/g, ' ').trim();
    if (s.length > 0) return s;
  }
  if (e.kind === 'Identifier') return e.name;
  if (e.kind === 'IntLiteral' || e.kind === 'RealLiteral') return e.text;
  return null;
}
