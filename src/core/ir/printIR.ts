// The IR as text (for `vigil check --print ir` and golden tests): one statement per line, expressions
// in Stan-like syntax with resolved calls marked (`dist normal_lpdf~` drops constants, `user f(...)`).
import type { IRDecl, IRExpr, IRIndex, IRPrintArg, IRProgram, IRStmt } from './ir';
import { typeText } from './ir';

function idx(i: IRIndex): string {
  switch (i.k) {
    case 'One':
      return expr(i.e);
    case 'Multi':
      return `multi ${expr(i.e)}`;
    case 'Range':
      return `${i.lo ? expr(i.lo) : ''}:${i.hi ? expr(i.hi) : ''}`;
    case 'All':
      return ':';
  }
}

export function expr(e: IRExpr): string {
  switch (e.k) {
    case 'Lit':
      return e.t.base === 'int' ? String(e.v) : Number.isInteger(e.v) ? `${e.v}.0` : String(e.v);
    case 'Var':
      return e.name;
    case 'Call':
      return `${e.user ? 'user ' : ''}${e.fn}(${e.args.map(expr).join(', ')})`;
    case 'Dist': {
      const [first, ...rest] = e.args;
      return `${e.user ? 'user ' : ''}${e.family}_${e.suffix}${e.propto ? '~' : ''}(${first ? expr(first) : ''}${rest.length ? ' | ' + rest.map(expr).join(', ') : ''})`;
    }
    case 'Bin':
      return `(${expr(e.a)} ${e.op} ${expr(e.b)})`;
    case 'Un':
      return e.op === "'" ? `${expr(e.a)}'` : `(${e.op}${expr(e.a)})`;
    case 'Idx':
      return `${expr(e.target)}[${e.idx.map(idx).join(', ')}]`;
    case 'Cond':
      return `(${expr(e.c)} ? ${expr(e.a)} : ${expr(e.b)})`;
    case 'Arr':
      return `{${e.elems.map(expr).join(', ')}}`;
    case 'RowVec':
      return `[${e.elems.map(expr).join(', ')}]`;
  }
}

function decl(d: IRDecl): string {
  const sizes = [...d.arraySizes.map((s) => `array ${expr(s)}`), ...d.baseSizes.map(expr)].join(', ');
  const tr = d.transform;
  let c = '';
  if (tr.kind === 'lub') c = ` <lower=${tr.lower ? expr(tr.lower) : '-inf'}, upper=${tr.upper ? expr(tr.upper) : 'inf'}>`;
  else if (tr.kind === 'offmul') c = ` <offset=${tr.offset ? expr(tr.offset) : '0'}, multiplier=${tr.multiplier ? expr(tr.multiplier) : '1'}>`;
  else if (tr.kind !== 'none') c = ` <${tr.kind}>`;
  return `${typeText(d.t)}${c} ${d.name}${sizes ? ` [${sizes}]` : ''}`;
}

function printArg(a: IRPrintArg): string {
  return a.k === 'Str' ? JSON.stringify(a.s) : expr(a);
}

function stmt(s: IRStmt, ind: string, out: string[]): void {
  const line = (t: string): void => {
    out.push(ind + t);
  };
  switch (s.k) {
    case 'Decl':
      return line(`decl ${decl(s.decl)}${s.init ? ` = ${expr(s.init)}` : ''}`);
    case 'Assign':
      return line(`${s.name}${s.idx.map((g) => `[${g.map(idx).join(', ')}]`).join('')} ${s.op} ${expr(s.rhs)}`);
    case 'Target':
      return line(`target += ${expr(s.e)}`);
    case 'Tilde':
      return line(`target += ${expr(s.dist)}${s.trunc ? ` T[${s.trunc.lo ? expr(s.trunc.lo) : ''}, ${s.trunc.hi ? expr(s.trunc.hi) : ''}]` : ''}`);
    case 'For':
      line(`for ${s.v} in ${expr(s.lo)}:${expr(s.hi)}`);
      return stmt(s.body, ind + '  ', out);
    case 'ForEach':
      line(`for ${s.v} in ${expr(s.over)}`);
      return stmt(s.body, ind + '  ', out);
    case 'While':
      line(`while ${expr(s.c)}`);
      return stmt(s.body, ind + '  ', out);
    case 'If':
      line(`if ${expr(s.c)}`);
      stmt(s.then, ind + '  ', out);
      if (s.else) {
        line('else');
        stmt(s.else, ind + '  ', out);
      }
      return;
    case 'Break':
      return line('break');
    case 'Continue':
      return line('continue');
    case 'Return':
      return line(`return${s.e ? ' ' + expr(s.e) : ''}`);
    case 'Print':
    case 'Reject':
    case 'Fatal':
      return line(`${s.k.toLowerCase()}(${s.args.map(printArg).join(', ')})`);
    case 'Block':
      line('{');
      for (const x of s.body) stmt(x, ind + '  ', out);
      return line('}');
    case 'Expr':
      return line(expr(s.e));
  }
}

export function printIR(ir: IRProgram): string {
  const out: string[] = [];
  for (const f of ir.functions) {
    out.push(`function ${f.name}(${f.args.map((a) => `${a.dataOnly ? 'data ' : ''}${typeText(a.t)} ${a.name}`).join(', ')}) -> ${f.ret ? typeText(f.ret) : 'void'}`);
    stmt(f.body, '  ', out);
  }
  const section = (name: string, body: () => void) => {
    out.push(`${name}:`);
    body();
  };
  section('data', () => ir.data.forEach((d) => out.push(`  ${decl(d)}`)));
  section('transformed data', () => ir.transformedData.forEach((s) => stmt(s, '  ', out)));
  section('parameters', () => ir.parameters.forEach((d) => out.push(`  ${decl(d)}`)));
  section('transformed parameters', () => ir.transformedParameters.forEach((s) => stmt(s, '  ', out)));
  section('model', () => ir.model.forEach((s) => stmt(s, '  ', out)));
  section('generated quantities', () => ir.generatedQuantities.forEach((s) => stmt(s, '  ', out)));
  return out.join('\n') + '\n';
}
