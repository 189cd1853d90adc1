/** Thrown for input the engine refuses to judge. `field` names the offending input, e.g. 'newCases' or 'population'. */
export class SurgeInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'SurgeInputError';
    this.field = field;
  }
}

export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value;
}
