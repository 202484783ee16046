// Imported first by extension.ts so that, in the bundle, this runs before any other module of the
// extension is evaluated. Activation time is measured as VS Code itself splits it: loading our code
// plus running `activate()`; VS Code's own set-up between the two (creating the extension context,
// its storage) is not ours to count.
export const moduleLoadStart = performance.now();

export interface ActivationTimes {
  // Evaluating the extension's modules (from this file's first line to the end of extension.ts's imports).
  codeLoadingMs: number;
  // The `activate()` call itself.
  activateCallMs: number;
  // Their sum: what `activationTimeMs` reports and the integration test bounds.
  activationTimeMs: number;
}

export function activationTimes(codeLoadedAt: number, activateStart: number, activateEnd: number): ActivationTimes {
  const codeLoadingMs = codeLoadedAt - moduleLoadStart;
  const activateCallMs = activateEnd - activateStart;
  return { codeLoadingMs, activateCallMs, activationTimeMs: codeLoadingMs + activateCallMs };
}
