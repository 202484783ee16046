// Errors raised while evaluating a model. They reject the current point (log density -Infinity, message
// kept); `fatal` ones (fatal_error) stop the run. Anything else thrown is a bug in Vigil and propagates.
export class StanError extends Error {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'StanError';
  }
}

export function reject(message: string): never {
  throw new StanError(message);
}
