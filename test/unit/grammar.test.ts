// The TextMate grammar for Stan: valid JSON, every regex compiles, and a small line-by-line tokenizer
// (enough of TextMate's rules: match/captures, begin/end with nesting, includes) gives the expected
// scopes on the example programs and on a snippet with every construct the grammar names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const grammarPath = path.join(root, 'syntaxes/stan.tmLanguage.json');

interface Captures {
  [group: string]: { name?: string };
}
interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
  comment?: string;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

interface Token {
  text: string;
  scopes: string[];
  line: number;
}

function loadGrammar(): Grammar {
  return JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;
}

function allRules(g: Grammar): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule): void => {
    out.push(r);
    r.patterns?.forEach(visit);
  };
  g.patterns.forEach(visit);
  Object.values(g.repository).forEach(visit);
  return out;
}

// Expand includes into the concrete match/begin rules, in order.
function expand(g: Grammar, rules: Rule[], seen = new Set<Rule>()): Rule[] {
  const out: Rule[] = [];
  for (const r of rules) {
    if (r.include !== undefined) {
      const target = r.include === '$self' ? { patterns: g.patterns } : g.repository[r.include.replace(/^#/, '')];
      assert.ok(target, `include ${r.include} resolves`);
      if (seen.has(target)) continue;
      seen.add(target);
      out.push(...expand(g, [target], seen));
      seen.delete(target);
    } else if (r.match === undefined && r.begin === undefined) {
      out.push(...expand(g, r.patterns ?? [], seen));
    } else {
      out.push(r);
    }
  }
  return out;
}

function scopesOf(name: string | undefined): string[] {
  return name ? name.split(/\s+/) : [];
}

function tokenize(g: Grammar, source: string): Token[] {
  const tokens: Token[] = [];
  const cache = new Map<string, RegExp>();
  const re = (src: string): RegExp => {
    let r = cache.get(src);
    if (!r) cache.set(src, (r = new RegExp(src, 'g')));
    return r;
  };
  const top = expand(g, g.patterns);
  const stack: { rule: Rule; patterns: Rule[] }[] = [];
  const emit = (text: string, scopes: string[], line: number): void => {
    if (text.length > 0) tokens.push({ text, scopes, line });
  };
  const emitMatch = (m: RegExpExecArray, base: string[], caps: Captures | undefined, line: number): void => {
    if (!caps || Object.keys(caps).every((k) => k === '0')) {
      emit(m[0], [...base, ...scopesOf(caps?.['0']?.name)], line);
      return;
    }
    // Captured groups in order; text between them keeps the rule's scopes.
    let pos = m.index;
    const whole = base.concat(scopesOf(caps['0']?.name));
    for (let i = 1; i < m.length; i++) {
      const text = m[i];
      if (text === undefined) continue;
      const at = m[0].indexOf(text, pos - m.index) + m.index;
      emit(m.input.slice(pos, at), whole, line);
      emit(text, [...whole, ...scopesOf(caps[String(i)]?.name)], line);
      pos = at + text.length;
    }
    emit(m.input.slice(pos, m.index + m[0].length), whole, line);
  };
  source.split(/\r?\n/).forEach((text, lineIndex) => {
    const line = lineIndex + 1;
    let pos = 0;
    while (pos <= text.length) {
      const frame = stack[stack.length - 1];
      const patterns = frame ? frame.patterns : top;
      const base = stack.flatMap((f) => scopesOf(f.rule.name));
      let best: { m: RegExpExecArray; rule: Rule | null } | null = null;
      if (frame) {
        const r = re(frame.rule.end!);
        r.lastIndex = pos;
        const m = r.exec(text);
        if (m) best = { m, rule: null };
      }
      for (const rule of patterns) {
        const r = re((rule.match ?? rule.begin)!);
        r.lastIndex = pos;
        const m = r.exec(text);
        if (m && (!best || m.index < best.m.index)) best = { m, rule };
      }
      if (!best || (best.m[0].length === 0 && best.rule !== null && best.rule.begin === undefined)) {
        emit(text.slice(pos), base, line);
        break;
      }
      const { m, rule } = best;
      emit(text.slice(pos, m.index), base, line);
      if (rule === null) {
        emitMatch(m, base, frame!.rule.endCaptures ?? frame!.rule.captures, line);
        stack.pop();
      } else if (rule.begin !== undefined) {
        const inner = [...base, ...scopesOf(rule.name)];
        emitMatch(m, inner, rule.beginCaptures ?? rule.captures, line);
        stack.push({ rule, patterns: expand(g, rule.patterns ?? []) });
      } else {
        emitMatch(m, [...base, ...scopesOf(rule.name)], rule.captures, line);
      }
      const next = m.index + m[0].length;
      if (next === pos && m[0].length === 0) {
        if (pos >= text.length) break;
        emit(text[pos], base, line);
        pos += 1;
      } else {
        pos = next;
      }
    }
  });
  return tokens;
}

function scopesFor(tokens: Token[], text: string): string[][] {
  return tokens.filter((t) => t.text === text).map((t) => t.scopes);
}

function assertScope(tokens: Token[], text: string, scope: string, where = ''): void {
  const found = scopesFor(tokens, text);
  assert.ok(found.length > 0, `token '${text}' ${where} not found`);
  assert.ok(
    found.every((s) => s.some((x) => x.startsWith(scope))),
    `every '${text}' ${where} should have scope ${scope}, got ${JSON.stringify(found)}`,
  );
}

test('the grammar is valid JSON with the scope name the manifest contributes', () => {
  const g = loadGrammar();
  assert.equal(g.scopeName, 'source.stan');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars.find((x: { language: string }) => x.language === 'stan');
  assert.equal(contributed.scopeName, 'source.stan');
  assert.equal(path.resolve(root, contributed.path), grammarPath);
});

test('every regex compiles as a JavaScript RegExp and every include resolves', () => {
  const g = loadGrammar();
  const rules = allRules(g);
  assert.ok(rules.length > 20);
  for (const r of rules) {
    for (const src of [r.match, r.begin, r.end]) {
      if (src !== undefined) assert.doesNotThrow(() => new RegExp(src), `regex ${src}`);
    }
    if (r.begin !== undefined) assert.ok(r.end !== undefined, `begin ${r.begin} has an end`);
  }
  expand(g, g.patterns);
  for (const r of Object.values(g.repository)) expand(g, [r]);
});

test('the language configuration is valid JSON with Stan comments, brackets and patterns', () => {
  const c = JSON.parse(readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));
  assert.equal(c.comments.lineComment, '//');
  assert.deepEqual(c.comments.blockComment, ['/*', '*/']);
  assert.deepEqual(c.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
  const word = new RegExp(c.wordPattern, 'g');
  assert.deepEqual('theta_tilde ~ normal(0.5, 1e-3);'.match(word), ['theta_tilde', 'normal', '0.5', '1e-3']);
  const increase = new RegExp(c.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(c.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('model {'));
  assert.ok(!increase.test('  mu ~ normal(0, 5);'));
  assert.ok(!increase.test('// {'));
  assert.ok(decrease.test('  }'));
});

test('the example programs get block, type, constraint, distribution and comment scopes', () => {
  const g = loadGrammar();
  const dir = path.join(root, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.stan'));
  assert.ok(files.length >= 3);
  for (const f of files) {
    const tokens = tokenize(g, readFileSync(path.join(dir, f), 'utf8'));
    const where = `in ${f}`;
    for (const block of ['data', 'parameters', 'model']) assertScope(tokens, block, 'keyword.other.block', where);
    assertScope(tokens, 'real', 'storage.type', where);
    assertScope(tokens, 'lower', 'keyword.other.constraint', where);
    assertScope(tokens, '~', 'keyword.operator.sampling', where);
    // The distribution after the first `~` of the file, whichever it is.
    const tilde = tokens.findIndex((t) => t.text === '~');
    const distribution = tokens.slice(tilde + 1).find((t) => /^\w+$/.test(t.text));
    assert.ok(distribution, `a distribution after '~' ${where}`);
    assertScope(tokens, distribution.text, 'entity.name.function.distribution', where);
    assert.ok(tokens.some((t) => t.scopes.some((s) => s.startsWith('comment.line.double-slash'))), where);
    assert.ok(tokens.some((t) => t.scopes.some((s) => s.startsWith('constant.numeric'))), where);
  }
});

const snippet = `functions {
  /** A documented function. */
  real half_normal_lpdf(real y, data real s) {
    return normal_lpdf(y | 0, s) + log(2);
  }
  array[] real twice(array[] real x) {
    return x;
  }
}
transformed data {
  complex z = 3.5i + 2;
  real r = 1.5e-3;
  int n = 42;
  # an old-style comment
  print("n = ", n, "\\t");
}
parameters {
  vector<offset=1, multiplier=2>[3] v;
  simplex[3] p;
  real<lower=0, upper=1> q;
}
model {
  for (i in 1:3) {
    if (i > 1 && q < 0.5) continue; else break;
  }
  target += half_normal_lpdf(q | 1) - v' * v;
  q ~ beta(2, 2) T[0, 1];
  q <- 1;
}
generated quantities {
  real w = p[1] .* 2;
}`;

test('a snippet with every construct gets the expected scopes', () => {
  const tokens = tokenize(loadGrammar(), snippet);
  assertScope(tokens, 'functions', 'keyword.other.block');
  assertScope(tokens, 'transformed data', 'keyword.other.block');
  assertScope(tokens, 'generated quantities', 'keyword.other.block');
  assertScope(tokens, 'half_normal_lpdf', 'entity.name.function');
  assert.ok(scopesFor(tokens, 'half_normal_lpdf')[0].includes('entity.name.function.definition.stan'));
  assertScope(tokens, 'twice', 'entity.name.function.definition');
  assertScope(tokens, 'normal_lpdf', 'entity.name.function.call');
  assertScope(tokens, 'log', 'entity.name.function.call');
  assertScope(tokens, 'data', 'storage.modifier.data'); // the argument qualifier, not a block
  assertScope(tokens, 'array', 'storage.type');
  assertScope(tokens, 'complex', 'storage.type');
  assertScope(tokens, 'simplex', 'storage.type.constrained');
  assertScope(tokens, 'offset', 'keyword.other.constraint');
  assertScope(tokens, 'multiplier', 'keyword.other.constraint');
  assertScope(tokens, 'upper', 'keyword.other.constraint');
  assertScope(tokens, '3.5i', 'constant.numeric.imaginary');
  assertScope(tokens, '1.5e-3', 'constant.numeric.float');
  assertScope(tokens, '42', 'constant.numeric.integer');
  assertScope(tokens, '# an old-style comment', 'invalid.deprecated');
  assertScope(tokens, '\\t', 'constant.character.escape');
  assert.ok(scopesFor(tokens, '"').every((s) => s.some((x) => x.startsWith('string.quoted.double'))));
  for (const k of ['for', 'in', 'if', 'else', 'continue', 'break', 'return']) {
    assertScope(tokens, k, 'keyword.control');
  }
  assertScope(tokens, 'print', 'keyword.other.statement');
  assertScope(tokens, 'target', 'variable.language.target');
  assertScope(tokens, '+=', 'keyword.operator.assignment.compound');
  assertScope(tokens, 'beta', 'entity.name.function.distribution');
  assertScope(tokens, 'T', 'keyword.other.truncation');
  assertScope(tokens, '<-', 'invalid.deprecated');
  assertScope(tokens, "'", 'keyword.operator.transpose');
  assertScope(tokens, '.*', 'keyword.operator.arithmetic.elementwise');
  assertScope(tokens, '&&', 'keyword.operator.logical');
  assertScope(tokens, '|', 'punctuation.separator.conditional');
  assert.ok(scopesFor(tokens, 'A documented function.').length === 0, 'doc comment is one token');
  const doc = tokens.find((t) => t.text.includes('A documented function'));
  assert.ok(doc?.scopes.includes('comment.block.documentation.stan'));
});
