// The semantic checker's entry point: scopes, types, block rules and user-defined functions for a
// whole program. Never throws, whatever tree the parser produced (also partial trees after syntax
// errors).
import { type Program, type ProgramBlock, programBlocks } from './ast';
import { CheckContext, type CheckResult } from './checkContext';
import { checkFunctionBodies, collectFunctions } from './checkFunctions';
import { checkStmt } from './checkStmt';
import type { StanDiagnostic } from './diagnostic';

export type { CheckResult, ExprInfo, CallTarget } from './checkContext';

// Checks a program and returns everything learnt: diagnostics, the type of every expression, what
// every identifier and call refers to, and the user-defined functions.
export function checkProgramTyped(program: Program): CheckResult {
  const ctx = new CheckContext();
  if (!program || typeof program !== 'object') return ctx.result;
  let blocks: ProgramBlock[] = [];
  try {
    blocks = programBlocks(program);
  } catch {
    blocks = [];
  }
  for (const b of blocks) {
    for (const s of b.statements ?? []) {
      if (s && s.kind === 'VarDecl' && s.name && !ctx.laterGlobals.has(s.name.name)) {
        ctx.laterGlobals.set(s.name.name, { block: b.name, line: s.name.span.start.line });
      }
    }
  }
  if (program.functions) {
    guarded(ctx, program.functions.span, () => collectFunctions(ctx, program.functions!));
    guarded(ctx, program.functions.span, () => checkFunctionBodies(ctx, program.functions!));
  }
  for (const b of blocks) {
    ctx.block = b.name;
    ctx.fn = null;
    ctx.loopDepth = 0;
    // Model-block variables are local to the model block.
    const savedScope = ctx.scope;
    if (b.name === 'model') ctx.pushScope();
    for (const s of b.statements ?? []) {
      ctx.topLevel = b.name !== 'model' && !!s && s.kind === 'VarDecl';
      guarded(ctx, s?.span ?? b.span, () => checkStmt(ctx, s));
    }
    ctx.scope = savedScope;
    ctx.topLevel = false;
  }
  return ctx.result;
}

export function checkProgram(program: Program): StanDiagnostic[] {
  return checkProgramTyped(program).diagnostics;
}

// A bug in the checker must not take the editor down: report it at the statement and go on.
function guarded(ctx: CheckContext, span: Program['span'], f: () => void): void {
  const savedScope = ctx.scope;
  try {
    f();
  } catch (e) {
    ctx.scope = savedScope;
    ctx.warn('internal', `Vigil could not fully check this statement (internal error: ${e instanceof Error ? e.message : String(e)}).`, span);
  }
}
