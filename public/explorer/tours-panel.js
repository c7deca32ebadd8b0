// Last-mile tours (POST /v1/tours, VROOM's JSON), when this service offers the call: the user
// pastes or edits a request, the answer's routes are drawn on the map. Hidden otherwise.
import { postJson } from './api.js';
import { h } from './format.js';

/** A small request around `depot`: two vans from the hub, eight deliveries within a few km, solved in a second. */
function exampleRequest(depot) {
  const offsets = [
    [0.03, 0.02],
    [-0.04, 0.01],
    [0.02, -0.05],
    [-0.01, -0.03],
    [0.05, 0.04],
    [-0.05, -0.02],
    [0.01, 0.06],
    [-0.03, 0.05],
  ];
  return {
    vehicles: [1, 2].map((id) => ({ id, startHub: depot.id, endHub: depot.id, capacity: [5] })),
    jobs: offsets.map(([dLon, dLat], i) => ({
      id: i + 1,
      location: [+(depot.lon + dLon).toFixed(4), +(depot.lat + dLat).toFixed(4)],
      delivery: [1],
    })),
    options: { timeLimitSeconds: 1 },
  };
}

/** The [lon, lat] of each step of a route that has one: its own location, else the job's or the vehicle's. */
function stopsOf(route, request, hubById) {
  const vehicle = request.vehicles?.find((v) => v.id === route.vehicle) ?? {};
  const hubAt = (id) => (hubById.has(id) ? [hubById.get(id).lon, hubById.get(id).lat] : undefined);
  const jobs = new Map((request.jobs ?? []).map((job) => [job.id, job]));
  return route.steps
    .map((step) => {
      if (step.location) return step.location;
      if (step.type === 'job') return jobs.get(step.id)?.location;
      if (step.type === 'start') return vehicle.start ?? hubAt(vehicle.startHub);
      return vehicle.end ?? hubAt(vehicle.endHub);
    })
    .filter(Boolean);
}

export function createToursPanel({ panel, form, output, available, hubById, map, depot, showMessage }) {
  if (!available) return;
  panel.hidden = false;
  const text = form.elements.toursRequest;
  text.value = JSON.stringify(exampleRequest(depot()), null, 1);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let request;
    try {
      request = JSON.parse(text.value);
    } catch (err) {
      showMessage(`Tours: the request is not JSON (${err.message})`);
      return;
    }
    try {
      const answer = await postJson('/v1/tours', request);
      showMessage();
      map.showTours(answer.routes.map((route) => stopsOf(route, request, hubById)));
      const { summary } = answer;
      output.replaceChildren(
        h(
          'p',
          {},
          `${summary.routes} tours, ${answer.unassigned.length} jobs unassigned; ${(summary.distance / 1000).toFixed(1)} km in all.`,
        ),
        h(
          'ol',
          { class: 'plain' },
          answer.routes.map((route, i) =>
            h(
              'li',
              { class: `tour-${i % 6}` },
              `vehicle ${route.vehicle}: ${route.steps.filter((s) => s.type === 'job').length} jobs, ${(route.distance / 1000).toFixed(1)} km`,
            ),
          ),
        ),
      );
    } catch (err) {
      showMessage(`Tours: ${err.message}`);
    }
  });
}
