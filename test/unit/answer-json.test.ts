/**
 * answerJson against JSON.stringify(toRouteResponse(...)) on answers of random
 * networks: many weights per query, with and without parcelId; with the answer
 * cache (answers kept, itineraries shared across weights, so that most texts come
 * from a template made for another weight of the same itinerary) and without it
 * (answers only serialised).
 */
import { answerJson } from '../../src/api/answer-json';
import { toRouteResponse } from '../../src/api/route-response';
import { AppError } from '../../src/errors';
import { prepareNetwork } from '../../src/routing/prepare';
import { Router } from '../../src/routing/router';
import { createRng } from '../../src/synthetic/prng';
import { randomNetwork } from '../support/random-network';
import { randomCase } from '../support/random-query';

describe('answerJson on random answers', () => {
  it('writes the text JSON.stringify writes, for every weight of an itinerary', () => {
    const rng = createRng(77);
    let answers = 0;
    let sharedItinerary = 0;
    for (let n = 0; n < 200; n++) {
      const doc = randomNetwork(rng);
      // Half the networks with the answer cache (answers kept, texts and templates kept by them), half without.
      const kept = n % 2 === 0;
      const router = new Router(prepareNetwork(doc), [], { cacheSize: kept ? 1000 : 0 });
      const { query } = randomCase(rng, doc);
      let first;
      for (let w = 0; w < 10; w++) {
        const weightKg = rng.chance(0.5) ? rng.int(1, 60) / 4 : rng.float(0.01, 50);
        let answer;
        try {
          answer = router.route({ ...query, weightKg });
        } catch (error) {
          if (error instanceof AppError && error.code === 'NO_ROUTE') break;
          throw error;
        }
        expect(answer.kept).toBe(kept);
        first ??= answer;
        if (answer !== first && answer.itinerary === first.itinerary) sharedItinerary++;
        const parcelId = rng.chance(0.5) ? `P-${n}-${w}` : undefined;
        const version = rng.chance(0.9) ? 'v1' : 'v2';
        expect(answerJson(answer, version, parcelId)).toBe(JSON.stringify(toRouteResponse(answer, version, parcelId)));
        answers++;
      }
    }
    expect(answers).toBeGreaterThan(1000);
    expect(sharedItinerary).toBeGreaterThan(200);
  });
});
