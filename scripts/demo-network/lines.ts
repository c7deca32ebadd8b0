import type { Mode } from '../../src/routing/types';
import { WEEKDAYS } from '../../src/synthetic/schedule';

/** A named line run both ways between two demo hubs, with its UTC timetable. */
export interface DemoLine {
  a: string;
  b: string;
  mode: Mode;
  carrier: string;
  /** Departures from `a`. */
  departures: string[];
  /** Departures from `b`. @defaultValue the same as `departures` */
  returns?: string[];
  days?: readonly number[];
  cutoffMinutes?: number;
  co2KgPerKg?: number;
  capacityPerDeparture?: number;
  capacityKgPerDeparture?: number;
}

/** Overnight trunk lines between neighbouring regional sort centres (20:00–22:00 Beijing time). */
export const REGIONAL_LINES: readonly DemoLine[] = [
  { a: 'SUZHOU-SC', b: 'NANJING-SC', mode: 'truck', carrier: 'ZTO', departures: ['12:00', '14:00'] },
  { a: 'NANJING-SC', b: 'HEFEI-SC', mode: 'truck', carrier: 'YTO Express', departures: ['12:00', '14:00'] },
  {
    a: 'HEFEI-SC',
    b: 'WUHAN-SC',
    mode: 'rail',
    carrier: 'China Railway Express',
    departures: ['13:00'],
    days: WEEKDAYS,
  },
  { a: 'JINHUA-SC', b: 'FUZHOU-SC', mode: 'truck', carrier: 'Best Inc', departures: ['12:30', '14:30'] },
  { a: 'JINAN-SC', b: 'TIANJIN-SC', mode: 'truck', carrier: 'STO Express', departures: ['12:00', '14:00'] },
  { a: 'JINAN-SC', b: 'QINGDAO-SC', mode: 'truck', carrier: 'ZTO', departures: ['12:00', '14:00'] },
  { a: 'TAIYUAN-SC', b: 'SJZ-SC', mode: 'truck', carrier: 'Yunda', departures: ['13:00'] },
  {
    a: 'SHENYANG-SC',
    b: 'HARBIN-SC',
    mode: 'rail',
    carrier: 'China Railway Express',
    departures: ['12:30'],
    days: WEEKDAYS,
  },
  { a: 'SHENYANG-SC', b: 'HARBIN-SC', mode: 'truck', carrier: 'YTO Express', departures: ['13:00'] },
  { a: 'WUHAN-SC', b: 'CHANGSHA-SC', mode: 'truck', carrier: 'J&T Express', departures: ['12:00', '14:00'] },
  { a: 'CHANGSHA-SC', b: 'NANCHANG-SC', mode: 'truck', carrier: 'Best Inc', departures: ['13:00'] },
  { a: 'DONGGUAN-SC', b: 'NANNING-SC', mode: 'truck', carrier: 'SF Express', departures: ['12:00'] },
  {
    a: 'CHONGQING-SC',
    b: 'KUNMING-SC',
    mode: 'rail',
    carrier: 'China Railway Express',
    departures: ['12:00'],
    days: WEEKDAYS,
  },
  { a: 'NANNING-SC', b: 'KUNMING-SC', mode: 'rail', carrier: 'China Railway Express', departures: ['11:00'] },
];

/** China Railway Express freight trains between gateways, cheaper and greener than the night flights. */
export const GATEWAY_RAIL_LINES: readonly DemoLine[] = [
  { a: 'PEK', b: 'CGO', mode: 'rail', carrier: 'China Railway Express', departures: ['12:00'] },
  { a: 'CGO', b: 'EHU', mode: 'rail', carrier: 'China Railway Express', departures: ['12:30'] },
  { a: 'EHU', b: 'CAN', mode: 'rail', carrier: 'China Railway Express', departures: ['13:00'] },
  { a: 'CGO', b: 'XIY', mode: 'rail', carrier: 'China Railway Express', departures: ['11:30'] },
  { a: 'XIY', b: 'CTU', mode: 'rail', carrier: 'China Railway Express', departures: ['12:00'], days: WEEKDAYS },
  { a: 'XIY', b: 'URC', mode: 'rail', carrier: 'China Railway Express', departures: ['10:00'], days: [1, 3, 5] },
  { a: 'HGH', b: 'EHU', mode: 'rail', carrier: 'China Railway Express', departures: ['13:30'] },
];

/** The belly of a passenger wide-body (B777-300ER): about 20 t for cargo. */
const BELLY = { capacityPerDeparture: 10_000, capacityKgPerDeparture: 20_000 };
/** A B747-8F freighter: about 134 t. */
const JUMBO = { capacityPerDeparture: 70_000, capacityKgPerDeparture: 130_000 };
/** An A330-200F freighter: about 65 t. */
const A330F = { capacityPerDeparture: 35_000, capacityKgPerDeparture: 65_000 };

