// How the page writes times, durations and amounts. Every time is UTC, as the service's.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** "Wed 25 Nov 11:57" for an ISO time. */
export function when(iso) {
  const d = new Date(iso);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "1 d 4 h 5 min" for a number of minutes. */
export function duration(minutes) {
  const sign = minutes < 0 ? '−' : '';
  let m = Math.abs(Math.round(minutes));
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  const parts = [d && `${d} d`, h && `${h} h`, (m || (!d && !h)) && `${m} min`].filter(Boolean);
  return sign + parts.join(' ');
}

export const money = (amount) => amount.toFixed(2);
export const kg = (amount) => `${amount.toFixed(2)} kg`;

/** Minutes between two ISO times. */
export const minutesBetween = (fromIso, toIso) => (Date.parse(toIso) - Date.parse(fromIso)) / 60_000;

/** The value of a datetime-local input (read as UTC) for an ISO time, and back. */
export const toLocalInput = (iso) => iso.slice(0, 16);
export const fromLocalInput = (value) => `${value.slice(0, 16)}:00Z`;

/** The next whole hour from now, as an ISO time: the form's default ready time. */
export function nextHourIso() {
  const d = new Date();
  d.setUTCMinutes(60, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
}

/** A DOM element with attributes and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}
