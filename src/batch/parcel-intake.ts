/**
 * Each parcel of a submission, in order, becomes a ChunkEntry: its id (the one
 * given, or `<batchId>-<n>` for the n-th parcel when none is), and either the
 * request to route or the error that already rules it out. Only what the order
 * of the whole batch decides is checked here (JSON syntax, duplicate ids, line
 * size); the request itself is validated by the worker.
 */
import { MAX_PARCEL_ID_LENGTH } from '../wire/route';
import type { ChunkEntry } from './chunk-job';

/** One parcel as it arrived: an NDJSON line, a JSON array element, or a line over the size limit. */
export type RawParcel = { text: string } | { value: unknown } | { tooLong: true };

export class ParcelIntake {
  /** Parcels taken in so far. */
  count = 0;
  /** Ids given by the client; assigned ids cannot collide (see reservedPrefix). */
  private readonly seen = new Set<string>();
  /** Assigned ids start with it; a given id that does too is refused. */
  private readonly reservedPrefix: string;

  constructor(
    batchId: string,
    /** The size limit of one NDJSON line, for the error message. */
    private readonly maxLineBytes: number,
  ) {
    this.reservedPrefix = `${batchId}-`;
  }

  take(raw: RawParcel): ChunkEntry {
    this.count++;
    const assigned = `${this.reservedPrefix}${this.count}`;
    if ('tooLong' in raw) {
      const message = `the line is over the limit of ${this.maxLineBytes} bytes`;
      return { id: assigned, error: { code: 'PAYLOAD_TOO_LARGE', message } };
    }
    let request: unknown;
    if ('text' in raw) {
      try {
        request = JSON.parse(raw.text);
      } catch (err) {
        return {
          id: assigned,
          error: { code: 'VALIDATION', message: `the line is not valid JSON: ${(err as Error).message}` },
        };
      }
    } else request = raw.value;

    const given = givenId(request);
    if (given === undefined) return { id: assigned, request };
    if (this.seen.has(given) || given.startsWith(this.reservedPrefix)) {
      return {
        id: given,
        error: { code: 'VALIDATION', message: `parcelId: '${given}' is already used in this batch` },
      };
    }
    this.seen.add(given);
    return { id: given, request };
  }
}

/** The parcelId a request gives, when it is one the schema accepts. */
function givenId(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const id = (request as { parcelId?: unknown }).parcelId;
  return typeof id === 'string' && id.length >= 1 && id.length <= MAX_PARCEL_ID_LENGTH ? id : undefined;
}
