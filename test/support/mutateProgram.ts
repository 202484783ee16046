// Mutations of valid Stan programs for the front-end fuzz test. Token boundaries come from a crude
// tokenizer of our own (not the project's lexer), so a lexer bug cannot hide cases from the fuzzer.
import type { Prng } from './prng';

const TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_][A-Za-z0-9_]*|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|"[^"\n]*"?|%\/%|\.\*=|\.\/=|\.\^|\.\*|\.\/|[-+*\/<>=!]=|&&|\|\||<-|[\s\S]/g;

export interface Piece {
  text: string;
  start: number;
}

export function roughTokens(source: string): Piece[] {
  const out: Piece[] = [];
  for (const m of source.matchAll(TOKEN)) {
    if (!/^\s+$/.test(m[0])) out.push({ text: m[0], start: m.index ?? 0 });
  }
  return out;
}

export const FRAGMENTS: readonly string[] = [
  // operators and punctuation
  '+', '-', '*', '/', '%', '\\', '.*', './', '^', '.^', '%/%', "'", '?', ':', '||', '&&', '==', '!=', '<', '<=',
  '>', '>=', '!', '=', '+=', '-=', '*=', '/=', '.*=', './=', '~', '|', ',', ';', '.', '<-', '::', '@', '$', '`',
  '(', ')', '[', ']', '{', '}', '()', '[]', '{}', '[ : ]', '[:, 1]', '[1:]', '[:2]', '(,)', '[,]', '{,}', '|,',
  // keywords, block names and types
  'for', 'in', 'while', 'if', 'else', 'break', 'continue', 'return', 'print', 'reject', 'fatal_error', 'target',
  'target()', 'target +=', 'lower', 'upper', 'offset', 'multiplier', 'data', 'functions', 'model', 'parameters',
  'transformed', 'generated', 'quantities', 'transformed data', 'generated quantities', 'array', 'real', 'int',
  'vector', 'row_vector', 'matrix', 'complex', 'complex_vector', 'tuple', 'void', 'T', 'T[', 'T[,]', 'profile',
  'simplex', 'ordered', 'cholesky_factor_corr', 'cov_matrix', 'unit_vector', 'positive_ordered', 'lp__', 'jacobian',
  'array[', 'array[N]', 'vector[', '<lower=0>', '<lower=0,upper=1>', '<offset=1,multiplier=2>', 'int<', '>[',
  'increment_log_prob(', 'get_lp()', '_lpdf', '_rng', '_lp', 'normal_lpdf(', 'normal_rng(', 'y ~ normal(0,1);',
  'x[1, 2:3, :]', 'f(|)', 'normal_lpdf(x|)', '~ foo(', 'int x = 1;', 'real x;', 'return;', '{ break; }',
  // numbers, including huge and malformed ones
  '0', '1', '007', '1e308', '1e309', '1e-400', '99999999999999999999999999', '2147483648', '-2147483649',
  '1.5e', '1e+', '.5', '5.', '1_000', '1__0', '0x1F', '1i', '2.5i', '1e10i', 'NaN', 'Infinity', '1.2.3',
  // strings and comments
  '"', '"unterminated', '"a string"', '"\\n"', '/*', '*/', '/* comment */', '//', '#', '#include "x.stan"',
  '/**/', '/* nested /* */ */',
  // unicode, control characters, whitespace oddities
  '\u0000', '\u0001', '\u007f', '\u00e9', '\u03bb', '\u03c3', '\ud83d\ude00', '\ud800', '\udc00', '\ufeff', '\ufffd',
  '\uffff', '\u2028', '\u2029', '\u00a0', '\u200b', '\r', '\r\n', '\n', '\t', '\f', '\v', ' ', 'ÿ', '𝛼', 'x\u0301',
];

const OPENERS = ['(', '[', '{', '-', '!', '+', '(-', '{(', '[(', 'f(', 'x[', '1 ? ', 'if (1) ', 'for (i in 1:2) ', '{ {', 'a ? b : '];
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '(-': ')', '{(': ')}', '[(': ')]', 'f(': ')', 'x[': ']', '{ {': '} }' };

