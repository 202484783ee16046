// The Stan parser: source text -> Program AST and diagnostics. Hand-written recursive descent with
// statement-level error recovery, so one run reports several errors. Never throws.
//
// Diagnostic codes: 'syntax' (lexer and parser errors), 'deprecated' (warnings for the removed
// `real y[N]` and `real[]` array syntax, which are accepted), 'reserved' (a reserved word used as a
// name), 'block' (rules the grammar itself expresses: only declarations, without values, in data and
// parameters; constrained types only at the top level of a block other than model). The checker need
// not repeat these. Removed syntax that is rewritten so checking can continue: `<-` (an assignment),
// increment_log_prob(e) (target += e), get_lp() (target()), if_else(c, a, b) (c ? a : b).
import type { BlockName, FunctionDef, FunctionsBlock, Program, ProgramBlock, Stmt } from './ast';
import type { StanDiagnostic } from './diagnostic';
import { lex } from './lexer';
import { closest, ParseContext, SyntaxBail } from './parseContext';
import type { DeclContext } from './parseDecl';
import { parseFunctionDef } from './parseFunction';
import { atBlockHeader, closeBrace, parseStatements } from './parseStmt';
import type { Span } from './span';
import type { Token } from './tokens';

export interface ParseResult {
  program: Program;
  diagnostics: StanDiagnostic[]; // lexer and parser diagnostics, in source order
}

type SlotName = 'functions' | BlockName;

const BLOCK_ORDER: readonly SlotName[] = [
  'functions',
  'data',
  'transformed data',
  'parameters',
  'transformed parameters',
  'model',
  'generated quantities',
];

const BLOCK_CONTEXT: Readonly<Record<BlockName, DeclContext>> = {
  data: { topLevel: true, blockName: 'data', allowInit: false },
  'transformed data': { topLevel: true, blockName: 'transformed data', allowInit: true },
  parameters: { topLevel: true, blockName: 'parameters', allowInit: false },
  'transformed parameters': { topLevel: true, blockName: 'transformed parameters', allowInit: true },
  model: { topLevel: false, blockName: 'model', allowInit: true },
  'generated quantities': { topLevel: true, blockName: 'generated quantities', allowInit: true },
};

export interface ParseOptions {
  // A `.stanfunctions` file: the whole file is the body of a functions block (no block keywords).
  functionsOnly?: boolean;
}

export function parseProgram(source: string, options: ParseOptions = {}): ParseResult {
  const lexed = lex(source);
  const p = new ParseContext(lexed.tokens, source);
  const first = lexed.tokens[0].span.start;
  const last = lexed.tokens[lexed.tokens.length - 1].span.end;
  const program: Program = {
    kind: 'Program',
    functions: null,
    data: null,
    transformedData: null,
    parameters: null,
    transformedParameters: null,
    model: null,
    generatedQuantities: null,
    span: { start: { line: 1, col: 1, offset: 0 }, end: last },
  };
  try {
    if (options.functionsOnly) parseFunctionsFile(p, program);
    else parseBlocks(p, program);
  } catch (e) {
    // Last line of defence: a parser bug or an exhausted stack must still be a positioned error.
    const at = p.peek().span;
    const what = e instanceof RangeError ? 'The program is nested too deeply to be parsed.' : `Internal parser error: ${String(e)}`;
    p.error(what, e instanceof SyntaxBail ? at : { start: first, end: first });
  }
  const diagnostics = [...lexed.diagnostics, ...p.diagnostics].sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { program, diagnostics };
}

function parseBlocks(p: ParseContext, program: Program): void {
  let highest = -1;
  while (!p.atEof) {
    const start = p.peek();
    const header = readBlockHeader(p);
    if (header === null) {
      skipToNextBlock(p);
      continue;
    }
    const index = BLOCK_ORDER.indexOf(header.name);
    const open = p.eat('{');
    if (!open) p.error(`Expected '{' after '${header.name}', found ${p.describe()}.`, p.errorSpan());
    const openTok: Token = open ?? p.previous();
    let block: FunctionsBlock | ProgramBlock;
    if (header.name === 'functions') {
      const functions = parseFunctionDefs(p);
      closeBrace(p, openTok, "'functions' block");
      block = { kind: 'FunctionsBlock', functions, span: p.spanFrom(start) };
    } else {
      const ctx = BLOCK_CONTEXT[header.name];
      const statements = parseStatements(p, ctx);
      closeBrace(p, openTok, `'${header.name}' block`);
      if (!ctx.allowInit) requireDeclarationsOnly(p, statements, header.name);
      block = { kind: 'ProgramBlock', name: header.name, statements, span: p.spanFrom(start) };
    }
    const slot = slotOf(header.name);
    if (program[slot] !== null) {
      p.error(`Duplicate '${header.name}' block: a Stan program has at most one of each block.`, header.span);
      continue;
    }
    if (index < highest) {
      p.error(`The '${header.name}' block must come before the '${BLOCK_ORDER[highest]}' block.`, header.span);
    }
    highest = Math.max(highest, index);
    if (block.kind === 'FunctionsBlock') program.functions = block;
    else (program as unknown as Record<string, ProgramBlock>)[slot] = block;
  }
}

