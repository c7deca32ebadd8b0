/**
 * Validation of an uploaded network document (docs/network.md).
 *
 * Every field is described once, in the field tables below, by a Rule that
 * reports what is wrong with a value and returns a clean copy of it. Records
 * copy only the fields their table names, so unknown keys (`__proto__`
 * included) are reported and never copied. Checks that span records — unique
 * ids, legs between existing and different hubs — run on the copy afterwards.
 * All problems are collected; validation never stops at the first.
 */
import type { Hub, Leg, NetworkDocument } from '../types';
import { HUB_KINDS, MODES } from '../types';
import type { Problem } from './problems';

export type NetworkValidation = { ok: true; network: NetworkDocument } | { ok: false; problems: Problem[] };

/** Checks the value found at `path`, reports its problems, returns its clean copy. */
type Rule = (value: unknown, path: string, problems: Problem[]) => unknown;

/** The reason a single value is wrong, or undefined when it is fine. */
type Test = (value: unknown) => string | undefined;

interface Field {
  required: boolean;
  rule: Rule;
}

/**
 * One Field per property of T; a property optional in T must be an optional
 * Field, so the table cannot drift from the types in `types.ts`.
 */
type FieldTable<T> = {
  [K in keyof T]-?: undefined extends T[K] ? Field & { required: false } : Field & { required: true };
};

const required = (rule: Rule) => ({ required: true, rule }) as const;
const optional = (rule: Rule) => ({ required: false, rule }) as const;

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a property name for use in a JSON pointer (RFC 6901). */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function scalar(test: Test): Rule {
  return (value, path, problems) => {
    const message = test(value);
    if (message !== undefined) problems.push({ path, message });
    return value;
  };
}

function listOf(item: Rule, emptyMessage?: string): Rule {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ path, message: 'must be an array' });
      return undefined;
    }
    if (value.length === 0 && emptyMessage !== undefined) problems.push({ path, message: emptyMessage });
    return value.map((element, index) => item(element, `${path}/${index}`, problems));
  };
}

function record<T>(fields: FieldTable<T>): Rule {
  const entries: [string, Field][] = Object.entries(fields);
  const known = new Set(entries.map(([key]) => key));
  return (value, path, problems) => {
    if (!isPlainObject(value)) {
      problems.push({ path, message: 'must be an object' });
      return undefined;
    }
    const copy: Plain = {};
    for (const [key, field] of entries) {
      const fieldValue = Object.hasOwn(value, key) ? value[key] : undefined;
      if (fieldValue !== undefined) copy[key] = field.rule(fieldValue, `${path}/${key}`, problems);
      else if (field.required) problems.push({ path: `${path}/${key}`, message: 'is required' });
    }
    for (const key of Object.keys(value)) {
      if (!known.has(key)) problems.push({ path: `${path}/${pointerToken(key)}`, message: 'unknown property' });
    }
    return copy;
  };
}

const text = scalar((value) => {
  if (typeof value !== 'string') return 'must be a string';
  return value.trim() === '' ? 'must not be empty' : undefined;
});

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;
const identifier = scalar((value) => {
  if (typeof value !== 'string') return 'must be a string';
  return ID_PATTERN.test(value) ? undefined : `must be 1–32 characters of A-Za-z0-9_.- (got '${value}')`;
});

const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const countryCode = scalar((value) => {
  if (typeof value !== 'string') return 'must be a string';
  return COUNTRY_PATTERN.test(value) ? undefined : `must be two upper-case letters, ISO 3166 alpha-2 (got '${value}')`;
});

function oneOf(noun: string, allowed: readonly string[]): Rule {
  const members = new Set(allowed);
  const expected = allowed.join(', ');
  return scalar((value) => {
    if (typeof value !== 'string') return 'must be a string';
    return members.has(value) ? undefined : `unknown ${noun} '${value}' (expected one of ${expected})`;
  });
}

interface NumberLimits {
  /** Smallest allowed value. */
  min?: number;
  /** The value must be strictly greater than this. */
  above?: number;
  max?: number;
  /** What the value counts, when it must be a whole number: "minutes", "parcels". */
  wholeUnit?: string;
}

function numberWithin(limits: NumberLimits): Rule {
  return scalar((value) => {
    if (typeof value !== 'number') return 'must be a number';
    if (!Number.isFinite(value)) return 'must be a finite number';
    if (limits.wholeUnit !== undefined && !Number.isInteger(value)) {
      return `must be a whole number of ${limits.wholeUnit} (got ${value})`;
    }
    if (limits.above !== undefined && !(value > limits.above))
      return `must be greater than ${limits.above} (got ${value})`;
    if (limits.min !== undefined && value < limits.min) return `must be at least ${limits.min} (got ${value})`;
    if (limits.max !== undefined && value > limits.max) return `must be at most ${limits.max} (got ${value})`;
    return undefined;
  });
}

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const departureTime = scalar((value) =>
  typeof value === 'string' && TIME_OF_DAY.test(value) ? undefined : 'must be a UTC time HH:MM from 00:00 to 23:59',
);

