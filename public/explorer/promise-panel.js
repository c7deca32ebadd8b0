// The promise table: from one origin, what each level promises to every hub, with the
// cells that arrive within 24 h or 72 h of hand-in marked (the service's promises at home and abroad).
import { postJson } from './api.js';
import { h, minutesBetween, money, when } from './format.js';
import { writeState } from './url-state.js';

const LEVELS = ['express', 'standard', 'economy', 'green'];

/** The mark a cell earns: within 24 h, within 72 h, or none. */
function markOf(readyAt, cell) {
  const hours = minutesBetween(readyAt, cell.arriveAt) / 60;
  if (hours <= 24) return { className: 'within-24h', text: '≤ 24 h' };
  if (hours <= 72) return { className: 'within-72h', text: '≤ 72 h' };
  return undefined;
}

function cellOf(readyAt, cell) {
  if (cell === null) return h('td', { class: 'no-route' }, 'no route');
  const mark = markOf(readyAt, cell);
  const late = cell.meetsDeadline ? undefined : h('span', { class: 'late' }, 'late');
  return h(
    'td',
    { class: mark?.className, title: `deadline ${when(cell.deadline)}${cell.meetsDeadline ? ', met' : ', missed'}` },
    h('span', { class: 'arrive' }, when(cell.arriveAt)),
    ' ',
    h('span', { class: 'cost' }, money(cell.cost)),
    mark && h('span', { class: 'mark' }, mark.text),
    late,
  );
}

export function createPromisePanel({ form, result, hubById, parcel, onRoute, showMessage }) {
  const summary = result.querySelector('#promise-summary');
  const body = result.querySelector('tbody');

  const submit = async () => {
    if (!form.reportValidity()) return;
    const origin = form.elements.promiseOrigin.value.trim();
    writeState({ promiseOrigin: origin });
    try {
      const table = await postJson('/v1/promises', { origin, ...parcel(), serviceLevels: LEVELS });
      showMessage();
      const within = (hours) =>
        table.rows.filter((row) =>
          LEVELS.some((l) => row[l] && minutesBetween(table.readyAt, row[l].arriveAt) <= hours * 60),
        ).length;
      summary.textContent =
        `From ${origin}, handed in ${when(table.readyAt)} UTC: ${table.rows.length} destinations, ` +
        `${within(24)} reached within 24 h and ${within(72)} within 72 h at some level. Cost and arrival per level; ` +
        'choose a destination to route to it.';
      body.replaceChildren(
        ...table.rows.map((row) => {
          const hub = hubById.get(row.destination);
          const name = h(
            'button',
            { type: 'button', class: 'link', onclick: () => onRoute(origin, row.destination) },
            row.destination,
          );
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, name, h('small', {}, ` ${hub?.name ?? ''} (${hub?.country ?? '?'})`)),
            LEVELS.map((level) => cellOf(table.readyAt, row[level])),
          );
        }),
      );
      result.hidden = false;
    } catch (err) {
      result.hidden = true;
      showMessage(`Promise table: ${err.message}`);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  return {
    restore(state) {
      form.elements.promiseOrigin.value = state.promiseOrigin ?? '';
      if (state.promiseOrigin) void submit();
    },
  };
}
