// A route's legs on one time axis: for each leg, the sort at the hub it leaves, the wait
// for the departure, and the travel, from the parcel's hand-in to its arrival (and the deadline).
import { duration, h, when } from './format.js';

const MINUTE = 60_000;

/** The three spans of a leg, in epoch ms. */
function spansOf(leg) {
  const depart = Date.parse(leg.departAt);
  const available = depart - leg.waitMinutes * MINUTE;
  return [
    {
      kind: 'sort',
      from: available - leg.sortMinutes * MINUTE,
      to: available,
      text: `sort ${duration(leg.sortMinutes)} at ${leg.from}`,
    },
    { kind: 'wait', from: available, to: depart, text: `wait ${duration(leg.waitMinutes)}` },
    {
      kind: `travel mode-${leg.mode}`,
      from: depart,
      to: Date.parse(leg.arriveAt),
      text: `${leg.mode} ${duration((Date.parse(leg.arriveAt) - depart) / MINUTE)}`,
    },
  ];
}

/** Midnights (UTC) between start and end, for the axis. */
function midnights(start, end) {
  const days = [];
  const d = new Date(start);
  d.setUTCHours(24, 0, 0, 0);
  for (; d.getTime() < end; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.getTime());
  return days;
}

/** Renders the timeline of `answer` (a route answer, or an alternative wrapped as one) into `container`. */
export function renderTimeline(container, route, deadline) {
  container.replaceChildren();
  if (route.legs.length === 0) {
    container.append(h('p', { class: 'note' }, 'Origin and destination are the same hub: no legs.'));
    return;
  }
  const start = Math.min(...route.legs.map((leg) => spansOf(leg)[0].from));
  const deadlineAt = deadline ? Date.parse(deadline) : undefined;
  const end = Math.max(Date.parse(route.arriveAt), deadlineAt ?? 0);
  const at = (t) => `${(((t - start) / (end - start)) * 100).toFixed(3)}%`;
  const width = (from, to) => `${(((to - from) / (end - start)) * 100).toFixed(3)}%`;

  const axis = h('div', { class: 'timeline-axis', 'aria-hidden': 'true' });
  for (const midnight of midnights(start, end)) {
    axis.append(
      h('span', { class: 'tick', style: `left:${at(midnight)}` }, when(new Date(midnight).toISOString()).slice(0, -6)),
    );
  }
  if (deadlineAt)
    axis.append(
      h('span', { class: 'deadline-mark', style: `left:${at(deadlineAt)}`, title: `deadline ${when(deadline)}` }),
    );
  container.append(h('div', { class: 'timeline-row axis-row' }, h('span', { class: 'timeline-label' }), axis));

  for (const leg of route.legs) {
    const spans = spansOf(leg);
    const track = h('div', { class: 'timeline-track' });
    for (const span of spans) {
      if (span.to <= span.from) continue;
      track.append(
        h('span', {
          class: `span ${span.kind}`,
          style: `left:${at(span.from)};width:${width(span.from, span.to)}`,
          title: span.text,
        }),
      );
    }
    if (deadlineAt)
      track.append(h('span', { class: 'deadline-line', style: `left:${at(deadlineAt)}`, 'aria-hidden': 'true' }));
    const label = h(
      'span',
      { class: 'timeline-label' },
      h('strong', {}, `${leg.from} → ${leg.to}`),
      ` ${leg.mode} · ${leg.carrier}`,
      h(
        'small',
        {},
        `${spans.map((s) => s.text).join(' · ')}; departs ${when(leg.departAt)}, arrives ${when(leg.arriveAt)}`,
      ),
    );
    container.append(h('div', { class: 'timeline-row', 'data-leg': leg.legId }, label, track));
  }
  container.append(
    h(
      'p',
      { class: 'timeline-key' },
      h('span', { class: 'key sort' }),
      ' sort ',
      h('span', { class: 'key wait' }),
      ' wait ',
      h('span', { class: 'key travel' }),
      ' travel (by mode) ',
      deadlineAt ? [h('span', { class: 'key deadline' }), ` deadline ${when(deadline)}`] : undefined,
    ),
  );
}
