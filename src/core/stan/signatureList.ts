// The "Available signatures: ..." part of a no-matching-signature message: all rows when there are
// few, otherwise those with the right number of arguments (then the first few).
import { matchSignature } from './signatures/match';
import { type Signature, signatureToString } from './signatures/signature';
import { type StanType, typeToString } from './types';

const MAX_LISTED = 12;

export function describeSignatures(sigs: readonly Signature[], argTypes: readonly StanType[], operator = false): string {
  let shown = [...sigs];
  if (shown.length > MAX_LISTED) {
    const sameArity = shown.filter((s) => s.args.length === argTypes.length);
    if (sameArity.length > 0) shown = sameArity;
  }
  if (shown.length > MAX_LISTED) {
    // Still many (operators): keep those that accept at least one of the given arguments.
    const near = shown.filter((s) => s.args.some((a, i) => argTypes[i] !== undefined && matchSignature({ ...s, args: [a] }, [argTypes[i]])));
    if (near.length > 0) shown = near;
  }
  if (!argTypes.some((t) => typeToString(t).includes('complex'))) {
    // Complex overloads match real arguments by promotion but are rarely what the user meant.
    const real = shown.filter((s) => !signatureToString(s).includes('complex'));
    if (real.length > 0) shown = real;
  }
  const texts = dedupe(shown.map((s) => (operator ? signatureToString(s).slice(s.name.length) : signatureToString(s))));
  const more = texts.length > MAX_LISTED ? ` (and ${texts.length - MAX_LISTED} more)` : '';
  return texts.slice(0, MAX_LISTED).join('; ') + more + '.';
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
