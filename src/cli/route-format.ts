/** One route answer (POST /v1/routes) as a few readable lines, for the CLI. */
import type { RouteResponse } from '../wire/route';

export function formatRoute(answer: RouteResponse): string {
  const { route } = answer;
  const lines = [
    `${route.hubs[0]} → ${route.hubs[route.hubs.length - 1]} · ${answer.serviceLevel} · network ${answer.networkVersion}`,
    `  depart ${time(route.departAt)}   arrive ${time(route.arriveAt)}   (${duration(route.transitMinutes)} after hand-in)`,
    `  deadline ${time(answer.deadline)}: ${answer.meetsDeadline ? `met, ${duration(answer.slackMinutes)} to spare` : `missed by ${duration(-answer.slackMinutes)}`}`,
    `  cost ${money(route.cost)} · CO2 ${route.co2Kg.toFixed(2)} kg · ${route.legs.length} ${route.legs.length === 1 ? 'leg' : 'legs'} via ${route.hubs.join(' → ')}`,
  ];
  route.legs.forEach((leg, i) => {
    lines.push(
      `  ${i + 1}. ${leg.legId}  ${leg.from} → ${leg.to}  ${leg.mode}, ${leg.carrier}  ` +
        `dep ${time(leg.departAt)}  arr ${time(leg.arriveAt)}  cost ${money(leg.cost)}`,
    );
  });
  return lines.join('\n');
}

/** 2026-11-24T08:00:00Z → "2026-11-24 08:00Z". */
function time(iso: string): string {
  return iso.replace('T', ' ').replace(/:00Z$/, 'Z');
}

/** 1230 → "20 h 30 min". */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

function money(amount: number): string {
  return amount.toFixed(2);
}
