/**
 * Random networks where exact ties are the rule: a coarse grid of hubs whose legs
 * in one direction all cost, emit and take the same, on the same timetable, so
 * that every monotone path across the grid ties; some legs have parallel twins
 * that differ only in id and carrier. Leg ids are random short strings, some the
 * prefix of another, so that the canonical order (the routing rules (docs/api.md, What a route is): the smallest list
 * of leg ids) has nothing to do with the order of the document.
 */
import { hhmm } from '../../src/routing/time';
import type { Hub, Leg, NetworkDocument, RouteQuery } from '../../src/routing/types';
import { SERVICE_LEVELS } from '../../src/routing/types';
import type { Rng } from '../../src/synthetic/prng';
import { WEEK_START } from './week';

const ID_ALPHABET = ['a', 'b', 'c', 'A', 'B', '0', '1', '-'];

/** Unique ids of 1–3 characters: many are prefixes of others, and upper case sorts before lower. */
function idMaker(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      let id = '';
      for (let n = rng.int(1, 3); n > 0; n--) id += rng.pick(ID_ALPHABET);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

interface Direction {
  durationMinutes: number;
  costPerParcel: number;
  costPerKg: number;
  co2KgPerKg: number;
  departures?: string[];
}

function direction(rng: Rng): Direction {
  const quarter = (max: number): number => rng.int(0, max * 4) / 4;
  const d: Direction = {
    durationMinutes: rng.int(1, 8) * 30,
    costPerParcel: quarter(2),
    costPerKg: quarter(1),
    co2KgPerKg: quarter(1),
  };
  // Every two hours on the hour, or a continuous shuttle: either way tied paths arrive together.
  if (rng.chance(0.4)) d.departures = Array.from({ length: 12 }, (_, i) => hhmm(i * 120));
  return d;
}

export function tieHeavyNetwork(rng: Rng): NetworkDocument {
  const rows = rng.int(2, 3);
  const cols = rng.int(3, 4);
  const sortMinutes = rng.int(0, 2) * 30;
  const handlingCost = rng.int(0, 2) / 4;
  const hubs: Hub[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      hubs.push({
        id: `G${r}${c}`,
        name: `Grid ${r}/${c}`,
        country: 'CN',
        lat: 30 + r,
        lon: 110 + c,
        sortMinutes,
        handlingCost,
      });
    }
  }
  const nextId = idMaker(rng);
  const east = direction(rng);
  const south = direction(rng);
  const west = direction(rng);
  const north = direction(rng);
  const legs: Leg[] = [];
  const add = (from: string, to: string, d: Direction): void => {
    const copies = rng.chance(0.45) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      legs.push({ id: nextId(), from, to, mode: 'truck', carrier: rng.pick(['ZTO', 'YTO', 'Best']), ...d });
    }
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) add(`G${r}${c}`, `G${r}${c + 1}`, east);
      if (r + 1 < rows) add(`G${r}${c}`, `G${r + 1}${c}`, south);
      // Fewer legs back, so that routes across the grid are mostly monotone, and tied.
      if (c > 0 && rng.chance(0.5)) add(`G${r}${c}`, `G${r}${c - 1}`, west);
      if (r > 0 && rng.chance(0.5)) add(`G${r}${c}`, `G${r - 1}${c}`, north);
    }
  }
  // Now and then a dearer, faster diagonal, so that the levels choose differently.
  if (rng.chance(0.5)) add('G00', `G${rows - 1}${cols - 1}`, { ...direction(rng), costPerParcel: 5 });
  // The document order says nothing about the ids.
  for (let i = legs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [legs[i], legs[j]] = [legs[j]!, legs[i]!];
  }
  return { name: 'tie-heavy', hubs, legs };
}

/** Row and column of a grid hub, from its id. */
function cell(id: string): [number, number] {
  return [Number(id[1]), Number(id[2])];
}

/**
 * A query on the grid of half hours and half kilograms, at any level, from `origin`
 * (random by default), mostly to a hub below and to the right of it, where tied routes are many.
 */
export function tieHeavyQuery(
  rng: Rng,
  doc: NetworkDocument,
  origin = rng.pick(doc.hubs).id,
  readyAt?: number,
): RouteQuery {
  const [row, col] = cell(origin);
  const others = doc.hubs.filter((h) => h.id !== origin);
  const across = others.filter((h) => cell(h.id)[0] >= row && cell(h.id)[1] >= col);
  return {
    origin,
    destination: rng.pick(across.length > 0 && rng.chance(0.8) ? across : others).id,
    weightKg: rng.int(1, 20) / 2,
    readyAt: readyAt ?? WEEK_START + rng.int(0, 3 * 24) * 60 + 30,
    serviceLevel: rng.pick(SERVICE_LEVELS),
  };
}
