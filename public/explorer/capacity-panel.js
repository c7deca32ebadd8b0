// How full departures and hub-days are on one UTC date (GET /v1/capacity), when this
// service offers the call; otherwise the panel says there is no capacity data and asks nothing.
import { ApiError, getJson } from './api.js';
import { h, when } from './format.js';

/** Rows shown per list: the fullest first. */
const SHOWN = 12;

function meterRow(label, booked, capacity) {
  const share = capacity ? booked / capacity : 0;
  return h(
    'li',
    {},
    h('span', {}, label),
    h('meter', {
      min: '0',
      max: String(capacity || 1),
      value: String(booked),
      low: String(0.7 * (capacity || 1)),
      high: String(0.9 * (capacity || 1)),
      optimum: '0',
    }),
    h(
      'small',
      {},
      capacity ? `${booked} / ${capacity} (${Math.round(share * 100)} %)` : `${booked} booked, no declared capacity`,
    ),
  );
}

const fullness = (row) => (row.capacity ? row.booked / row.capacity : 0);

export function createCapacityPanel({ form, output, available, defaultDate }) {
  const note = (text) => output.replaceChildren(h('p', { class: 'note' }, text));
  if (!available) {
    note('No capacity data: this service version has no capacity calls.');
    return { restore() {} };
  }
  form.hidden = false;
  const show = async () => {
    const date = form.elements.capacityDate.value;
    try {
      const answer = await getJson(`/v1/capacity?date=${encodeURIComponent(date)}`);
      const departures = [...answer.departures].sort((a, b) => fullness(b) - fullness(a)).slice(0, SHOWN);
      const hubs = [...answer.hubs].sort((a, b) => fullness(b) - fullness(a)).slice(0, SHOWN);
      if (departures.length + hubs.length === 0) return note(`No capacity data for ${date}.`);
      output.replaceChildren(
        h('h3', {}, `Departures on ${date} (fullest ${departures.length})`),
        h(
          'ul',
          { class: 'meters' },
          departures.map((d) => meterRow(`${d.legId} ${when(d.departAt).slice(-5)}`, d.booked, d.capacity)),
        ),
        h('h3', {}, `Hubs (fullest ${hubs.length})`),
        h(
          'ul',
          { class: 'meters' },
          hubs.map((hub) => meterRow(hub.hubId, hub.booked, hub.capacity)),
        ),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return note(`No capacity data for ${date}.`);
      note(`Capacity: ${err.message}`);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  return {
    restore() {
      form.elements.capacityDate.value = defaultDate();
      void show();
    },
  };
}
