/**
 * The explorer in a real browser (Debian's Chromium through playwright-core), on
 * the app listening on a real port with the demo network: the page loads with no
 * console error and no request leaving the service; the hubs and legs are drawn;
 * a route asked through the form (from the keyboard) is drawn on the map and its
 * legs on the timeline; the state in the URL brings it back; the promise table
 * fills; closures show; the capacity panel shows how full a date's departures
 * and hubs are (GET /v1/capacity), and tours stay out of the way while this
 * service has no such call. Screenshots go to artifacts/explorer/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packageRoot } from '../../src/config';
import { readNetworkFile } from '../../src/network/network-file';
import type { NetworkDocument } from '../../src/routing/types';
import { startApp, type Harness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

const ARTIFACTS = join(packageRoot(), 'artifacts', 'explorer');
const ROUTE = {
  origin: 'HGH',
  destination: 'SVO',
  weightKg: 1.5,
  readyAt: '2026-11-24T08:00:00Z',
  serviceLevel: 'express',
};

jest.setTimeout(90_000);

describeWithChromium()('the explorer in Chromium', () => {
  let h: Harness;
  let doc: NetworkDocument;
  let origin: string;
  let browser: Browser;
  let page: Page;
  /** Console errors, page errors, failed requests and requests to anywhere but the service, on every page opened. */
  const problems: string[] = [];
  const requested: string[] = [];

  async function open(path: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const opened = await browser.newPage({ viewport });
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    opened.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    opened.on('request', (request) => {
      requested.push(request.url());
      if (!request.url().startsWith(`${origin}/`)) problems.push(`request outside the service: ${request.url()}`);
    });
    await opened.goto(`${origin}${path}`);
    await opened.waitForSelector('body[data-ready="true"]');
    return opened;
  }

  /** Asks for ROUTE through the route form, from the keyboard, and waits until its legs are on the timeline. */
  async function routeFromKeyboard(on: Page): Promise<void> {
    await on.focus('input[name=origin]');
    await on.keyboard.type(ROUTE.origin);
    await on.keyboard.press('Tab');
    await on.keyboard.type(ROUTE.destination);
    await on.fill('input[name=readyAt]', ROUTE.readyAt.slice(0, 16));
    await on.selectOption('select[name=serviceLevel]', ROUTE.serviceLevel);
    await on.focus('input[name=weightKg]');
    await on.keyboard.press('Enter');
    await on.waitForSelector('#route-result:not([hidden]) .timeline-row[data-leg]');
  }

  /** Asks for the table from HGH for ROUTE's parcel (the route form's weight and hand-in time), and waits for it. */
  async function promisesFromHgh(on: Page): Promise<void> {
    await on.fill('input[name=weightKg]', String(ROUTE.weightKg));
    await on.fill('input[name=readyAt]', ROUTE.readyAt.slice(0, 16));
    await on.fill('input[name=promiseOrigin]', 'HGH');
    await on.press('input[name=promiseOrigin]', 'Enter');
    await on.waitForSelector('#promise-result:not([hidden]) tbody tr');
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    doc = await readNetworkFile(join(packageRoot(), 'data', 'cn-global-demo.json'));
    h = await startApp({ network: doc });
    origin = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const closure = {
      legId: 'AIR-HGH-SVO-1',
      from: '2026-11-20T00:00:00Z',
      until: '2026-12-20T00:00:00Z',
      reason: 'explorer test',
    };
    expect(
      (await h.app.inject({ method: 'POST', url: '/v1/network/closures', payload: closure, headers: h.admin }))
        .statusCode,
    ).toBe(201);
    // One booking, so that the capacity panel has a departure and a hub-day to show.
    expect((await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: ROUTE })).statusCode).toBe(201);
    browser = await launchChromium();
    page = await open('/');
  });

  // Each test answers for what its pages logged and asked for, and the first page's load for whichever test runs first.
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('draws every hub by kind and every leg by mode over the coastlines', async () => {
    const hubs = await page.$$eval('#map .hubs circle', (circles) =>
      circles.map((c) => `${c.getAttribute('data-hub')} ${c.getAttribute('class')}`),
    );
    expect(hubs).toEqual(doc.hubs.map((hub) => `${hub.id} hub kind-${hub.kind}`));
    expect(await page.$$eval('#map .legs path', (paths) => paths.map((p) => p.getAttribute('data-leg')))).toEqual(
      doc.legs.map((leg) => leg.id),
    );
    expect(await page.$eval('#map .land', (land) => land.getAttribute('d')?.length ?? 0)).toBeGreaterThan(1000);
    expect(await page.textContent('#network-status')).toContain(`${doc.hubs.length} hubs, ${doc.legs.length} legs`);
  });

  it('lists the closure and crosses its leg out on the map', async () => {
    expect(await page.textContent('#closures')).toMatch(
      /leg AIR-HGH-SVO-1 closed Fri 20 Nov 00:00 – Sun 20 Dec 00:00 UTC\s*explorer test/,
    );
    expect(await page.$$eval('#map .closures path.closed-leg', (paths) => paths.length)).toBe(1);
  });

  it('routes from the keyboard: the route on the map, its legs on the timeline, the request in the URL', async () => {
    await routeFromKeyboard(page);

    const expected = (
      await h.app.inject({ method: 'POST', url: '/v1/routes', payload: { ...ROUTE, alternatives: true } })
    ).json();
    const legIds = expected.route.legs.map((leg: { legId: string }) => leg.legId);
    expect(legIds.length).toBeGreaterThan(0);
    expect(await page.$$eval('#map .route path.route-leg', (paths) => paths.length)).toBe(legIds.length);
    expect(await page.$$eval('#map .labels text', (labels) => labels.map((l) => l.textContent))).toEqual(
      expected.route.hubs,
    );
    expect(
      await page.$$eval('#timeline .timeline-row[data-leg]', (rows) => rows.map((r) => r.getAttribute('data-leg'))),
    ).toEqual(legIds);
    for (const kind of ['sort', 'wait', 'travel']) {
      expect(await page.$$eval(`#timeline .span.${kind}`, (spans) => spans.length)).toBe(legIds.length);
    }
    expect(await page.textContent('#route-summary')).toContain(expected.route.hubs.join(' → '));
    // The alternatives the service answers, the chosen one marked, each drawn on the map.
    const listed = await page.$$eval('#alternatives li', (items) => items.map((item) => item.textContent ?? ''));
    expect(listed).toHaveLength(expected.alternatives.length);
    expected.alternatives.forEach((route: { hubs: string[] }, i: number) =>
      expect(listed[i]).toContain(route.hubs.join(' → ')),
    );
    expect(listed.filter((text) => text.endsWith('chosen'))).toHaveLength(1);
    expect(await page.$$eval('#map .alternatives path', (paths) => paths.length)).toBeGreaterThan(0);

    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      origin: ROUTE.origin,
      destination: ROUTE.destination,
      weightKg: '1.5',
      readyAt: ROUTE.readyAt,
      level: ROUTE.serviceLevel,
    });
    await page.screenshot({ path: join(ARTIFACTS, 'route-1366x768.png') });
  });

  it('fills the promise table from one origin, with the cells within 24 h and 72 h marked', async () => {
    await promisesFromHgh(page);
    const table = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/promises',
        payload: { origin: 'HGH', weightKg: 1.5, readyAt: ROUTE.readyAt },
      })
    ).json();
    const rows = await page.$$eval('#promise-table tbody tr', (trs) =>
      trs.map((tr) => tr.querySelector('th button')?.textContent),
    );
    expect(rows).toEqual(table.rows.map((row: { destination: string }) => row.destination));
    const hoursOf = (cell: { arriveAt: string } | null) =>
      cell ? (Date.parse(cell.arriveAt) - Date.parse(table.readyAt)) / 3_600_000 : Infinity;
    const cells = table.rows.flatMap((row: Record<string, { arriveAt: string } | null>) =>
      ['express', 'standard', 'economy', 'green'].map((l) => hoursOf(row[l])),
    );
    const count = (selector: string) => page.$$eval(selector, (tds) => tds.length);
    expect(await count('#promise-table td.within-24h')).toBe(cells.filter((hours: number) => hours <= 24).length);
    expect(await count('#promise-table td.within-72h')).toBe(
      cells.filter((hours: number) => hours > 24 && hours <= 72).length,
    );
    expect(await count('#promise-table td.within-24h')).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('promiseOrigin')).toBe('HGH');
    await page.screenshot({ path: join(ARTIFACTS, 'promises-1366x768-full.png'), fullPage: true });
  });

  it("shows a date's fullest departures and hubs, the booked ones first", async () => {
    await page.fill('input[name=capacityDate]', '2026-11-24');
    await page.click('#capacity-form button[type=submit]');
    await page.waitForSelector('#capacity >> text=2026-11-24');
    const rows = await page.$$eval('#capacity ul.meters li', (items) => items.map((li) => li.textContent ?? ''));
    // The booking (HGH → DXB → SVO by express, the direct flight being closed): its first departure, and HGH's day.
    expect(rows[0]).toMatch(/^AIR-HGH-DXB-1 16:30.*1 \/ 10000/);
    expect(rows.some((row) => /^HGH1 \/ 1200000/.test(row))).toBe(true);
    expect(requested.some((url) => url.includes('/v1/capacity?date=2026-11-24'))).toBe(true);
  });

  it('draws the tours of a tours answer: its example, from the form, on the map', async () => {
    expect(await page.isHidden('#tours-panel')).toBe(false);
    await page.click('#tours-form button[type=submit]');
    await page.waitForSelector('#tours li', { timeout: 15_000 });
    const tours = await page.$$eval('#tours li', (items) => items.map((item) => item.textContent ?? ''));
    expect(tours.length).toBeGreaterThan(0);
    expect(await page.$$eval('#map path.tour', (paths) => paths.length)).toBe(tours.length);
    expect(await page.$$eval('#map circle.tour-stop', (stops) => stops.length)).toBeGreaterThan(tours.length * 2);
    await page.screenshot({ path: join(ARTIFACTS, 'tours-1366x768.png') });
  });

  it('gives every form field a label', async () => {
    const unlabelled = await page.$$eval('input, select, textarea', (fields) =>
      fields
        .filter(
          (f) => !(f as unknown as { labels?: { length: number } }).labels?.length && !f.getAttribute('aria-label'),
        )
        .map((f) => f.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });

  it('restores the route and the table from a shared link, at 1920×1080', async () => {
    // The link is the one a page of its own wrote, once asked for the route and the table.
    const asked = await open('/');
    await routeFromKeyboard(asked);
    await promisesFromHgh(asked);
    const search = new URL(asked.url()).search;
    await asked.close();
    expect(search).not.toBe('');
    const shared = await open(`/${search}`, { width: 1920, height: 1080 });
    await shared.waitForSelector('#route-result:not([hidden]) .timeline-row[data-leg]');
    await shared.waitForSelector('#promise-result:not([hidden]) tbody tr');
    expect(await shared.inputValue('input[name=origin]')).toBe(ROUTE.origin);
    expect(await shared.inputValue('select[name=serviceLevel]')).toBe(ROUTE.serviceLevel);
    expect(await shared.$$eval('#map .route path.route-leg', (paths) => paths.length)).toBeGreaterThan(0);
    await shared.screenshot({ path: join(ARTIFACTS, 'shared-1920x1080.png') });
    await shared.close();
  });

  it('loads with no console error, sending its requests to the service and nowhere else', async () => {
    const before = requested.length;
    await (await open('/')).close();
    expect(requested.length - before).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
