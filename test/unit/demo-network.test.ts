import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoNetwork } from '../../scripts/demo-network/build';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { NetworkDocument } from '../../src/routing/types';
import { validateNetwork } from '../../src/routing/network/validate';
import { isStronglyConnected } from '../support/reachability';
import { routeOf } from '../support/oracle-check';

const demo = JSON.parse(readFileSync(join(__dirname, '../../data/cn-global-demo.json'), 'utf8')) as NetworkDocument;

describe('the demo network data/cn-global-demo.json', () => {
  it('is what scripts/make-demo-network.ts builds (run `npm run data:demo` after a change)', () => {
    expect(demo).toEqual(buildDemoNetwork());
  });

  it('passes validateNetwork', () => {
    const result = validateNetwork(demo);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has at least 60 Chinese hubs of every kind and lets every hub reach every other', () => {
    const chinese = demo.hubs.filter((h) => h.country === 'CN');
    expect(demo.name).toBe('cn-global-demo');
    expect(chinese.length).toBeGreaterThanOrEqual(60);
    expect(new Set(chinese.map((h) => h.kind))).toEqual(new Set(['gateway', 'sort-center', 'city', 'rural']));
    expect(isStronglyConnected(demo)).toBe(true);
  });

  it('declares capacities everywhere: parcels and kilograms per departure (per hour on a shuttle), parcels a day per hub', () => {
    for (const leg of demo.legs) {
      expect([leg.id, leg.capacityPerDeparture, leg.capacityKgPerDeparture]).toEqual([
        leg.id,
        expect.any(Number),
        expect.any(Number),
      ]);
      // No flight carries more than a B747-8F's payload (about 134 t).
      if (leg.mode === 'air') expect(leg.capacityKgPerDeparture).toBeLessThanOrEqual(134_000);
    }
    for (const hub of demo.hubs) expect([hub.id, hub.capacityPerDay]).toEqual([hub.id, expect.any(Number)]);
    // Every hub can send out what it sorts in a day: its legs carry at least its daily capacity.
    for (const hub of demo.hubs) {
      const perDay = demo.legs
        .filter((leg) => leg.from === hub.id)
        .reduce(
          (sum, leg) =>
            sum +
            (leg.capacityPerDeparture as number) *
              (leg.departures?.length ? leg.departures.length * ((leg.days?.length ?? 7) / 7) : 24),
          0,
        );
      expect([hub.id, perDay >= (hub.capacityPerDay as number)]).toEqual([hub.id, true]);
    }
  });

  it('has the first global hubs and the Hangzhou–Moscow air line', () => {
    const hub = (id: string) => demo.hubs.find((h) => h.id === id);
    expect(hub('HGH')).toMatchObject({ name: 'Hangzhou Gateway', country: 'CN', kind: 'gateway' });
    expect(hub('DXB')).toMatchObject({ country: 'AE', kind: 'gateway' });
    expect(hub('KUL')).toMatchObject({ country: 'MY', kind: 'gateway' });
    expect(hub('LGG')).toMatchObject({ country: 'BE', kind: 'gateway' });
    expect(hub('SVO')).toMatchObject({ country: 'RU', kind: 'gateway' });
    expect(demo.legs.find((l) => l.id === 'AIR-HGH-SVO-1')).toMatchObject({ from: 'HGH', to: 'SVO', mode: 'air' });
    expect(demo.legs.find((l) => l.id === 'AIR-SVO-HGH-1')).toMatchObject({ from: 'SVO', to: 'HGH', mode: 'air' });
  });

  it('runs trucks, trains, planes and electric vans of the named carriers', () => {
    const modes = new Set(demo.legs.map((l) => l.mode));
    for (const mode of ['truck', 'rail', 'air', 'ev']) expect(modes).toContain(mode);
    const carriers = new Set(demo.legs.map((l) => l.carrier));
    for (const carrier of ['ZTO', 'YTO Express', 'Best Inc', 'Cainiao', 'Cainiao Air', 'China Railway Express']) {
      expect(carriers).toContain(carrier);
    }
    expect(demo.legs.some((l) => l.days !== undefined && l.days.length < 7)).toBe(true);
    expect(demo.legs.some((l) => (l.cutoffMinutes ?? 0) > 0)).toBe(true);
  });

  it('delivers most Chinese pairs within 24 h and most international pairs within 72 h by express', () => {
    const router = new Router(prepareNetwork(demo));
    const readyAt = Date.parse('2026-11-24T08:00:00Z') / 60_000;
    const met = { domestic: [0, 0], international: [0, 0] };
    for (const origin of demo.hubs) {
      for (const destination of demo.hubs) {
        if (origin === destination) continue;
        const answer = routeOf(router, {
          origin: origin.id,
          destination: destination.id,
          weightKg: 1,
          readyAt,
          serviceLevel: 'express',
        });
        const tally = origin.country === 'CN' && destination.country === 'CN' ? met.domestic : met.international;
        tally[1]++;
        if (answer.meetsDeadline) tally[0]++;
      }
    }
    expect(met.domestic[0] / met.domestic[1]).toBeGreaterThan(0.9);
    expect(met.international[0] / met.international[1]).toBeGreaterThan(0.9);
  });
});
