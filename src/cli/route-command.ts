/** `parcel-route route <origin> <destination> [--level] [--weight] [--ready] [--deadline]`: one route, readably. */
import type { RouteResponse } from '../wire/route';
import { callJson, type ApiTarget } from './api-client';
import { formatRoute } from './route-format';

export interface RouteOptions {
  origin: string;
  destination: string;
  level?: string;
  weightKg: number;
  readyAt?: string;
  deadline?: string;
}

export async function routeCommand(
  target: ApiTarget,
  options: RouteOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const request = {
    origin: options.origin,
    destination: options.destination,
    weightKg: options.weightKg,
    ...(options.level && { serviceLevel: options.level }),
    ...(options.readyAt && { readyAt: options.readyAt }),
    ...(options.deadline && { deadline: options.deadline }),
  };
  const answer = await callJson<RouteResponse>(target, '/v1/routes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  out.write(`${formatRoute(answer)}\n`);
}
