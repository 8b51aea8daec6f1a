/**
 * How text from a definition enters generated code: only as a JSON string literal. `<`, `>` and the
 * line separators are escaped as well, so the source stays inert wherever it is shown or embedded.
 */
export function literal(text: string): string {
  return JSON.stringify(text).replace(/[<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `new Function`, or null where code generation is refused (a Content-Security-Policy without 'unsafe-eval'). */
export function compileFactory<F>(parameters: readonly string[], source: string): F | null {
  try {
    return new Function(...parameters, source) as F;
  } catch (error) {
    if (error instanceof EvalError) return null;
    throw error;
  }
}
