/** The daily volume projection: a running total and a ring of snapshots, on a clock the test moves. */
import { VolumeMeter } from '../../src/metrics/volume';

/** A meter whose clock the test moves; `second()` moves it by one second and takes the snapshot, as the timer does. */
function meter() {
  const clock = { ms: 1_700_000_000_000 };
  const volume = new VolumeMeter(() => clock.ms);
  const second = (parcels = 0) => {
    volume.add(parcels);
    clock.ms += 1000;
    volume.tick();
  };
  return { clock, volume, second };
}

describe('VolumeMeter', () => {
  it("projects the parcels of the last minute to a day, a young process's over a whole minute", () => {
    const { volume, second } = meter();
    expect(volume.perDay()).toBe(0);
    second(10);
    expect(volume.perDay()).toBe(10 * 1440);
    for (let s = 0; s < 59; s++) second(5);
    expect(volume.perDay()).toBeCloseTo(((10 + 59 * 5) / 60) * 86_400, 6);
  });

  it('forgets what is older than a minute', () => {
    const { volume, second } = meter();
    second(6000);
    for (let s = 0; s < 59; s++) second(0);
    expect(volume.perDay()).toBe((6000 / 60) * 86_400);
    second(0);
    expect(volume.perDay()).toBe(0);
    second(60);
    expect(volume.perDay()).toBe(60 * 1440);
  });

  it('reads 11,574 parcels a second as just under a billion a day', () => {
    const { volume, second } = meter();
    for (let s = 0; s < 120; s++) second(11_574);
    expect(volume.perDay()).toBeCloseTo(11_574 * 86_400, 3);
    expect(volume.perDay()).toBeLessThan(1e9);
  });

  it('uses the times recorded, so a late snapshot does not skew the rate', () => {
    const { clock, volume, second } = meter();
    for (let s = 0; s < 60; s++) second(100);
    clock.ms += 500;
    volume.add(50);
    expect(volume.perDay()).toBeCloseTo((6050 / 60.5) * 86_400, 6);
  });
});
