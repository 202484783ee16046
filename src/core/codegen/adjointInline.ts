// Fusion for the adjoint (tape-free) gradient: a transformed-parameter vector defined elementwise
// (`vector[J] theta = mu + tau * theta_tilde;`) that is read only elementwise later (inside densities'
// vector arguments, or other elementwise definitions) is substituted into its uses, so one density loop
// computes it, its density and all partials: no loop that fills it, no adjoint buffer to zero, no
// reverse loop over it. The same test decides whether a vector parameter can be read in place from theta.
import type { IRExpr, IRStmt } from '../ir/ir';
import { canInlineDist, isElementwiseOp, isVec } from './emitLoops';

function kids(e: IRExpr): IRExpr[] {
  switch (e.k) {
    case 'Bin':
      return [e.a, e.b];
    case 'Un':
      return [e.a];
    case 'Cond':
      return [e.c, e.a, e.b];
    case 'Call':
    case 'Dist':
      return e.args;
    case 'Arr':
    case 'RowVec':
      return e.elems;
    case 'Idx': {
      const out = [e.target];
      for (const i of e.idx) {
        if (i.k === 'One' || i.k === 'Multi') out.push(i.e);
        else if (i.k === 'Range') {
          if (i.lo) out.push(i.lo);
          if (i.hi) out.push(i.hi);
        }
      }
      return out;
    }
    default:
      return [];
  }
}

// Is every read of `name` in e at an elementwise position (element i of it is all that is needed)?
function elemOnlyExpr(e: IRExpr, name: string, inElem: boolean): boolean {
  if (e.k === 'Var') return e.name !== name || inElem;
  if (isElementwiseOp(e)) return kids(e).every((x) => elemOnlyExpr(x, name, isVec(x.t)));
  if (e.k === 'Dist' && canInlineDist(e)) return e.args.every((x) => elemOnlyExpr(x, name, isVec(x.t)));
  return kids(e).every((x) => elemOnlyExpr(x, name, false));
}

function stmtExprs(s: IRStmt): IRExpr[] | null {
  if (s.k === 'Decl') return s.init ? [s.init] : [];
  if (s.k === 'Tilde') return [s.dist];
  if (s.k === 'Target') return [s.e];
  return null; // anything else: not analysed
}

// Is `name` read only elementwise in these statements (and Decl inits read it only elementwise too)?
export function elementwiseOnly(stmts: IRStmt[], name: string): boolean {
  for (const s of stmts) {
    const es = stmtExprs(s);
    if (!es) return false;
    if (s.k === 'Decl' && s.init && !isElementwiseOp(s.init) && !elemOnlyExpr(s.init, name, false)) return false;
    if (!es.every((e) => elemOnlyExpr(e, name, false))) return false;
  }
  return true;
}

function subst(e: IRExpr, name: string, by: IRExpr): IRExpr {
  switch (e.k) {
    case 'Var':
      return e.name === name ? by : e;
    case 'Bin':
      return { ...e, a: subst(e.a, name, by), b: subst(e.b, name, by) };
    case 'Un':
      return { ...e, a: subst(e.a, name, by) };
    case 'Call':
    case 'Dist':
      return { ...e, args: e.args.map((x) => subst(x, name, by)) } as IRExpr;
    default:
      return e; // elementwiseOnly excluded any other position
  }
}

function substStmt(s: IRStmt, name: string, by: IRExpr): IRStmt {
  if (s.k === 'Decl') return s.init ? { ...s, init: subst(s.init, name, by) } : s;
  if (s.k === 'Tilde') return { ...s, dist: subst(s.dist, name, by) as IRExpr & { k: 'Dist' } };
  if (s.k === 'Target') return { ...s, e: subst(s.e, name, by) };
  return s;
}

// Transformed parameters and model statements with the fusable vector transformed parameters
// substituted away (their names are returned in `inlined`).
// The vector variables read elementwise at the top of an elementwise expression (null if some leaf is
// not a variable): their lengths must equal the declared size of an inlined transformed parameter.
export function elementwiseLeafVars(e: IRExpr): string[] | null {
  if (e.k === 'Var') return isVec(e.t) ? [e.name] : [];
  if (!isVec(e.t)) return [];
  if (!isElementwiseOp(e)) return null;
  const out: string[] = [];
  for (const x of kids(e)) {
    const v = elementwiseLeafVars(x);
    if (v === null) return null;
    out.push(...v);
  }
  return out;
}

export function inlineElementwiseTps(tps: IRStmt[], model: IRStmt[]): { tps: IRStmt[]; model: IRStmt[]; inlined: Set<string>; sizes: { name: string; vars: string[] }[] } {
  let all = [...tps, ...model];
  const sizes: { name: string; vars: string[] }[] = [];
  let nTp = tps.length;
  const inlined = new Set<string>();
  for (let k = 0; k < nTp; k++) {
    const s = all[k];
    if (s.k !== 'Decl' || !s.init || s.decl.transform.kind !== 'none' || s.decl.t.dims !== 0) continue;
    if (s.decl.t.base !== 'vector' && s.decl.t.base !== 'row_vector') continue;
    if (!isElementwiseOp(s.init) || elementwiseLeafVars(s.init) === null) continue;
    const rest = all.slice(k + 1);
    if (!elementwiseOnly(rest, s.decl.name)) continue;
    const init = s.init, name = s.decl.name;
    all = [...all.slice(0, k), ...rest.map((x) => substStmt(x, name, init))];
    inlined.add(name);
    sizes.push({ name, vars: elementwiseLeafVars(init)! });
    nTp--;
    k--;
  }
  return { tps: all.slice(0, nTp), model: all.slice(nTp), inlined, sizes };
}
