// The route form, and what its answer shows: a summary, the route on the map, its timeline,
// and the alternatives (when this service offers them).
import { postJson } from './api.js';
import { duration, fromLocalInput, h, kg, money, nextHourIso, toLocalInput, when } from './format.js';
import { renderTimeline } from './timeline.js';
import { writeState } from './url-state.js';

const MODES = ['air', 'truck', 'rail', 'sea', 'ev'];
const list = (text) => text.split(/[\s,]+/).filter(Boolean);

/** The route request the form holds, and the URL state that gives it back. */
function requestOf(form, features) {
  const f = form.elements;
  const avoidModes = MODES.filter((mode) => f[`avoid-${mode}`].checked);
  const avoid = { hubs: list(f.avoidHubs.value), modes: avoidModes, carriers: list(f.avoidCarriers.value) };
  const request = {
    origin: f.origin.value.trim(),
    destination: f.destination.value.trim(),
    weightKg: Number(f.weightKg.value),
    readyAt: fromLocalInput(f.readyAt.value),
    serviceLevel: f.serviceLevel.value,
  };
  if (avoid.hubs.length || avoid.modes.length || avoid.carriers.length) request.avoid = avoid;
  if (features.alternatives && f.alternatives.checked) request.alternatives = true;
  const state = {
    origin: request.origin,
    destination: request.destination,
    weightKg: f.weightKg.value,
    readyAt: request.readyAt,
    level: request.serviceLevel,
    avoidHubs: avoid.hubs.join(','),
    avoidModes: avoidModes.join(','),
    avoidCarriers: avoid.carriers.join(','),
    alternatives: f.alternatives.checked ? '' : 'off',
  };
  return { request, state };
}

function summaryOf(answer, route) {
  const verdict = answer.meetsDeadline
    ? `meets its deadline (${when(answer.deadline)}) with ${duration(answer.slackMinutes)} to spare`
    : `misses its deadline (${when(answer.deadline)}) by ${duration(-answer.slackMinutes)}`;
  return [
    h('strong', {}, route.hubs.join(' → ')),
    ` · ${answer.serviceLevel} · arrives ${when(route.arriveAt)} UTC after ${duration(route.transitMinutes)} · `,
    `cost ${money(route.cost)} · CO₂ ${kg(route.co2Kg)} · ${verdict}.`,
  ];
}

export function createRoutePanel({ form, result, features, map, showMessage }) {
  const f = form.elements;
  const modes = form.querySelector('#avoid-modes');
  for (const mode of MODES) {
    modes.append(h('label', { class: 'check' }, h('input', { type: 'checkbox', name: `avoid-${mode}` }), ` ${mode}`));
  }
  if (!features.alternatives) {
    f.alternatives.disabled = true;
    form.querySelector('#alternatives-note').textContent = '(not offered by this service version)';
  }
  const summary = result.querySelector('#route-summary');
  const timeline = result.querySelector('#timeline');
  const alternatives = result.querySelector('#alternatives');

  /** Shows one route of the answer: on the map and on the timeline. */
  const show = (answer, route) => {
    summary.replaceChildren(...summaryOf(answer, route));
    map.showRoute(route);
    renderTimeline(timeline, route, answer.deadline);
  };

  const renderAlternatives = (answer) => {
    alternatives.replaceChildren();
    const others = answer.alternatives;
    if (!others) {
      const why = features.alternatives ? 'Not asked for.' : 'This service version does not offer alternatives.';
      alternatives.append(h('li', { class: 'note' }, why));
      map.showAlternatives([]);
      return;
    }
    map.showAlternatives(others);
    if (others.length === 0) alternatives.append(h('li', { class: 'note' }, 'None arrives by the deadline.'));
    const chosenKey = answer.route.legs.map((leg) => leg.legId).join();
    for (const route of others) {
      const chosen = route.legs.map((leg) => leg.legId).join() === chosenKey;
      const button = h(
        'button',
        { type: 'button', class: 'link', onclick: () => show(answer, route) },
        `${route.hubs.join(' → ')}: arrives ${when(route.arriveAt)}, cost ${money(route.cost)}, CO₂ ${kg(route.co2Kg)}`,
      );
      alternatives.append(h('li', {}, button, chosen ? h('span', { class: 'badge' }, 'chosen') : undefined));
    }
  };

  const submit = async () => {
    if (!form.reportValidity()) return;
    const { request, state } = requestOf(form, features);
    writeState(state);
    try {
      const answer = await postJson('/v1/routes', request);
      showMessage();
      result.hidden = false;
      show(answer, answer.route);
      renderAlternatives(answer);
    } catch (err) {
      result.hidden = true;
      map.showRoute(undefined);
      map.showAlternatives([]);
      showMessage(`Route: ${err.message}`);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  return {
    /** Fills the form from the URL state; routes at once when it names both ends. */
    restore(state) {
      f.origin.value = state.origin ?? '';
      f.destination.value = state.destination ?? '';
      if (state.weightKg) f.weightKg.value = state.weightKg;
      f.readyAt.value = toLocalInput(state.readyAt ?? nextHourIso());
      if (state.level) f.serviceLevel.value = state.level;
      f.avoidHubs.value = (state.avoidHubs ?? '').replaceAll(',', ', ');
      f.avoidCarriers.value = (state.avoidCarriers ?? '').replaceAll(',', ', ');
      const avoided = new Set(list(state.avoidModes ?? ''));
      for (const mode of MODES) f[`avoid-${mode}`].checked = avoided.has(mode);
      f.alternatives.checked = state.alternatives !== 'off';
      if (state.origin && state.destination) void submit();
    },
    /** A hub clicked on the map: the origin if there is none yet, else the destination. */
    pickHub(id) {
      if (!f.origin.value || f.destination.value) {
        f.origin.value = id;
        f.destination.value = '';
        f.destination.focus();
      } else {
        f.destination.value = id;
        void submit();
      }
    },
    /** Routes from `origin` to `destination` with the form's other fields. */
    routeTo(origin, destination) {
      f.origin.value = origin;
      f.destination.value = destination;
      void submit();
      f.origin.scrollIntoView({ block: 'nearest' });
    },
    /** The weight and ready time the promise table uses. */
    parcel: () => ({ weightKg: Number(f.weightKg.value), readyAt: fromLocalInput(f.readyAt.value) }),
  };
}
