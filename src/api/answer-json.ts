/**
 * The JSON text of a route answer (CONTRACT §3), as POST /v1/routes sends it
 * and as each batch result line holds it: the same text as
 * JSON.stringify(toRouteResponse(answer, networkVersion, parcelId)), written
 * directly instead of building that object and serialising it (≈ 5 µs against
 * ≈ 12 µs for the 2.3 KB answer of a long route). The strings in it are
 * network ids, carriers and modes, which repeat from answer to answer: each is
 * quoted once and kept. Numbers are written as String() writes them, which is
 * what JSON.stringify does for finite numbers.
 *
 * When the router keeps answers (its answer cache, `RouteAnswer.kept`), it hands
 * out the same answer object for the same query and weight: its text (without
 * parcelId) is then kept beside it, in a WeakMap that lets go with the cache entry.
 * Answers not kept are only written: keeping anything by them would cost WeakMap
 * entries (about 5 µs an answer on the 2,000-hub network) and never be used.
 */
import type { RouteAnswer, RouteLeg } from '../routing/types';
import { minutesToIso } from './time';

/** Quoted strings kept, beyond which the table starts again (a network's ids number in the tens of thousands). */
const MAX_QUOTED = 100_000;
const quotedStrings = new Map<string, string>();
/** A kept answer's text after the opening brace, and the network version it names. */
const texts = new WeakMap<RouteAnswer, { networkVersion: string; tail: string }>();

export function answerJson(answer: RouteAnswer, networkVersion: string, parcelId?: string): string {
  if (!answer.kept) return withParcelId(tailOf(answer, networkVersion), parcelId);
  let text = texts.get(answer);
  if (text?.networkVersion !== networkVersion) {
    text = { networkVersion, tail: tailOf(answer, networkVersion) };
    texts.set(answer, text);
  }
  return withParcelId(text.tail, parcelId);
}

/** parcelId comes first in toRouteResponse's object, so it goes in front of the tail. */
function withParcelId(tail: string, parcelId: string | undefined): string {
  return parcelId === undefined ? `{${tail}` : `{"parcelId":${JSON.stringify(parcelId)},${tail}`;
}

/** The answer's text after the opening brace, field by field in toRouteResponse's order. */
function tailOf(answer: RouteAnswer, networkVersion: string): string {
  const { route } = answer;
  let text =
    `"networkVersion":${quoted(networkVersion)},"serviceLevel":${quoted(answer.serviceLevel)},` +
    `"deadline":"${minutesToIso(answer.deadline)}","meetsDeadline":${answer.meetsDeadline},` +
    `"slackMinutes":${answer.slackMinutes},"route":{"hubs":[`;
  for (let i = 0; i < route.hubs.length; i++) text += i ? `,${quoted(route.hubs[i])}` : quoted(route.hubs[i]);
  text +=
    `],"cost":${route.cost},"co2Kg":${route.co2Kg},"departAt":"${minutesToIso(route.departAt)}",` +
    `"arriveAt":"${minutesToIso(route.arriveAt)}","transitMinutes":${route.transitMinutes},"legs":[`;
  for (let i = 0; i < route.legs.length; i++) text += i ? `,${legJson(route.legs[i])}` : legJson(route.legs[i]);
  return `${text}]}}`;
}

function legJson(leg: RouteLeg): string {
  return (
    `{"legId":${quoted(leg.legId)},"from":${quoted(leg.from)},"to":${quoted(leg.to)},"mode":${quoted(leg.mode)},` +
    `"carrier":${quoted(leg.carrier)},"departAt":"${minutesToIso(leg.departAt)}","arriveAt":"${minutesToIso(leg.arriveAt)}",` +
    `"sortMinutes":${leg.sortMinutes},"waitMinutes":${leg.waitMinutes},"cost":${leg.cost},` +
    `"handlingCost":${leg.handlingCost},"co2Kg":${leg.co2Kg}}`
  );
}

function quoted(value: string): string {
  let text = quotedStrings.get(value);
  if (text === undefined) {
    if (quotedStrings.size === MAX_QUOTED) quotedStrings.clear();
    text = JSON.stringify(value);
    quotedStrings.set(value, text);
  }
  return text;
}
