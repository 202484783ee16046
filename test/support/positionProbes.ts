// Single, precisely placed defects for checking that errors are reported where the defect is: an
// impossible character at a token boundary, and an undefined identifier at a use site.
import type { Prng } from './prng';
import { roughTokens } from './mutateProgram';

export interface PlacedDefect {
  source: string;
  offset: number; // where the defect starts
  mention?: string; // text the error message must contain
  what: string;
}

const isCommentOrString = (t: string): boolean => t.startsWith('//') || t.startsWith('/*') || t.startsWith('"') || t.startsWith('#');

// Insert '@' (never valid outside comments and strings) before a random code token.
export function insertBadCharacter(source: string, rng: Prng): PlacedDefect | undefined {
  const toks = roughTokens(source).filter((t) => !isCommentOrString(t.text));
  if (toks.length === 0) return undefined;
  const at = rng.pick(toks).start;
  return { source: `${source.slice(0, at)}@${source.slice(at)}`, offset: at, what: `'@' inserted at offset ${at}` };
}

const NOT_VARIABLES = new Set(['for', 'in', 'while', 'if', 'else', 'return', 'target', 'lower', 'upper', 'offset', 'multiplier',
  'print', 'reject', 'fatal_error', 'break', 'continue', 'T', 'data', 'array', 'int', 'real', 'complex', 'vector', 'row_vector',
  'matrix', 'tuple', 'void', 'profile', 'jacobian']);
const USE_AFTER = new Set(['=', '+', '-', '*', '/', '(', ',', '[', '|', '^', '<', '>', '<=', '>=', '==', '!=', '&&', '||', '?', ':', '+=', '-=', '*=', '/=']);

// Replace one use of a variable in an expression by a name that is defined nowhere.
export function renameUseSite(source: string, rng: Prng): PlacedDefect | undefined {
  const toks = roughTokens(source).filter((t) => !isCommentOrString(t.text));
  const sites = toks.filter((t, k) => {
    const prev = toks[k - 1]?.text ?? '';
    const next = toks[k + 1]?.text ?? '';
    return (
      /^[A-Za-z][A-Za-z0-9_]*$/.test(t.text) &&
      !NOT_VARIABLES.has(t.text) &&
      USE_AFTER.has(prev) &&
      !['(', 'in', '~'].includes(next) && // not a call, not a loop variable
      !(prev === '(' && toks[k - 2]?.text === 'for') &&
      !((prev === '>' || prev === ',') && [';', '=', ','].includes(next)) && // a declared name: `real<lower=0> x;`, `real a, b;`
      !/^(?:e|pi|sqrt2|log2|log10|not_a_number|positive_infinity|negative_infinity|machine_precision)$/.test(t.text)
    );
  });
  if (sites.length === 0) return undefined;
  const site = rng.pick(sites);
  const name = 'zq_undefined_name';
  return {
    source: source.slice(0, site.start) + name + source.slice(site.start + site.text.length),
    offset: site.start,
    mention: name,
    what: `use of '${site.text}' at offset ${site.start} renamed`,
  };
}
