// The page's state lives in its query string, so that a view can be shared as a link.

/** The state as the URL holds it: a plain object of strings. */
export function readState() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Sets (or, for '' and undefined, removes) the keys given and keeps the others. */
export function writeState(patch) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `${location.pathname}?${query}` : location.pathname);
}