/**
 * Cross-border lines. Flights leave China late in the Beijing evening, after the
 * domestic feeders are in; some fly on certain weekdays only. Emirates carries parcels
 * in the belly of passenger flights; the others fly freighters (the ones not named
 * here take their size from the distance: src/synthetic/capacities.ts).
 */
export const INTERNATIONAL_LINES: readonly DemoLine[] = [
  {
    a: 'HGH',
    b: 'SVO',
    mode: 'air',
    carrier: 'Cainiao Air',
    departures: ['02:30', '14:30'],
    days: [1, 3, 5],
    cutoffMinutes: 90,
    co2KgPerKg: 4.1,
    capacityPerDeparture: 20000,
    capacityKgPerDeparture: 52000,
  },
  { a: 'PEK', b: 'SVO', mode: 'air', carrier: 'AirBridgeCargo', departures: ['16:00'], returns: ['18:00'], ...JUMBO },
  {
    a: 'HGH',
    b: 'DXB',
    mode: 'air',
    carrier: 'Emirates SkyCargo',
    departures: ['16:30'],
    returns: ['04:00'],
    ...BELLY,
  },
  {
    a: 'PVG',
    b: 'DXB',
    mode: 'air',
    carrier: 'Emirates SkyCargo',
    departures: ['18:00'],
    returns: ['22:00'],
    ...BELLY,
  },
  { a: 'HGH', b: 'KUL', mode: 'air', carrier: 'Cainiao Air', departures: ['15:00'], returns: ['02:00'] },
  { a: 'CAN', b: 'KUL', mode: 'air', carrier: 'MASkargo', departures: ['16:30'], returns: ['06:00'], ...A330F },
  {
    a: 'HGH',
    b: 'LGG',
    mode: 'air',
    carrier: 'Cainiao Air',
    departures: ['16:00'],
    returns: ['20:00'],
    days: [2, 4, 6],
  },
  {
    a: 'CGO',
    b: 'LGG',
    mode: 'air',
    carrier: 'Cainiao Air',
    departures: ['17:00'],
    returns: ['21:00'],
    days: [1, 3, 5],
  },
  { a: 'PVG', b: 'LAX', mode: 'air', carrier: 'DHL Aviation', departures: ['17:30'], returns: ['07:00'] },
  {
    a: 'SZX',
    b: 'LAX',
    mode: 'air',
    carrier: 'Cainiao Air',
    departures: ['16:00'],
    returns: ['08:00'],
    days: [2, 4, 6],
  },
  { a: 'CAN', b: 'SYD', mode: 'air', carrier: 'China Southern Cargo', departures: ['15:30'], returns: ['03:00'] },
  { a: 'URC', b: 'ALA', mode: 'air', carrier: 'Cainiao Air', departures: ['05:00'], returns: ['11:00'] },
  { a: 'URC', b: 'ALA', mode: 'rail', carrier: 'China Railway Express', departures: ['10:00'], days: [1, 4] },
  {
    a: 'CGO',
    b: 'BUD',
    mode: 'air',
    carrier: 'Cainiao Air',
    departures: ['17:30'],
    returns: ['19:00'],
    days: [2, 4, 7],
  },
  {
    a: 'XIY',
    b: 'BUD',
    mode: 'rail',
    carrier: 'China Railway Express',
    departures: ['12:00'],
    days: [2, 5],
    co2KgPerKg: 0.16,
  },
  { a: 'ALA', b: 'SVO', mode: 'rail', carrier: 'KTZ Express', departures: ['08:00'], days: [3, 6] },
  { a: 'SZX', b: 'KUL', mode: 'sea', carrier: 'COSCO Shipping', departures: ['06:00'], days: [3] },
  { a: 'DXB', b: 'LGG', mode: 'air', carrier: 'Emirates SkyCargo', departures: ['02:00'], ...BELLY },
  { a: 'DXB', b: 'SVO', mode: 'air', carrier: 'Emirates SkyCargo', departures: ['06:00'], ...BELLY },
  { a: 'DXB', b: 'KUL', mode: 'air', carrier: 'Emirates SkyCargo', departures: ['21:00'], ...BELLY },
  { a: 'KUL', b: 'SYD', mode: 'air', carrier: 'MASkargo', departures: ['14:00'], ...A330F },
  { a: 'LGG', b: 'BUD', mode: 'truck', carrier: 'Cainiao', departures: ['18:00'] },
  { a: 'LGG', b: 'SVO', mode: 'air', carrier: 'DHL Aviation', departures: ['20:00'], days: WEEKDAYS },
];
