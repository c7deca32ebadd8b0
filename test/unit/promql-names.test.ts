/** The PromQL reader the dashboard test relies on: metric names only. */
import { metricNames } from '../support/promql-names';

describe('metricNames', () => {
  it.each([
    ['sum(rate(parcel_routes_total[1m])) * 86400', ['parcel_routes_total']],
    [
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/v1/{x}"}[1m])))',
      ['http_request_duration_seconds_bucket'],
    ],
    ['max by (version) (parcel_network_info)', ['parcel_network_info']],
    ['a_total / on (job) group_left (version) b_info > bool 1e9', ['a_total', 'b_info']],
    ['sum(x offset 1h) and on () (hour() >= 1 and hour() < 13)', ['x']],
    ['up{job="worker", instance=~"w.*"} == 0 or absent(up{job="worker"})', ['up']],
    ['sum without (state) (parcel_queue_jobs{state=~"waiting|delayed"})', ['parcel_queue_jobs']],
  ])('%s', (expr, names) => {
    expect(metricNames(expr).sort()).toEqual(names);
  });
});
