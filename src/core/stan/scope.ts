// Variable scopes of the checker. Stan forbids shadowing: a name declared anywhere in an enclosing
// scope cannot be declared again, so lookups and clash checks walk the whole chain.
import type { BlockName, FunctionDef } from './ast';
import type { Span } from './span';
import type { AdLevel, StanType } from './types';

// Where a variable was declared: a program block, or inside a user-defined function.
export type Origin = BlockName | 'function';

export type VarKind = 'global' | 'local' | 'argument' | 'loop';

export interface VarInfo {
  name: string;
  type: StanType;
  origin: Origin;
  kind: VarKind;
  ad: AdLevel;
  span: Span;
  // Set for `data`-qualified function arguments.
  dataArg?: boolean;
}

export class Scope {
  private readonly vars = new Map<string, VarInfo>();
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): VarInfo | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }

  declare(v: VarInfo): void {
    this.vars.set(v.name, v);
  }

  // All visible names, innermost first (for suggestions).
  names(): string[] {
    const out: string[] = [];
    for (let s: Scope | null = this; s; s = s.parent) out.push(...s.vars.keys());
    return out;
  }
}

// A user-defined function signature (one per distinct argument list).
export interface UserFunction {
  name: string;
  def: FunctionDef; // the definition, or the forward declaration if never defined
  args: { type: StanType; dataOnly: boolean }[];
  ret: StanType;
  defined: boolean;
  declSpan: Span;
}
