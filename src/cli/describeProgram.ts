// A short readable listing of what a checked program declares: its blocks, then the variables of the
// data, parameters, transformed parameters and generated quantities blocks with their types.
import type { Program, ProgramBlock, VarDecl } from '../core/stan/ast';
import { programBlocks } from '../core/stan/ast';
import { declTypeText, exprText } from './declText';

const sections: { title: string; pick: (p: Program) => ProgramBlock | null }[] = [
  { title: 'Data', pick: (p) => p.data },
  { title: 'Transformed data', pick: (p) => p.transformedData },
  { title: 'Parameters', pick: (p) => p.parameters },
  { title: 'Transformed parameters', pick: (p) => p.transformedParameters },
  { title: 'Generated quantities', pick: (p) => p.generatedQuantities },
];

// Only the block's own top-level declarations: locals inside loops are not part of the interface.
function declarations(block: ProgramBlock): VarDecl[] {
  return block.statements.filter((s): s is VarDecl => s.kind === 'VarDecl');
}

// `4 statements: mu ~ normal, tau ~ cauchy, ...` (the top-level sampling statements, by name).
function modelSummary(model: ProgramBlock): string {
  const n = model.statements.length;
  const tildes = model.statements.flatMap((s) =>
    s.kind === 'Tilde' ? [`${exprText(s.lhs)} ~ ${s.distribution.name}`] : [],
  );
  const count = `${n} statement${n === 1 ? '' : 's'}`;
  return tildes.length > 0 ? `${count}: ${tildes.join(', ')}` : count;
}

export function describeProgram(program: Program): string[] {
  const blockNames = [
    ...(program.functions ? ['functions'] : []),
    ...programBlocks(program).map((b) => b.name),
  ];
  const lines = [`Blocks: ${blockNames.length > 0 ? blockNames.join(', ') : '(none)'}`];
  if (program.functions) {
    // Forward declarations and definitions share a name; list each function once.
    const names = [...new Set(program.functions.functions.map((f) => f.name.name))];
    lines.push(`Functions (${names.length}): ${names.join(', ')}`);
  }
  for (const { title, pick } of sections) {
    const block = pick(program);
    if (block === null) continue;
    const decls = declarations(block);
    if (decls.length === 0 && title !== 'Data' && title !== 'Parameters') continue;
    lines.push(`${title} (${decls.length}):`);
    const width = Math.max(0, ...decls.map((d) => d.name.name.length));
    for (const d of decls) lines.push(`  ${d.name.name.padEnd(width)}  ${declTypeText(d.type)}`);
  }
  if (program.model) lines.push(`Model: ${modelSummary(program.model)}`);
  return lines;
}
