/**
 * The benchmark instances of bench/data/vrp/ (CVRPLIB's X set and Solomon's
 * VRPTW set): parsed, their integer distance matrices built by each set's
 * convention (X: Euclidean rounded; Solomon: DIMACS, truncated to one decimal, ×10
 * with every time), and their best-known costs read from the .sol files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/config';

export interface VrpInstance {
  name: string;
  kind: 'X' | 'solomon';
  /** Customers; location 0 is the depot, customer c is location c. */
  customers: number;
  x: number[];
  y: number[];
  demand: number[];
  capacity: number;
  vehicles: number;
  /** Solomon only (×10): ready time, due date, service time per location. */
  ready?: number[];
  due?: number[];
  service?: number[];
  /** (customers + 1)² distances, row by row, in the set's integer convention. */
  matrix: Int32Array;
  /** In the same convention (Solomon ×10). */
  bestKnown: number;
}

export const VRP_DIR = join(packageRoot(), 'bench', 'data', 'vrp');

export function listInstances(): string[] {
  return readdirSync(VRP_DIR)
    .filter((f) => f.endsWith('.vrp') || f.endsWith('.txt'))
    .map((f) => f.replace(/\.(vrp|txt)$/, ''))
    .sort(
      (a, b) => Number(a.startsWith('X')) - Number(b.startsWith('X')) || a.localeCompare(b, 'en', { numeric: true }),
    );
}

export function readInstance(name: string): VrpInstance {
  const solution = readFileSync(join(VRP_DIR, `${name}.sol`), 'utf8');
  const cost = Number(/Cost\s+([\d.]+)/.exec(solution)?.[1]);
  return name.startsWith('X') ? readX(name, cost) : readSolomon(name, Math.round(cost * 10));
}

function readX(name: string, bestKnown: number): VrpInstance {
  const text = readFileSync(join(VRP_DIR, `${name}.vrp`), 'utf8');
  const size = Number(/DIMENSION\s*:\s*(\d+)/.exec(text)?.[1]);
  const capacity = Number(/CAPACITY\s*:\s*(\d+)/.exec(text)?.[1]);
  const section = (title: string) => {
    const start = text.indexOf(title) + title.length;
    return text
      .slice(start)
      .trim()
      .split('\n')
      .slice(0, size)
      .map((line) => line.trim().split(/\s+/).map(Number));
  };
  const coords = section('NODE_COORD_SECTION');
  const demand = section('DEMAND_SECTION').map((row) => row[1]);
  const x = coords.map((row) => row[1]);
  const y = coords.map((row) => row[2]);
  const matrix = buildMatrix(x, y, (dx, dy) => Math.round(Math.sqrt(dx * dx + dy * dy)));
  const k = Number(/-k(\d+)/.exec(name)?.[1]);
  return { name, kind: 'X', customers: size - 1, x, y, demand, capacity, vehicles: 2 * k, matrix, bestKnown };
}

function readSolomon(name: string, bestKnown: number): VrpInstance {
  const lines = readFileSync(join(VRP_DIR, `${name}.txt`), 'utf8').split('\n');
  const fleetLine = lines.findIndex((line) => /NUMBER\s+CAPACITY/.test(line)) + 1;
  const [vehicles, capacity] = lines[fleetLine].trim().split(/\s+/).map(Number);
  const rows = lines
    .slice(lines.findIndex((line) => line.startsWith('CUST')) + 1)
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row) => row.length === 7);
  const x = rows.map((r) => r[1]);
  const y = rows.map((r) => r[2]);
  const matrix = buildMatrix(x, y, (dx, dy) => Math.floor(10 * Math.sqrt(dx * dx + dy * dy)));
  return {
    name,
    kind: 'solomon',
    customers: rows.length - 1,
    x,
    y,
    demand: rows.map((r) => r[3]),
    capacity,
    vehicles,
    ready: rows.map((r) => r[4] * 10),
    due: rows.map((r) => r[5] * 10),
    service: rows.map((r) => r[6] * 10),
    matrix,
    bestKnown,
  };
}

function buildMatrix(x: number[], y: number[], distance: (dx: number, dy: number) => number): Int32Array {
  const size = x.length;
  const matrix = new Int32Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) matrix[i * size + j] = distance(x[i] - x[j], y[i] - y[j]);
  return matrix;
}

/** The instance as rows of its matrix (for a tours request or a problem). */
export function matrixRows(instance: VrpInstance): number[][] {
  const size = instance.customers + 1;
  return Array.from({ length: size }, (_, i) => Array.from(instance.matrix.subarray(i * size, (i + 1) * size)));
}