const weekday = scalar((value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7
    ? undefined
    : 'must be an ISO weekday: a whole number from 1 (Monday) to 7 (Sunday)',
);

/**
 * A year: far past the 14-day routing horizon, and safely inside the Int32
 * arrays of the prepared index, where a larger value would wrap around.
 */
const MAX_MINUTES = 366 * 24 * 60;

const amount = numberWithin({ min: 0 });
const minutes = numberWithin({ min: 0, max: MAX_MINUTES, wholeUnit: 'minutes' });
const capacity = numberWithin({ above: 0, wholeUnit: 'parcels' });

const HUB_FIELDS: FieldTable<Hub> = {
  id: required(identifier),
  name: required(text),
  country: required(countryCode),
  lat: required(numberWithin({ min: -90, max: 90 })),
  lon: required(numberWithin({ min: -180, max: 180 })),
  sortMinutes: required(minutes),
  handlingCost: required(amount),
  kind: optional(oneOf('kind', HUB_KINDS)),
  capacityPerDay: optional(capacity),
};

const LEG_FIELDS: FieldTable<Leg> = {
  id: required(identifier),
  from: required(text),
  to: required(text),
  mode: required(oneOf('mode', MODES)),
  carrier: required(text),
  durationMinutes: required(numberWithin({ above: 0, max: MAX_MINUTES, wholeUnit: 'minutes' })),
  costPerParcel: required(amount),
  costPerKg: required(amount),
  departures: optional(listOf(departureTime)),
  days: optional(listOf(weekday, 'must list at least one weekday')),
  cutoffMinutes: optional(minutes),
  co2KgPerKg: optional(amount),
  capacityPerDeparture: optional(capacity),
  capacityKgPerDeparture: optional(numberWithin({ above: 0 })),
};

const DOCUMENT_FIELDS: FieldTable<NetworkDocument> = {
  name: required(text),
  hubs: required(listOf(record(HUB_FIELDS), 'must list at least one hub')),
  legs: required(listOf(record(LEG_FIELDS))),
};

const checkDocument = record(DOCUMENT_FIELDS);

/**
 * Reports every id of `list` seen before in it; returns the first index of
 * each string id, or undefined when `list` is not an array.
 */
function indexIds(list: unknown, path: string, noun: string, problems: Problem[]): Map<string, number> | undefined {
  if (!Array.isArray(list)) return undefined;
  const firstAt = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    if (!isPlainObject(item) || typeof item.id !== 'string') return;
    const first = firstAt.get(item.id);
    if (first === undefined) firstAt.set(item.id, index);
    else
      problems.push({
        path: `${path}/${index}/id`,
        message: `duplicate ${noun} id '${item.id}' (first at ${path}/${first})`,
      });
  });
  return firstAt;
}

/** Reports legs whose ends are not hubs of the document, or the same hub. */
function checkLegEnds(legs: unknown[], hubIds: ReadonlyMap<string, number>, problems: Problem[]): void {
  legs.forEach((leg: unknown, index) => {
    if (!isPlainObject(leg)) return;
    for (const end of ['from', 'to'] as const) {
      const hubId = leg[end];
      if (typeof hubId === 'string' && hubId.trim() !== '' && !hubIds.has(hubId)) {
        problems.push({ path: `/legs/${index}/${end}`, message: `unknown hub '${hubId}'` });
      }
    }
    if (typeof leg.to === 'string' && leg.to === leg.from) {
      problems.push({
        path: `/legs/${index}/to`,
        message: `same hub as 'from' ('${leg.to}'): a leg must join two different hubs`,
      });
    }
  });
}

/**
 * Validates an untrusted network document. On success returns a clean copy
 * holding only the known fields; the input is never modified.
 */
export function validateNetwork(input: unknown): NetworkValidation {
  const problems: Problem[] = [];
  const copy = checkDocument(input, '', problems);
  if (isPlainObject(copy)) {
    const hubIds = indexIds(copy.hubs, '/hubs', 'hub', problems);
    indexIds(copy.legs, '/legs', 'leg', problems);
    if (hubIds !== undefined && Array.isArray(copy.legs)) checkLegEnds(copy.legs, hubIds, problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, network: copy as NetworkDocument };
}
