/**
 * `parcel-route batch <parcels.ndjson> --out <results.ndjson>`: streams the file
 * to POST /v1/batches (never read whole), shows the batch's progress on stderr
 * until it is finished, then streams its results into the out file.
 */
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReadableStream } from 'node:stream/web';
import type { BatchAccepted, BatchStatusBody } from '../wire/batch';
import { call, callJson, CliError, type ApiTarget } from './api-client';
import { ProgressBar } from './progress-bar';

const POLL_MS = 500;

export interface BatchOptions {
  file: string;
  out: string;
  idempotencyKey?: string;
}

/** Resolves with the batch's final status; its state is completed or failed. */
export async function batchCommand(
  target: ApiTarget,
  options: BatchOptions,
  log: NodeJS.WriteStream = process.stderr,
): Promise<BatchStatusBody> {
  // Started first: its rate counts from the upload on.
  const bar = new ProgressBar(log);
  await access(options.file, constants.R_OK).catch((err: Error) => {
    throw new CliError(`cannot read ${options.file}: ${err.message}`);
  });
  const body = Readable.toWeb(createReadStream(options.file)) as unknown as RequestInit['body'];
  const accepted = await callJson<BatchAccepted>(target, '/v1/batches', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-ndjson',
      ...(options.idempotencyKey && { 'idempotency-key': options.idempotencyKey }),
    },
    body,
    duplex: 'half',
  });
  log.write(`batch ${accepted.batchId}: ${accepted.total.toLocaleString('en-US')} parcels queued\n`);

  let status: BatchStatusBody;
  for (;;) {
    status = await callJson<BatchStatusBody>(target, accepted.statusUrl);
    const finished = status.state === 'completed' || status.state === 'failed';
    bar.update(
      { done: status.routed + status.failed, total: status.total, routed: status.routed, failed: status.failed },
      finished,
    );
    if (finished) break;
    await sleep(POLL_MS);
  }

  const results = await call(target, accepted.resultsUrl);
  if (!results.body) throw new CliError('the results answer has no body');
  await pipeline(Readable.fromWeb(results.body as ReadableStream<Uint8Array>), createWriteStream(options.out));
  log.write(`batch ${accepted.batchId} ${status.state}: results in ${options.out}\n`);
  return status;
}
