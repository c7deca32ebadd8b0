// The explorer's start: loads the network, the OpenAPI document (what this service offers)
// and the coastlines, draws the map, wires the panels, and restores the state in the URL.
import { featuresOf, getJson } from './api.js';
import { createCapacityPanel } from './capacity-panel.js';
import { showClosures } from './closures-panel.js';
import { h } from './format.js';
import { createMap } from './map.js';
import { createPromisePanel } from './promise-panel.js';
import { createRoutePanel } from './route-panel.js';
import { createToursPanel } from './tours-panel.js';
import { readState } from './url-state.js';

const $ = (selector) => document.querySelector(selector);
const KINDS = ['gateway', 'sort-center', 'city', 'rural'];
const MODES = ['air', 'truck', 'rail', 'sea', 'ev'];

/** Shows a message above the results (an error, usually); no text hides it. */
function showMessage(text) {
  const el = $('#message');
  el.textContent = text ?? '';
  el.hidden = !text;
}

function legend(hubs, legs) {
  const count = (items, key, value) => items.filter((item) => item[key] === value).length;
  return [
    h('span', { class: 'legend-title' }, 'Hubs'),
    KINDS.map((kind) =>
      h(
        'span',
        { class: 'legend-item' },
        h('span', { class: `dot kind-${kind}`, 'aria-hidden': 'true' }),
        `${kind} (${count(hubs, 'kind', kind)})`,
      ),
    ),
    h('span', { class: 'legend-title' }, 'Legs'),
    MODES.map((mode) =>
      h(
        'span',
        { class: 'legend-item' },
        h('span', { class: `line mode-${mode}`, 'aria-hidden': 'true' }),
        `${mode} (${count(legs, 'mode', mode)})`,
      ),
    ),
  ];
}

async function start() {
  let network;
  try {
    network = await getJson('/v1/network');
  } catch (err) {
    $('#network-status').textContent = `No network to show: ${err.message}`;
    return;
  }
  const [{ hubs }, { legs }, openapi, atlas] = await Promise.all([
    getJson('/v1/hubs'),
    getJson('/v1/legs'),
    getJson('/docs/json'),
    getJson('/vendor/world-atlas/countries-110m.json'),
  ]);
  const features = featuresOf(openapi);
  const hubById = new Map(hubs.map((hub) => [hub.id, hub]));
  $('#network-status').textContent =
    `${network.name} · version ${network.version} · ${network.hubs} hubs, ${network.legs} legs`;
  $('#hub-list').replaceChildren(...hubs.map((hub) => h('option', { value: hub.id }, `${hub.name} (${hub.country})`)));
  $('#legend').replaceChildren(...legend(hubs, legs).flat());

  let routePanel;
  const map = createMap($('#map'), { atlas, hubs, legs, onHub: (id) => routePanel.pickHub(id) });
  routePanel = createRoutePanel({ form: $('#route-form'), result: $('#route-result'), features, map, showMessage });
  const promisePanel = createPromisePanel({
    form: $('#promise-form'),
    result: $('#promise-result'),
    hubById,
    parcel: () => routePanel.parcel(),
    onRoute: (origin, destination) => routePanel.routeTo(origin, destination),
    showMessage,
  });
  const capacityPanel = createCapacityPanel({
    form: $('#capacity-form'),
    output: $('#capacity'),
    available: features.capacity,
    defaultDate: () => routePanel.parcel().readyAt.slice(0, 10),
  });
  createToursPanel({
    panel: $('#tours-panel'),
    form: $('#tours-form'),
    output: $('#tours'),
    available: features.tours,
    hubById,
    map,
    depot: () =>
      hubById.get($('#route-form').elements.origin.value) ?? hubs.find((hub) => hub.kind === 'city') ?? hubs[0],
    showMessage,
  });

  const state = readState();
  routePanel.restore(state);
  promisePanel.restore(state);
  capacityPanel.restore(state);
  await showClosures($('#closures'), map).catch((err) => showMessage(`Closures: ${err.message}`));
  document.body.dataset.ready = 'true';
}

void start();
