/**
 * `parcel-route tours <file.json> [--json]`: sends a POST /v1/tours body from a
 * file and prints the tours readably (or the answer as it came, with --json).
 */
import { readFile } from 'node:fs/promises';
import type { ToursAnswer } from '../wire/tours';
import { callJson, CliError, type ApiTarget } from './api-client';

export interface ToursOptions {
  file: string;
  json?: boolean;
}

export async function toursCommand(
  target: ApiTarget,
  options: ToursOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<ToursAnswer> {
  const body = await readFile(options.file).catch((err: Error) => {
    throw new CliError(`cannot read ${options.file}: ${err.message}`);
  });
  const answer = await callJson<ToursAnswer>(target, '/v1/tours', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  out.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : formatTours(answer));
  return answer;
}

export function formatTours(answer: ToursAnswer): string {
  const { summary: s } = answer;
  const km = (m: number | undefined) => (m === undefined ? '–' : `${(m / 1000).toFixed(1)} km`);
  const co2 = (kg: number | null) => (kg === null ? '–' : `${kg.toFixed(2)} kg CO2`);
  const hours = (sec: number) =>
    `${Math.floor(sec / 3600)} h ${String(Math.round((sec % 3600) / 60)).padStart(2, '0')} min`;
  const lines = [
    `${s.routes} route${s.routes === 1 ? '' : 's'} · ${km(s.distance)} · ${hours(s.duration)} driving · ${co2(s.co2Kg)} (${co2(s.dieselCo2Kg)} with diesel vans) · ${s.unassigned} unassigned`,
    `  in list order instead: ${km(s.naive.distance)} · ${hours(s.naive.duration)} driving · ${co2(s.naive.co2Kg)} · ${s.naive.unassigned} unassigned`,
  ];
  for (const route of answer.routes) {
    const jobs = route.steps.filter((step) => step.type === 'job').map((step) => String(step.id));
    lines.push(
      `  vehicle ${route.vehicle} (${route.profile}): ${km(route.distance)}, ${hours(route.duration)} driving, ${co2(route.co2Kg)}: ${jobs.join(' → ')}`,
    );
  }
  for (const job of answer.unassigned) lines.push(`  job ${job.id} unassigned: ${job.reason} (${job.description})`);
  return `${lines.join('\n')}\n`;
}
