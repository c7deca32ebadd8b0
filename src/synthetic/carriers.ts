/** Carriers that run each kind of line, for the synthetic and demo networks. */
export const CARRIERS = {
  rural: ['Cainiao', 'ZTO', 'YTO Express', 'Best Inc'],
  cityEv: ['Cainiao', 'SF Express', 'ZTO', 'YTO Express'],
  domesticTruck: ['ZTO', 'YTO Express', 'Best Inc', 'STO Express', 'Yunda', 'SF Express', 'J&T Express'],
  domesticRail: ['China Railway Express'],
  domesticAir: ['Cainiao Air', 'SF Airlines', 'China Postal Airlines', 'YTO Cargo Airlines'],
  internationalAir: [
    'Cainiao Air',
    'Emirates SkyCargo',
    'DHL Aviation',
    'Qatar Airways Cargo',
    'Turkish Cargo',
    'MASkargo',
    'AirBridgeCargo',
  ],
  internationalRail: ['China Railway Express', 'KTZ Express'],
  sea: ['COSCO Shipping', 'Maersk'],
} as const satisfies Record<string, readonly string[]>;
