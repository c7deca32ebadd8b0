/**
 * A five-hub network for the HTTP tests:
 *
 *   HGH ──air 02:30/14:30 Mon,Wed,Fri (cut-off 90)──▶ SVO
 *    │                                                ▲
 *    └─truck shuttle 180 min─▶ PVG ──air 10:00 daily──┘
 *   DXB (no legs)   LGG (no legs: nothing reaches it)
 */
import type { NetworkDocument } from '../../src/routing/types';

export function tinyNetwork(name = 'tiny'): NetworkDocument {
  return {
    name,
    hubs: [
      {
        id: 'HGH',
        name: 'Hangzhou Gateway',
        country: 'CN',
        lat: 30.23,
        lon: 120.43,
        sortMinutes: 60,
        handlingCost: 0.05,
      },
      {
        id: 'PVG',
        name: 'Shanghai Pudong',
        country: 'CN',
        lat: 31.14,
        lon: 121.8,
        sortMinutes: 30,
        handlingCost: 0.04,
      },
      {
        id: 'SVO',
        name: 'Moscow Sheremetyevo',
        country: 'RU',
        lat: 55.97,
        lon: 37.41,
        sortMinutes: 45,
        handlingCost: 0.1,
      },
      { id: 'DXB', name: 'Dubai', country: 'AE', lat: 25.25, lon: 55.36, sortMinutes: 30, handlingCost: 0.05 },
      { id: 'LGG', name: 'Liège', country: 'BE', lat: 50.64, lon: 5.44, sortMinutes: 30, handlingCost: 0.08 },
    ],
    legs: [
      {
        id: 'AIR-HGH-SVO-1',
        from: 'HGH',
        to: 'SVO',
        mode: 'air',
        carrier: 'Cainiao Air',
        durationMinutes: 480,
        costPerParcel: 2.5,
        costPerKg: 1.8,
        departures: ['02:30', '14:30'],
        days: [1, 3, 5],
        cutoffMinutes: 90,
        co2KgPerKg: 4.1,
      },
      {
        id: 'TRK-HGH-PVG',
        from: 'HGH',
        to: 'PVG',
        mode: 'truck',
        carrier: 'ZTO',
        durationMinutes: 180,
        costPerParcel: 0.8,
        costPerKg: 0.1,
      },
      {
        id: 'AIR-PVG-SVO',
        from: 'PVG',
        to: 'SVO',
        mode: 'air',
        carrier: 'China Eastern',
        durationMinutes: 540,
        costPerParcel: 3,
        costPerKg: 2,
        departures: ['10:00'],
        cutoffMinutes: 60,
        co2KgPerKg: 4.5,
      },
    ],
  };
}