// Syntax-preserving replacements: these reach the checker rather than stopping in the parser.
const BINARY_OPS = ['+', '-', '*', '/', '%', '\\', '.*', './', '^', '.^', '%/%', '||', '&&', '==', '!=', '<', '<=', '>', '>='];
const TYPES = ['int', 'real', 'complex', 'vector', 'row_vector', 'matrix', 'simplex', 'ordered', 'cov_matrix', 'corr_matrix',
  'cholesky_factor_corr', 'cholesky_factor_cov', 'unit_vector', 'positive_ordered', 'complex_vector', 'complex_matrix'];
const NUMBERS = ['0', '1', '2', '-1', '0.5', '1e308', '1e309', '2147483647', '2147483648', '99999999999999999999', '1e-320', '3i'];
const BUILTINS = ['normal', 'normal_lpdf', 'normal_rng', 'exp', 'log', 'sum', 'rep_vector', 'size', 'rows', 'cols', 'to_vector',
  'target', 'print', 'reject', 'inv_logit', 'bernoulli_logit', 'multi_normal_cholesky', 'cholesky_decompose', 'ode_rk45',
  'reduce_sum', 'map_rect', 'algebra_solver', 'integrate_1d', 'log_sum_exp', 'fabs', 'abs', 'diag_pre_multiply', 'pi', 'e'];
const KEYWORDS = new Set(['for', 'in', 'while', 'if', 'else', 'break', 'continue', 'return', 'print', 'reject', 'fatal_error',
  'target', 'lower', 'upper', 'offset', 'multiplier', 'data', 'functions', 'model', 'parameters', 'transformed', 'generated',
  'quantities', 'array', 'void', 'T', 'profile', ...TYPES]);

// Replace a token by another of its class (identifier, operator, type, number); false when `tok` has none.
function semanticReplacement(tok: Piece, toks: Piece[], rng: Prng): string | undefined {
  const t = tok.text;
  if (/^[A-Za-z_]/.test(t)) {
    if (TYPES.includes(t)) return rng.pick(TYPES);
    if (KEYWORDS.has(t)) return undefined;
    const idents = toks.filter((p) => /^[A-Za-z_]/.test(p.text) && !KEYWORDS.has(p.text));
    return rng.chance(0.7) && idents.length > 0 ? rng.pick(idents).text : rng.pick(BUILTINS);
  }
  if (/^\d/.test(t)) return rng.pick(NUMBERS);
  if (BINARY_OPS.includes(t)) return rng.pick(BINARY_OPS);
  return undefined;
}

export interface Mutation {
  source: string;
  steps: string[]; // what was done, for failure messages
}

function splice(s: string, at: number, del: number, ins: string): string {
  return s.slice(0, at) + ins + s.slice(at + del);
}

// A deeply nested fragment: `depth` openers, optionally closed, optionally with an operand inside.
export function nesting(rng: Prng, depth: number): string {
  const open = rng.pick(OPENERS);
  const inner = rng.pick(['', 'x', '1', 'y[1]', ';']);
  const close = CLOSERS[open] !== undefined && rng.chance(0.5) ? CLOSERS[open].repeat(depth) : '';
  return open.repeat(depth) + inner + close;
}

function randomFragment(rng: Prng): string {
  const r = rng.next();
  if (r < 0.75) return rng.pick(FRAGMENTS);
  if (r < 0.9) return rng.pick(FRAGMENTS) + rng.pick(FRAGMENTS);
  if (r < 0.97) return String.fromCharCode(rng.int(0x10000)); // any UTF-16 unit, surrogates included
  return rng.pick(['9', '1', '0']).repeat(rng.range(20, 400));
}

