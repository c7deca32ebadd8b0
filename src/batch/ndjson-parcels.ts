/**
 * An NDJSON body, read as it streams in, as parcels: one per non-blank line,
 * handed on in groups (one per piece of the body that arrived) so that no more
 * than a piece and one partial line are held at a time. A line longer than
 * maxLineBytes is not kept: it becomes a `tooLong` parcel, and its bytes are
 * skipped up to the next newline.
 */
import type { RawParcel } from './parcel-intake';

const NEWLINE = 0x0a;
const BLANK = /^\s*$/;

export async function* ndjsonParcels(
  body: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<RawParcel[]> {
  const line = new PartialLine(maxLineBytes);
  for await (const piece of body) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    const parcels: RawParcel[] = [];
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      line.append(bytes.subarray(start, end));
      line.end(parcels);
      start = end + 1;
    }
    line.append(bytes.subarray(start));
    if (parcels.length) yield parcels;
  }
  const last: RawParcel[] = [];
  line.end(last);
  if (last.length) yield last;
}

/** The bytes of the line being read, or the note that it is over the limit. */
class PartialLine {
  private parts: Buffer[] = [];
  private bytes = 0;
  private tooLong = false;

  constructor(private readonly maxBytes: number) {}

  append(part: Buffer): void {
    if (this.tooLong || part.length === 0) return;
    this.bytes += part.length;
    if (this.bytes > this.maxBytes) {
      this.tooLong = true;
      this.parts = [];
    } else this.parts.push(part);
  }

  /** Ends the line: adds its parcel to `out` unless it is blank. */
  end(out: RawParcel[]): void {
    if (this.tooLong) out.push({ tooLong: true });
    else if (this.parts.length) {
      const text = (this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts)).toString('utf8');
      if (!BLANK.test(text)) out.push({ text });
    }
    this.parts = [];
    this.bytes = 0;
    this.tooLong = false;
  }
}
