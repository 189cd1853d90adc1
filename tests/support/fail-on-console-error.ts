import { afterEach, vi } from 'vitest';

// Any console.error during a test fails it: errors the code swallows and logs are still errors.
let errors: unknown[][] = [];
const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
});

afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length > 0)
    throw new Error(`console.error was called during the test:\n${seen.map((a) => a.join(' ')).join('\n')}`);
});

export { spy as consoleErrorSpy };
