/** The parcels of a JSON `{"parcels": […]}` body, handed on in groups as NDJSON ones are. */
import type { RawParcel } from './parcel-intake';

const GROUP = 1000;

export async function* jsonParcels(parcels: readonly unknown[]): AsyncGenerator<RawParcel[]> {
  for (let start = 0; start < parcels.length; start += GROUP) {
    yield parcels.slice(start, start + GROUP).map((value) => ({ value }));
  }
}