// One mutation step applied to `s` (whose rough tokens are `toks`).
function step(s: string, toks: Piece[], rng: Prng, donors: readonly string[]): { source: string; what: string } {
  const at = rng.int(s.length + 1);
  if (toks.length === 0) {
    const frag = randomFragment(rng);
    return { source: splice(s, at, 0, frag), what: `insert ${JSON.stringify(frag.slice(0, 40))}@${at} (no tokens left)` };
  }
  const tok = rng.pick(toks);
  if (rng.chance(0.3)) {
    // Try a few tokens for one that has a same-class replacement.
    for (let k = 0; k < 8; k++) {
      const t = rng.pick(toks);
      const repl = semanticReplacement(t, toks, rng);
      if (repl !== undefined) return { source: splice(s, t.start, t.text.length, repl), what: `replace ${JSON.stringify(t.text)}@${t.start} by ${JSON.stringify(repl)}` };
    }
  }
  switch (rng.int(13)) {
    case 0:
      return { source: splice(s, tok.start, tok.text.length, ''), what: `delete token ${JSON.stringify(tok.text)}@${tok.start}` };
    case 1:
      return { source: splice(s, tok.start, 0, tok.text + ' '), what: `duplicate token ${JSON.stringify(tok.text)}@${tok.start}` };
    case 2: {
      const i = toks.indexOf(tok);
      const next = toks[i + 1];
      if (!next) return { source: s, what: 'no-op swap' };
      const swapped = s.slice(0, tok.start) + next.text + s.slice(tok.start + tok.text.length, next.start) + tok.text + s.slice(next.start + next.text.length);
      return { source: swapped, what: `swap adjacent tokens @${tok.start}` };
    }
    case 3: {
      const other = rng.pick(toks);
      const [a, b] = tok.start <= other.start ? [tok, other] : [other, tok];
      if (a === b || a.start + a.text.length > b.start) return { source: s, what: 'no-op swap' };
      const swapped = s.slice(0, a.start) + b.text + s.slice(a.start + a.text.length, b.start) + a.text + s.slice(b.start + b.text.length);
      return { source: swapped, what: `swap tokens @${a.start},@${b.start}` };
    }
    case 4:
    case 5: {
      const frag = randomFragment(rng);
      const where = rng.chance(0.5) ? tok.start : at;
      return { source: splice(s, where, 0, frag), what: `insert ${JSON.stringify(frag.slice(0, 40))}@${where}` };
    }
    case 6: {
      const frag = randomFragment(rng);
      return { source: splice(s, tok.start, tok.text.length, frag), what: `replace token @${tok.start} by ${JSON.stringify(frag.slice(0, 40))}` };
    }
    case 7: {
      const len = rng.range(1, 40);
      return { source: splice(s, at, len, ''), what: `delete ${len} chars @${at}` };
    }
    case 8: {
      const len = rng.range(1, 80);
      return { source: splice(s, at, 0, s.slice(at, at + len)), what: `duplicate ${len} chars @${at}` };
    }
    case 9:
      return { source: s.slice(0, at), what: `truncate @${at}` };
    case 10: {
      const depth = rng.chance(0.02) ? rng.range(2000, 10000) : rng.range(2, 200);
      const frag = nesting(rng, depth);
      return { source: splice(s, at, 0, frag), what: `nest ${JSON.stringify(frag.slice(0, 12))}x${depth}@${at}` };
    }
    case 11: {
      const donor = rng.pick(donors);
      const from = rng.int(donor.length + 1);
      const piece = donor.slice(from, from + rng.range(1, 200));
      return { source: splice(s, at, 0, piece), what: `splice ${piece.length} chars from a donor @${at}` };
    }
    default: {
      const c = s.charCodeAt(at) || 32;
      const flipped = String.fromCharCode(c ^ (1 << rng.int(7)));
      return { source: splice(s, at, 1, flipped), what: `flip char @${at}` };
    }
  }
}

// Apply 1 to 4 mutation steps to `source`.
export function mutateProgram(source: string, rng: Prng, donors: readonly string[]): Mutation {
  const steps: string[] = [];
  let s = source;
  const count = rng.chance(0.6) ? 1 : rng.range(2, 4);
  for (let k = 0; k < count; k++) {
    const r = step(s, roughTokens(s), rng, donors.length > 0 ? donors : [source]);
    s = r.source;
    steps.push(r.what);
  }
  return { source: s, steps };
}
