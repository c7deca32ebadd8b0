// The map: Natural Earth coastlines and borders, the network's legs by mode and hubs by kind,
// and on top of them what the panels show (a route, its alternatives, closures, tours).
// d3-geo projects and draws great circles; the SVG is built by hand, without d3-selection.
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 500;
const MARGIN = 28;
const HUB_RADIUS = { gateway: 5.5, 'sort-center': 4.5, city: 3.5, rural: 2.5 };

function svg(tag, attrs, parent) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(key, value);
  parent?.append(el);
  return el;
}

const line = (from, to) => ({
  type: 'LineString',
  coordinates: [
    [from.lon, from.lat],
    [to.lon, to.lat],
  ],
});

/** The projection framing the network's hubs, or the whole world when they are too few or too close together. */
function projectionFor(hubs) {
  const projection = geoNaturalEarth1();
  const points = { type: 'MultiPoint', coordinates: hubs.map((hub) => [hub.lon, hub.lat]) };
  const spread = (key) => Math.max(...hubs.map((hub) => hub[key])) - Math.min(...hubs.map((hub) => hub[key]));
  const framed = hubs.length > 1 && spread('lat') + spread('lon') > 2 ? points : { type: 'Sphere' };
  return projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [WIDTH - MARGIN, HEIGHT - MARGIN],
    ],
    framed,
  );
}

/**
 * Draws the network into `root` (an <svg>) and returns what the panels draw with.
 * `onHub(id)` is called when a hub is clicked.
 */
export function createMap(root, { atlas, hubs, legs, onHub }) {
  const projection = projectionFor(hubs);
  const path = geoPath(projection);
  const hubById = new Map(hubs.map((hub) => [hub.id, hub]));
  const layer = (name) => svg('g', { class: name }, root);

  const base = layer('base');
  svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) }, base);
  svg('path', { class: 'graticule', d: path(geoGraticule10()) }, base);
  svg('path', { class: 'land', d: path(feature(atlas, atlas.objects.land)) }, base);
  svg('path', { class: 'borders', d: path(mesh(atlas, atlas.objects.countries, (a, b) => a !== b)) }, base);

  const legLayer = layer('legs');
  for (const leg of legs) {
    const from = hubById.get(leg.from);
    const to = hubById.get(leg.to);
    svg('path', { class: `leg mode-${leg.mode}`, d: path(line(from, to)), 'data-leg': leg.id }, legLayer);
  }
  const closureLayer = layer('closures');
  const toursLayer = layer('tours');
  const alternativesLayer = layer('alternatives');
  const routeLayer = layer('route');
  const hubLayer = layer('hubs');
  for (const hub of hubs) {
    const [x, y] = projection([hub.lon, hub.lat]);
    const dot = svg(
      'circle',
      {
        class: `hub kind-${hub.kind ?? 'none'}`,
        cx: x.toFixed(1),
        cy: y.toFixed(1),
        r: HUB_RADIUS[hub.kind] ?? 3,
        'data-hub': hub.id,
      },
      hubLayer,
    );
    svg('title', {}, dot).textContent = `${hub.id} · ${hub.name} (${hub.country})${hub.kind ? ` · ${hub.kind}` : ''}`;
    dot.addEventListener('click', () => onHub?.(hub.id));
  }
  const labelLayer = layer('labels');

  const clear = (g) => g.replaceChildren();
  const label = (hub) => {
    const [x, y] = projection([hub.lon, hub.lat]);
    svg('text', { x: (x + 7).toFixed(1), y: (y - 6).toFixed(1) }, labelLayer).textContent = hub.id;
  };
  const drawLegs = (g, routeLegs, className) => {
    for (const leg of routeLegs) {
      svg(
        'path',
        { class: `${className} mode-${leg.mode}`, d: path(line(hubById.get(leg.from), hubById.get(leg.to))) },
        g,
      );
    }
  };

  return {
    /** The chosen route, drawn bold with its hubs named; undefined clears it. */
    showRoute(route) {
      clear(routeLayer);
      clear(labelLayer);
      if (!route) return;
      drawLegs(routeLayer, route.legs, 'route-leg');
      route.hubs.forEach((id) => label(hubById.get(id)));
    },
    /** Other routes, drawn thin and dashed. */
    showAlternatives(routes) {
      clear(alternativesLayer);
      for (const route of routes) drawLegs(alternativesLayer, route.legs, 'alternative-leg');
    },
    /** Closed hubs ringed, closed legs crossed out. */
    showClosures(closures) {
      clear(closureLayer);
      for (const closure of closures) {
        if (closure.legId) {
          const leg = legs.find((l) => l.id === closure.legId);
          if (leg) drawLegs(closureLayer, [leg], 'closed-leg');
        } else if (hubById.has(closure.hubId)) {
          const hub = hubById.get(closure.hubId);
          const [x, y] = projection([hub.lon, hub.lat]);
          svg('circle', { class: 'closed-hub', cx: x.toFixed(1), cy: y.toFixed(1), r: 9 }, closureLayer);
        }
      }
    },
    /** Tours: each a list of [lon, lat] stops, drawn as a closed-up polyline in a colour of its own. */
    showTours(tours) {
      clear(toursLayer);
      tours.forEach((stops, i) => {
        if (stops.length < 2) return;
        svg('path', { class: `tour tour-${i % 6}`, d: path({ type: 'LineString', coordinates: stops }) }, toursLayer);
        for (const [lon, lat] of stops) {
          const [x, y] = projection([lon, lat]);
          svg('circle', { class: `tour-stop tour-${i % 6}`, cx: x.toFixed(1), cy: y.toFixed(1), r: 2.5 }, toursLayer);
        }
      });
    },
  };
}
