/**
 * bench:tours — the tour solver on the X (CVRPLIB) and Solomon (VRPTW) instances
 * of bench/data/vrp/, against their best-known costs, with Clarke–Wright savings
 * side by side in the same run. For each instance: the savings baseline, then the
 * solver at 10 s and at n/10 s (n customers), seed 1, one instance at a time. The
 * solver is called as POST /v1/tours calls it in its pool thread: the instance as
 * a VROOM body (matrices, no coordinates), its answer's summary.cost compared.
 * Gap = (cost − best known) / best known. Last line: one JSON object of every figure.
 *
 *   npm run bench:tours [-- <instance>…] [--quick]   (--quick: the 10 s runs only)
 */
import { clarkeWright } from './support/clarke-wright';
import { round } from './support/stats';
import { listInstances, readInstance, type VrpInstance } from './support/vrp-instances';
import { routesCost } from './support/vrp-problem';
import { instanceRequest } from './support/vrp-request';
import { solveToursBody } from '../src/api/tours/solve-request';

interface Run {
  cost: number;
  gap: number;
  seconds: number;
  iterations?: number;
  routes: number;
}

function gap(instance: VrpInstance, cost: number): number {
  return (cost - instance.bestKnown) / instance.bestKnown;
}

function solverRun(instance: VrpInstance, seconds: number): Run {
  const body = JSON.parse(JSON.stringify(instanceRequest(instance, seconds))) as unknown;
  const started = performance.now();
  const answer = solveToursBody(body, new Map(), { defaultSeconds: seconds, maxSeconds: seconds });
  const elapsed = (performance.now() - started) / 1000;
  if (answer.unassigned.length) throw new Error(`${instance.name}: ${answer.unassigned.length} customers unassigned`);
  const routes = answer.routes.map((route) => route.steps.filter((s) => s.type === 'job').map((s) => Number(s.id) - 1));
  const cost = routesCost(instance, routes);
  if (cost !== answer.summary.cost)
    throw new Error(`${instance.name}: the answer says ${answer.summary.cost}, its routes cost ${cost}`);
  return {
    cost,
    gap: gap(instance, cost),
    seconds: elapsed,
    iterations: answer.summary.iterations,
    routes: answer.routes.length,
  };
}

function savingsRun(instance: VrpInstance): Run {
  const started = performance.now();
  const routes = clarkeWright(instance);
  const cost = routesCost(
    instance,
    routes.map((r) => r.map((c) => c - 1)),
  );
  return { cost, gap: gap(instance, cost), seconds: (performance.now() - started) / 1000, routes: routes.length };
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

function main(): void {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const names = args.filter((a) => !a.startsWith('--'));
  const rows: Record<string, unknown>[] = [];
  console.log('| instance | n | best known | savings gap | 10 s gap | 10 s iterations | n/10 s | n/10 s gap |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const name of names.length ? names : listInstances()) {
    const instance = readInstance(name);
    const savings = savingsRun(instance);
    const ten = solverRun(instance, 10);
    const scaledSeconds = instance.customers / 10;
    const scaled = quick ? undefined : scaledSeconds === 10 ? ten : solverRun(instance, scaledSeconds);
    rows.push({
      name,
      kind: instance.kind,
      n: instance.customers,
      bestKnown: instance.bestKnown,
      savings,
      ten,
      scaled,
    });
    console.log(
      `| ${name} | ${instance.customers} | ${instance.bestKnown} | ${pct(savings.gap)} | ${pct(ten.gap)} | ${ten.iterations} | ${round(scaledSeconds, 1)} s | ${scaled ? pct(scaled.gap) : '–'} |`,
    );
  }
  const mean = (kind: string, pick: (row: Record<string, unknown>) => Run | undefined) => {
    const runs = rows
      .filter((r) => r.kind === kind)
      .map(pick)
      .filter((r): r is Run => r !== undefined);
    return runs.length ? round(runs.reduce((sum, r) => sum + r.gap, 0) / runs.length, 5) : null;
  };
  const summary: Record<string, unknown> = {};
  for (const kind of ['X', 'solomon']) {
    summary[kind] = {
      savings: mean(kind, (r) => r.savings as Run),
      tenSeconds: mean(kind, (r) => r.ten as Run),
      scaled: mean(kind, (r) => r.scaled as Run | undefined),
    };
    console.log(
      `mean gap ${kind}: savings ${pct(Number((summary[kind] as { savings: number }).savings))}, 10 s ${pct(Number((summary[kind] as { tenSeconds: number }).tenSeconds))}`,
    );
  }
  console.log(JSON.stringify({ scenario: 'tours', summary, rows }));
}

main();
