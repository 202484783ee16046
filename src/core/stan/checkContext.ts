// The state the checker threads through a program: diagnostics, scopes, where we are (block, function,
// loop), and the typed information later stages read.
import type { BlockName, CallExpr, Expr, Identifier, TildeStmt } from './ast';
import type { Severity, StanDiagnostic } from './diagnostic';
import { Scope, type UserFunction, type VarInfo } from './scope';
import type { Span } from './span';
import type { AdLevel, StanType } from './types';

export interface ExprInfo {
  type: StanType;
  ad: AdLevel;
}

// What a call or `~` statement resolved to.
export type CallTarget =
  | { kind: 'library'; name: string }
  | { kind: 'user'; name: string; fn: UserFunction }
  | { kind: 'higherOrder'; name: string; fnName: string };

// Everything the checker learnt, for lowering and code generation.
export interface CheckResult {
  diagnostics: StanDiagnostic[];
  exprTypes: Map<Expr, ExprInfo>;
  // Identifier uses (in expressions and assignment targets) -> the variable they name.
  bindings: Map<Identifier, VarInfo>;
  // Declarations -> the variable they introduced (keyed by the declaring name node).
  declarations: Map<Identifier, VarInfo>;
  calls: Map<CallExpr | TildeStmt, CallTarget>;
  userFunctions: Map<string, UserFunction[]>;
}

// Where the statements being checked live.
export interface FunctionContext {
  name: string;
  ret: StanType;
}

export class CheckContext {
  readonly result: CheckResult = {
    diagnostics: [],
    exprTypes: new Map(),
    bindings: new Map(),
    declarations: new Map(),
    calls: new Map(),
    userFunctions: new Map(),
  };
  scope: Scope = new Scope(null);
  block: BlockName | null = null;
  fn: FunctionContext | null = null;
  loopDepth = 0;
  // True while checking the top-level declarations of a block (sizes must be data only there).
  topLevel = false;
  // The variable whose initial value is being checked (`real x = x;` reads it before it has a value).
  declaring: string | null = null;
  // Searches of the whole library for "Did you mean" left in this run (each costs ~1 ms).
  suggestionBudget = 50;
  // Undefined names already reported, so each is reported once.
  readonly reportedUnknown = new Set<string>();
  // Every name declared at the top level of some block, with its block (for "declared later" hints).
  readonly laterGlobals = new Map<string, { block: BlockName; line: number }>();

  get diagnostics(): StanDiagnostic[] {
    return this.result.diagnostics;
  }

  report(severity: Severity, code: string, message: string, span: Span): void {
    this.result.diagnostics.push({ severity, code, message, span });
  }

  error(code: string, message: string, span: Span): void {
    this.report('error', code, message, span);
  }

  warn(code: string, message: string, span: Span): void {
    this.report('warning', code, message, span);
  }

  pushScope(): void {
    this.scope = new Scope(this.scope);
  }

  popScope(): void {
    if (this.scope.parent) this.scope = this.scope.parent;
  }

  // User functions callable as `name`; `foo_lupdf` calls the user's `foo_lpdf` (dropping constants).
  userFunctions(name: string): UserFunction[] {
    const direct = this.result.userFunctions.get(name);
    if (direct) return direct;
    const m = /^(.*)_lup(df|mf)$/.exec(name);
    return m ? (this.result.userFunctions.get(`${m[1]}_lp${m[2]}`) ?? []) : [];
  }

  // Suffix of the enclosing function's name ('lp', 'rng', 'lpdf', ...), or null outside functions.
  fnSuffix(): string | null {
    if (!this.fn) return null;
    const m = /_(lpdf|lpmf|lcdf|lccdf|rng|lp)$/.exec(this.fn.name);
    return m ? m[1] : '';
  }

  // target() may also be read in transformed parameters.
  targetReadAllowed(): boolean {
    return this.fn ? this.fnSuffix() === 'lp' : this.block === 'model' || this.block === 'transformed parameters';
  }

  // `target +=` and `~` are allowed in the model block and in _lp functions.
  targetAllowed(): boolean {
    return this.fn ? this.fnSuffix() === 'lp' : this.block === 'model';
  }

  rngAllowed(): boolean {
    return this.fn
      ? this.fnSuffix() === 'rng'
      : this.block === 'transformed data' || this.block === 'generated quantities';
  }

  lpAllowed(): boolean {
    return this.fn
      ? this.fnSuffix() === 'lp'
      : this.block === 'transformed parameters' || this.block === 'model';
  }

  lupdfAllowed(): boolean {
    return this.fn ? ['lpdf', 'lpmf'].includes(this.fnSuffix() ?? '') : this.block === 'model';
  }
}
