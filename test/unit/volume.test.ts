/** The daily volume projection's ring of per-second counts, on a clock the test moves. */
import { VolumeMeter } from '../../src/metrics/volume';

function meterAt(startMs: number) {
  const clock = { ms: startMs };
  return { clock, meter: new VolumeMeter(() => clock.ms) };
}

describe('VolumeMeter', () => {
  it('projects the last 60 whole seconds to a day, leaving the current second out', () => {
    const { clock, meter } = meterAt(1_000_000);
    meter.add(10);
    expect(meter.perDay()).toBe(0);
    clock.ms += 1000;
    expect(meter.perDay()).toBe(10 * 1440);
    for (let s = 0; s < 59; s++) {
      meter.add(5);
      clock.ms += 1000;
    }
    expect(meter.perDay()).toBe((10 + 59 * 5) * 1440);
  });

  it('forgets seconds older than a minute, after a gap as after steady traffic', () => {
    const { clock, meter } = meterAt(0);
    meter.add(100);
    clock.ms += 60_000;
    expect(meter.perDay()).toBe(100 * 1440);
    clock.ms += 1000;
    expect(meter.perDay()).toBe(0);
    meter.add(7);
    clock.ms += 3_600_000;
    meter.add(3);
    clock.ms += 1000;
    expect(meter.perDay()).toBe(3 * 1440);
  });

  it('reads 11,574 parcels a second as a billion a day', () => {
    const { clock, meter } = meterAt(0);
    for (let s = 0; s < 60; s++) {
      meter.add(11_574);
      clock.ms += 1000;
    }
    expect(meter.perDay()).toBeCloseTo(11_574 * 86_400, 0);
    expect(meter.perDay()).toBeLessThan(1e9);
  });

  it('counts into the current second when the clock steps back', () => {
    const { clock, meter } = meterAt(10_000);
    clock.ms -= 5000;
    meter.add(4);
    clock.ms += 6000;
    expect(meter.perDay()).toBe(4 * 1440);
  });
});
