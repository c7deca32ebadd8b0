/**
 * What travels in one queued job: a chunk of a batch's parcels, each with the id
 * its result line will carry. A parcel the API already knows to be bad (not
 * JSON, a duplicate id, a line over the size limit) travels as its error, so
 * that it still gets exactly one result line, in its place.
 */
import type { ErrorCode } from '../errors';

export interface ParcelError {
  code: ErrorCode;
  message: string;
}

export type ChunkEntry =
  /** `request` is the parcel as received; the worker validates it. */
  { id: string; request: unknown } | { id: string; error: ParcelError };

export interface ChunkJobData {
  batchId: string;
  /** Position of the chunk in the batch, from 0. */
  chunk: number;
  /** The submitting request's id, for log correlation. */
  requestId: string;
  /** POST /v1/batches?book=true: every parcel is booked, not only routed. */
  book?: boolean;
  entries: ChunkEntry[];
}

/** The job id of a chunk: adding the same chunk twice is a no-op in BullMQ. */
export function chunkJobId(batchId: string, chunk: number): string {
  return `${batchId}.${chunk}`;
}
