/**
 * How a chunk's result lines are stored: Brotli at quality 1. Route answers
 * repeat hub ids, carriers and field names, so this keeps a small share of the
 * bytes for little CPU, spent on libuv's thread pool rather than the event loop.
 */
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
import { promisify } from 'node:util';

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

const OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 1,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

export function encodeLines(lines: string): Promise<Buffer> {
  return compress(lines, OPTIONS);
}

export function decodeLines(stored: Buffer): Promise<Buffer> {
  return decompress(stored);
}
