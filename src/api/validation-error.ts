/**
 * Turns schema errors (TypeBox's, the same shape as Ajv's) into one 400
 * VALIDATION AppError whose message names each field and its reason, e.g.
 * "weightKg: must be > 0; avoid.modes[0]: must be one of air, truck, rail, sea, ev".
 */
import { AppError } from '../errors';
import type { Problem } from '../routing/network/problems';

export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** At most this many problems are reported for one request. */
const MAX_PROBLEMS = 20;

export function validationError(errors: Iterable<SchemaError>, what = 'body'): AppError {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    for (const problem of describe(error)) {
      const key = `${problem.path} ${problem.message}`;
      if (seen.has(key) || problems.length === MAX_PROBLEMS) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  const message = problems.map((p) => `${fieldName(p.path, what)}: ${p.message}`).join('; ');
  return new AppError('VALIDATION', message || `the ${what} is not valid`, { problems });
}

/** A single-field problem found after the schema check, e.g. a deadline before readyAt. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', `${field}: ${message}`, { problems: [{ path: `/${field}`, message }] });
}

function describe(error: SchemaError): Problem[] {
  const { instancePath: path, params } = error;
  switch (error.keyword) {
    case 'required':
      return names(params.requiredProperties).map((name) => ({ path: `${path}/${name}`, message: 'is required' }));
    case 'additionalProperties':
      return names(params.additionalProperties).map((name) => ({
        path: `${path}/${name}`,
        message: 'is not a known property',
      }));
    case 'boolean':
      return [{ path, message: 'is not a known property' }];
    case 'enum':
      return [{ path, message: `must be one of ${names(params.allowedValues).join(', ')}` }];
    case 'format':
      return [{ path, message: formatMessage(String(params.format)) }];
    default:
      return [{ path, message: error.message ?? `fails ${error.keyword}` }];
  }
}

function formatMessage(format: string): string {
  return format === 'date-time'
    ? 'must be an ISO 8601 time with a UTC offset, e.g. 2026-11-24T08:00:00Z'
    : `must be a valid ${format}`;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** "/avoid/hubs/0" → "avoid.hubs[0]"; "" → the thing validated. */
function fieldName(pointer: string, what: string): string {
  if (!pointer) return what;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}