function parseFunctionsFile(p: ParseContext, program: Program): void {
  const start = p.peek();
  const functions: FunctionDef[] = [];
  while (!p.atEof) {
    functions.push(...parseFunctionDefs(p));
    if (p.is('}')) p.error("Unexpected '}': there is no open block to close here.", p.next().span);
    else if (!p.atEof) p.error('A .stanfunctions file can only contain function definitions.', p.next().span);
  }
  program.functions = { kind: 'FunctionsBlock', functions, span: p.spanFrom(start) };
}

function slotOf(name: SlotName): Exclude<keyof Program, 'kind' | 'span'> {
  switch (name) {
    case 'functions':
      return 'functions';
    case 'data':
      return 'data';
    case 'transformed data':
      return 'transformedData';
    case 'parameters':
      return 'parameters';
    case 'transformed parameters':
      return 'transformedParameters';
    case 'model':
      return 'model';
    case 'generated quantities':
      return 'generatedQuantities';
  }
}

// Read `data`, `transformed parameters`, ... For a misspelt block name followed by '{', report it with
// a suggestion and carry on as that block; return null when no block can be recognised.
function readBlockHeader(p: ParseContext): { name: SlotName; span: Span } | null {
  const t = p.peek();
  if (p.is('}')) {
    p.error("Unexpected '}': there is no open block to close here.", t.span);
    return null;
  }
  if (t.kind !== 'ident') {
    p.error(`Expected a program block such as 'data {', 'parameters {' or 'model {', found ${p.describe()}.`, t.span);
    return null;
  }
  // Two-word names, spelt right or wrong: `transformed data`, `generated quantitites`.
  const second = p.peek(1);
  const twoWords = second.kind === 'ident' && (p.is('{', 2) || t.text === 'transformed' || t.text === 'generated') ? `${t.text} ${second.text}` : null;
  const words = twoWords ?? t.text;
  if ((BLOCK_ORDER as readonly string[]).includes(words)) {
    p.next();
    if (twoWords) p.next();
    return { name: words as SlotName, span: p.spanFrom(t) };
  }
  if (twoWords || p.is('{', 1)) {
    p.next();
    if (twoWords) p.next();
    const span = p.spanFrom(t);
    const guess = closest(words, BLOCK_ORDER);
    if (guess) {
      p.error(`Unknown block '${words}'. Did you mean '${guess}'?`, span);
      return { name: guess as SlotName, span };
    }
    p.error(`Unknown block '${words}'. The blocks are: ${BLOCK_ORDER.join(', ')}.`, span);
    return null;
  }
  p.error(`Expected a program block such as 'data {', 'parameters {' or 'model {', found ${p.describe()}. Statements and declarations must be inside a block.`, t.span);
  return null;
}

// After an unrecognised top-level construct: skip (balanced braces included) to the next block header.
function skipToNextBlock(p: ParseContext): void {
  const start = p.position;
  while (!p.atEof && !(atBlockHeader(p) && p.position > start)) {
    if (p.is('{')) p.skipBraces();
    else p.next();
  }
}

function parseFunctionDefs(p: ParseContext): FunctionDef[] {
  const out: FunctionDef[] = [];
  while (!p.atEof && !p.is('}') && !atBlockHeader(p)) {
    const before = p.position;
    try {
      out.push(parseFunctionDef(p));
    } catch (e) {
      if (!(e instanceof SyntaxBail)) throw e;
      p.synchronize();
    }
    if (p.position === before) p.next();
  }
  return out;
}

function requireDeclarationsOnly(p: ParseContext, statements: Stmt[], block: string): void {
  for (const s of statements) {
    // A stray ';' is an empty statement, harmless anywhere (stanc3 accepts it).
    if (s.kind !== 'VarDecl' && s.kind !== 'Empty') {
      p.error(`Only variable declarations are allowed in the ${block} block.`, s.span, 'block');
    }
  }
}
