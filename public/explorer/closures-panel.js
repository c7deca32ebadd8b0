// The closures in force (GET /v1/network/closures), listed and drawn on the map.
import { getJson } from './api.js';
import { h, when } from './format.js';

export async function showClosures(list, map) {
  const { closures } = await getJson('/v1/network/closures');
  map.showClosures(closures);
  list.replaceChildren();
  if (closures.length === 0) list.append(h('li', { class: 'note' }, 'None: every hub and leg is open.'));
  for (const closure of closures) {
    const what = closure.hubId ? `hub ${closure.hubId}` : `leg ${closure.legId}`;
    list.append(
      h(
        'li',
        {},
        h('strong', {}, what),
        ` closed ${when(closure.from)} – ${when(closure.until)} UTC`,
        h('small', {}, closure.reason),
      ),
    );
  }
}
