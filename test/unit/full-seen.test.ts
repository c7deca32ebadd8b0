/**
 * What a sweep notes of the departures it found full (FullSeen), on which its reuse after
 * a release rests (capacity-property.test.ts checks the answers; this, the record): it
 * holds while each noted departure is still full, not once one has room, and never once
 * the sweep found more than it keeps.
 */
import { dayOf, LoadTable, slotOf } from '../../src/routing/capacity/loads';
import { Full, FullSeen, MAX_FULL_SEEN, Room } from '../../src/routing/capacity/room';
import { ClosureTable } from '../../src/routing/network/closures';
import { departureWithRoom } from '../../src/routing/network/departures';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { MINUTES_PER_DAY } from '../../src/routing/time';
import { tinyNetwork } from '../support/tiny-network';
import { at } from '../support/week';

describe('the departures a sweep found full', () => {
  const doc = tinyNetwork();
  doc.legs[0].capacityPerDeparture = 1;
  doc.hubs[0].capacityPerDay = 5;
  const ix = prepareNetwork(doc);
  const direct = ix.legByCode.get('AIR-HGH-SVO-1') as number;
  const departAt = at('Mon 02:30');
  const slot = slotOf(ix, direct, departAt);
  const roomOver = (loads: LoadTable) => new Room(ix, loads, 0, Infinity);

  it('are noted as the departures with room are looked for, and hold while those are full', () => {
    const loads = new LoadTable(ix);
    loads.setSlot(direct, slot, 1, 1000);
    const seen = new FullSeen();
    const room = new Room(ix, loads, 0, Infinity, seen);
    // The Monday 02:30 flight is full: the parcel takes the 14:30, and the 02:30 is noted.
    expect(departureWithRoom(ix, ClosureTable.NONE, direct, departAt, room)).toBe(at('Mon 14:30'));
    expect(seen.stillFull(roomOver(loads))).toBe(true);
    // Room again on a departure the sweep found with room changes nothing it saw.
    const later = slotOf(ix, direct, at('Mon 14:30'));
    loads.setSlot(direct, later, 1, 1000);
    loads.setSlot(direct, later, 0, 0);
    expect(loads.freed).toBe(1);
    expect(seen.stillFull(roomOver(loads))).toBe(true);
    loads.setSlot(direct, slot, 0, 0);
    expect(seen.stillFull(roomOver(loads))).toBe(false);
    loads.setSlot(direct, slot, 1, 1000);
    expect(seen.stillFull(roomOver(loads))).toBe(true);
  });

  it('found full for their hub-day hold only while that day is full', () => {
    const hub = ix.legFrom[direct];
    const day = dayOf(departAt);
    const loads = new LoadTable(ix);
    loads.setHubDay(hub, day, 5);
    const seen = new FullSeen();
    seen.add(direct, departAt, Full.HubDay);
    expect(seen.stillFull(roomOver(loads))).toBe(true);
    // The departure itself full, its hub-day no longer: the day's later departures have room.
    loads.setHubDay(hub, day, 4);
    loads.setSlot(direct, slot, 1, 1000);
    expect(roomOver(loads).check(direct, departAt)).toBe(Full.Departure);
    expect(seen.stillFull(roomOver(loads))).toBe(false);
  });

  it('hold nothing once one lies past the minutes they can note (the year 2097)', () => {
    const loads = new LoadTable(ix);
    // HGH's first day full: were minute 2^26 taken for minute 0 of the next leg from HGH, it would look full.
    loads.setHubDay(ix.legFrom[direct], 0, 5);
    const seen = new FullSeen();
    seen.add(direct, 2 ** 26, Full.Departure);
    expect(roomOver(loads).check(direct, 2 ** 26)).toBe(Full.No);
    expect(seen.stillFull(roomOver(loads))).toBe(false);
  });

  it('hold nothing once more were found than are kept', () => {
    const hub = ix.legFrom[direct];
    const dayStart = dayOf(departAt) * MINUTES_PER_DAY;
    const loads = new LoadTable(ix);
    loads.setHubDay(hub, dayOf(departAt), 5);
    const seen = new FullSeen();
    for (let i = 0; i < MAX_FULL_SEEN; i++) seen.add(direct, dayStart + i, Full.HubDay);
    seen.add(direct, dayStart, Full.HubDay);
    expect(seen.stillFull(roomOver(loads))).toBe(true);
    seen.add(direct, dayStart + MAX_FULL_SEEN, Full.HubDay);
    expect(seen.stillFull(roomOver(loads))).toBe(false);
  });
});
