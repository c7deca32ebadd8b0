#!/usr/bin/env node
/**
 * `parcel-route`: the ops CLI. Talks to a running service over HTTP.
 *
 *   parcel-route batch parcels.ndjson --out results.ndjson [--idempotency-key K]
 *   parcel-route route HGH SVO [--level express] [--weight 1] [--ready ISO] [--deadline ISO]
 *   parcel-route tours tours.json [--json]
 *
 * Everywhere: --url (default $PARCEL_ROUTE_URL, else http://127.0.0.1:3000) and
 * --api-key (default $PARCEL_ROUTE_API_KEY). Exit code 0 on success, 1 on an
 * error, 2 for a batch that finished `failed`.
 */
import { parseArgs } from 'node:util';
import { CliError, type ApiTarget } from './api-client';
import { batchCommand } from './batch-command';
import { routeCommand } from './route-command';
import { toursCommand } from './tours-command';

const USAGE = `usage:
  parcel-route batch <parcels.ndjson> --out <results.ndjson> [--idempotency-key <key>]
  parcel-route route <origin> <destination> [--level express|standard|economy|green] [--weight <kg>] [--ready <ISO time>] [--deadline <ISO time>]
  parcel-route tours <request.json> [--json]   (a POST /v1/tours body; --json prints the answer as it came)
options for all: --url <service URL> (default $PARCEL_ROUTE_URL or http://127.0.0.1:3000), --api-key <key> (default $PARCEL_ROUTE_API_KEY)`;

const OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  out: { type: 'string', short: 'o' },
  'idempotency-key': { type: 'string' },
  level: { type: 'string', short: 'l' },
  weight: { type: 'string', short: 'w' },
  ready: { type: 'string' },
  deadline: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  const target: ApiTarget = {
    url: values.url ?? process.env.PARCEL_ROUTE_URL ?? 'http://127.0.0.1:3000',
    apiKey: values['api-key'] ?? process.env.PARCEL_ROUTE_API_KEY,
  };
  if (command === 'batch') {
    if (args.length !== 1 || !values.out) throw new CliError(`batch takes one file and --out\n${USAGE}`);
    const status = await batchCommand(target, {
      file: args[0],
      out: values.out,
      idempotencyKey: values['idempotency-key'],
    });
    return status.state === 'completed' ? 0 : 2;
  }
  if (command === 'route') {
    if (args.length !== 2) throw new CliError(`route takes an origin and a destination\n${USAGE}`);
    const weightKg = Number(values.weight ?? '1');
    if (!(weightKg > 0)) throw new CliError(`--weight must be a number of kg above 0 (got '${values.weight}')`);
    await routeCommand(target, {
      origin: args[0],
      destination: args[1],
      level: values.level,
      weightKg,
      readyAt: values.ready,
      deadline: values.deadline,
    });
    return 0;
  }
  if (command === 'tours') {
    if (args.length !== 1) throw new CliError(`tours takes one file\n${USAGE}`);
    await toursCommand(target, { file: args[0], json: values.json });
    return 0;
  }
  throw new CliError(`unknown command '${command}'\n${USAGE}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const known = err instanceof CliError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`parcel-route: ${known ? (err as Error).message : String((err as Error).stack ?? err)}\n`);
    process.exitCode = 1;
  },
);
