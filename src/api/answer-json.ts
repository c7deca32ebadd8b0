/**
 * The JSON text of a route answer (CONTRACT §3), as POST /v1/routes sends it
 * and as each batch result line holds it: the same text as
 * JSON.stringify(toRouteResponse(answer, networkVersion, parcelId)).
 *
 * When the router keeps answers (its answer cache, `RouteAnswer.kept`), it hands
 * out the same answer object for the same query and weight: its text (without
 * parcelId) is kept beside it. Answers for
 * one query at other weights share an itinerary and differ only in their
 * amounts (the route's and each leg's cost and co2Kg), so the text is also kept
 * per itinerary as a template with those amounts left out: a new weight costs a
 * few concatenations instead of building and serialising the response. Both
 * are WeakMaps, which let go with the router's cache entries. A template is
 * made for the second answer of an itinerary, not the first: making one costs
 * two serialisations, which most itineraries never pay back when parcels are
 * all distinct (3× a plain JSON.stringify per answer on the 2,000-hub network).
 * It is checked once, when it is made, against the serialised answer it was
 * made from; one that does not reproduce it is not used. An answer the router
 * does not keep is only serialised: keeping anything by it would cost WeakMap
 * entries (about 5 µs an answer on the 2,000-hub network) and never be used.
 */
import type { Itinerary, RouteAnswer } from '../routing/types';
import { toRouteResponse } from './route-response';

/** The text around the amounts: head (after the opening brace), then one piece after each amount. */
interface Template {
  head: string;
  pieces: string[];
}

const GAP = '\u0000';
const GAP_JSON = JSON.stringify(GAP);
/** Per itinerary and network version: its template once a second answer took it; null = none reproduces it. */
const templates = new WeakMap<Itinerary, { networkVersion: string; template?: Template | null }>();
/** An answer's text after the opening brace, and the network version it names. */
const texts = new WeakMap<RouteAnswer, { networkVersion: string; tail: string }>();

export function answerJson(answer: RouteAnswer, networkVersion: string, parcelId?: string): string {
  if (!answer.kept) return JSON.stringify(toRouteResponse(answer, networkVersion, parcelId));
  let text = texts.get(answer);
  if (text?.networkVersion !== networkVersion) {
    text = { networkVersion, tail: tailOf(answer, networkVersion) };
    texts.set(answer, text);
  }
  // parcelId comes first in toRouteResponse's object, so it goes in front.
  return parcelId === undefined ? `{${text.tail}` : `{"parcelId":${JSON.stringify(parcelId)},${text.tail}`;
}

function tailOf(answer: RouteAnswer, networkVersion: string): string {
  const known = templates.get(answer.itinerary);
  if (known?.networkVersion !== networkVersion) {
    templates.set(answer.itinerary, { networkVersion });
    return serialised(answer, networkVersion);
  }
  if (known.template === undefined) {
    const text = serialised(answer, networkVersion);
    known.template = makeTemplate(answer, networkVersion, text);
    return text;
  }
  return known.template ? fill(known.template, answer) : serialised(answer, networkVersion);
}

/** The answer's text after the opening brace, by JSON.stringify. */
function serialised(answer: RouteAnswer, networkVersion: string): string {
  return JSON.stringify(toRouteResponse(answer, networkVersion)).slice(1);
}

/** Amounts are finite numbers, which JSON writes as String() does. */
function fill({ head, pieces }: Template, { route }: RouteAnswer): string {
  let text = `${head}${route.cost}${pieces[0]}${route.co2Kg}${pieces[1]}`;
  for (let i = 0, p = 2; i < route.legs.length; i++, p += 2) {
    text += `${route.legs[i].cost}${pieces[p]}${route.legs[i].co2Kg}${pieces[p + 1]}`;
  }
  return text;
}

/** The template of `answer`'s itinerary, if it reproduces `text`, the answer's own serialisation. */
function makeTemplate(answer: RouteAnswer, networkVersion: string, text: string): Template | null {
  const { route } = answer;
  const gapped = {
    ...answer,
    route: { ...route, cost: GAP, co2Kg: GAP, legs: route.legs.map((leg) => ({ ...leg, cost: GAP, co2Kg: GAP })) },
  } as unknown as RouteAnswer;
  const [first, ...pieces] = JSON.stringify(toRouteResponse(gapped, networkVersion)).split(GAP_JSON);
  const template = { head: first.slice(1), pieces };
  return pieces.length === 2 + 2 * route.legs.length && fill(template, answer) === text ? template : null;
}
