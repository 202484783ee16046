// The top-level variable declarations of a program (data, transformed data, parameters, transformed
// parameters, generated quantities), in source order: what editors point at when they name a variable.
import type { BlockName, Program, ProgramBlock, VarDecl } from './ast';

export interface TopDeclaration {
  name: string;
  block: BlockName;
  decl: VarDecl;
}

export function topDeclarations(program: Program): TopDeclaration[] {
  const blocks: (ProgramBlock | null)[] = [program.data, program.transformedData, program.parameters, program.transformedParameters, program.generatedQuantities];
  const out: TopDeclaration[] = [];
  for (const b of blocks) {
    if (!b) continue;
    for (const s of b.statements) if (s.kind === 'VarDecl') out.push({ name: s.name.name, block: b.name, decl: s });
  }
  return out;
}
