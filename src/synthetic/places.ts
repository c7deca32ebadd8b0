/**
 * Real places, with approximate coordinates, that the synthetic generator and the
 * demo network put hubs on: cargo airports for gateways, and the main Chinese
 * cities that anchor regional sort centres.
 */

export interface Airport {
  code: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
}

export interface City {
  name: string;
  lat: number;
  lon: number;
}

/** Chinese cargo airports, the busiest first. */
export const CN_AIRPORTS: readonly Airport[] = [
  { code: 'HGH', city: 'Hangzhou', country: 'CN', lat: 30.23, lon: 120.43 },
  { code: 'PVG', city: 'Shanghai', country: 'CN', lat: 31.14, lon: 121.81 },
  { code: 'PEK', city: 'Beijing', country: 'CN', lat: 40.08, lon: 116.58 },
  { code: 'CAN', city: 'Guangzhou', country: 'CN', lat: 23.39, lon: 113.3 },
  { code: 'SZX', city: 'Shenzhen', country: 'CN', lat: 22.64, lon: 113.81 },
  { code: 'CTU', city: 'Chengdu', country: 'CN', lat: 30.58, lon: 103.95 },
  { code: 'CGO', city: 'Zhengzhou', country: 'CN', lat: 34.52, lon: 113.84 },
  { code: 'URC', city: 'Urumqi', country: 'CN', lat: 43.91, lon: 87.47 },
  { code: 'EHU', city: 'Ezhou', country: 'CN', lat: 30.34, lon: 115.03 },
  { code: 'XIY', city: "Xi'an", country: 'CN', lat: 34.45, lon: 108.75 },
  { code: 'KMG', city: 'Kunming', country: 'CN', lat: 25.1, lon: 102.93 },
  { code: 'CKG', city: 'Chongqing', country: 'CN', lat: 29.72, lon: 106.64 },
  { code: 'NKG', city: 'Nanjing', country: 'CN', lat: 31.74, lon: 118.86 },
  { code: 'TSN', city: 'Tianjin', country: 'CN', lat: 39.12, lon: 117.35 },
  { code: 'SHE', city: 'Shenyang', country: 'CN', lat: 41.64, lon: 123.48 },
  { code: 'HRB', city: 'Harbin', country: 'CN', lat: 45.62, lon: 126.25 },
  { code: 'XMN', city: 'Xiamen', country: 'CN', lat: 24.54, lon: 118.13 },
  { code: 'TAO', city: 'Qingdao', country: 'CN', lat: 36.36, lon: 120.09 },
  { code: 'CSX', city: 'Changsha', country: 'CN', lat: 28.19, lon: 113.22 },
  { code: 'NNG', city: 'Nanning', country: 'CN', lat: 22.61, lon: 108.17 },
  { code: 'DLC', city: 'Dalian', country: 'CN', lat: 38.97, lon: 121.54 },
  { code: 'HAK', city: 'Haikou', country: 'CN', lat: 19.93, lon: 110.46 },
  { code: 'LHW', city: 'Lanzhou', country: 'CN', lat: 36.52, lon: 103.62 },
  { code: 'WUH', city: 'Wuhan', country: 'CN', lat: 30.78, lon: 114.21 },
];

/** Cargo airports abroad that Chinese cross-border parcels fly to. */
export const FOREIGN_AIRPORTS: readonly Airport[] = [
  { code: 'DXB', city: 'Dubai', country: 'AE', lat: 25.25, lon: 55.36 },
  { code: 'KUL', city: 'Kuala Lumpur', country: 'MY', lat: 2.75, lon: 101.71 },
  { code: 'LGG', city: 'Liège', country: 'BE', lat: 50.64, lon: 5.44 },
  { code: 'SVO', city: 'Moscow', country: 'RU', lat: 55.97, lon: 37.41 },
  { code: 'BUD', city: 'Budapest', country: 'HU', lat: 47.44, lon: 19.26 },
  { code: 'ALA', city: 'Almaty', country: 'KZ', lat: 43.35, lon: 77.04 },
  { code: 'LAX', city: 'Los Angeles', country: 'US', lat: 33.94, lon: -118.41 },
  { code: 'SYD', city: 'Sydney', country: 'AU', lat: -33.95, lon: 151.18 },
  { code: 'FRA', city: 'Frankfurt', country: 'DE', lat: 50.03, lon: 8.56 },
  { code: 'LHR', city: 'London', country: 'GB', lat: 51.47, lon: -0.45 },
  { code: 'CDG', city: 'Paris', country: 'FR', lat: 49.01, lon: 2.55 },
  { code: 'MAD', city: 'Madrid', country: 'ES', lat: 40.49, lon: -3.57 },
  { code: 'WAW', city: 'Warsaw', country: 'PL', lat: 52.17, lon: 20.97 },
  { code: 'IST', city: 'Istanbul', country: 'TR', lat: 41.26, lon: 28.74 },
  { code: 'DOH', city: 'Doha', country: 'QA', lat: 25.27, lon: 51.61 },
  { code: 'BKK', city: 'Bangkok', country: 'TH', lat: 13.69, lon: 100.75 },
  { code: 'SIN', city: 'Singapore', country: 'SG', lat: 1.36, lon: 103.99 },
  { code: 'CGK', city: 'Jakarta', country: 'ID', lat: -6.13, lon: 106.66 },
  { code: 'SGN', city: 'Ho Chi Minh City', country: 'VN', lat: 10.82, lon: 106.65 },
  { code: 'MNL', city: 'Manila', country: 'PH', lat: 14.51, lon: 121.02 },
  { code: 'ICN', city: 'Seoul', country: 'KR', lat: 37.46, lon: 126.44 },
  { code: 'NRT', city: 'Tokyo', country: 'JP', lat: 35.77, lon: 140.39 },
  { code: 'DEL', city: 'Delhi', country: 'IN', lat: 28.56, lon: 77.1 },
  { code: 'BOM', city: 'Mumbai', country: 'IN', lat: 19.09, lon: 72.87 },
  { code: 'JFK', city: 'New York', country: 'US', lat: 40.64, lon: -73.78 },
  { code: 'ORD', city: 'Chicago', country: 'US', lat: 41.98, lon: -87.9 },
  { code: 'MEX', city: 'Mexico City', country: 'MX', lat: 19.44, lon: -99.07 },
  { code: 'GRU', city: 'São Paulo', country: 'BR', lat: -23.43, lon: -46.47 },
  { code: 'JNB', city: 'Johannesburg', country: 'ZA', lat: -26.14, lon: 28.24 },
  { code: 'NBO', city: 'Nairobi', country: 'KE', lat: -1.32, lon: 36.93 },
  { code: 'RUH', city: 'Riyadh', country: 'SA', lat: 24.96, lon: 46.7 },
  { code: 'AKL', city: 'Auckland', country: 'NZ', lat: -37.01, lon: 174.79 },
  { code: 'TAS', city: 'Tashkent', country: 'UZ', lat: 41.26, lon: 69.28 },
  { code: 'MSQ', city: 'Minsk', country: 'BY', lat: 53.88, lon: 28.03 },
];

/** Countries a China–Europe or Central Asia freight train reaches. */
export const RAIL_COUNTRIES: ReadonlySet<string> = new Set([
  'KZ',
  'UZ',
  'RU',
  'BY',
  'PL',
  'HU',
  'DE',
  'BE',
  'FR',
  'ES',
  'GB',
]);

/** Chinese province capitals and other large cities that anchor regional sort centres. */
export const CN_REGION_CENTRES: readonly City[] = [
  { name: 'Beijing', lat: 39.9, lon: 116.4 },
  { name: 'Tianjin', lat: 39.13, lon: 117.2 },
  { name: 'Shijiazhuang', lat: 38.04, lon: 114.51 },
  { name: 'Taiyuan', lat: 37.87, lon: 112.55 },
  { name: 'Hohhot', lat: 40.84, lon: 111.75 },
  { name: 'Shenyang', lat: 41.8, lon: 123.43 },
  { name: 'Changchun', lat: 43.88, lon: 125.32 },
  { name: 'Harbin', lat: 45.8, lon: 126.53 },
  { name: 'Shanghai', lat: 31.23, lon: 121.47 },
  { name: 'Nanjing', lat: 32.06, lon: 118.8 },
  { name: 'Hangzhou', lat: 30.27, lon: 120.16 },
  { name: 'Hefei', lat: 31.82, lon: 117.23 },
  { name: 'Fuzhou', lat: 26.07, lon: 119.3 },
  { name: 'Nanchang', lat: 28.68, lon: 115.86 },
  { name: 'Jinan', lat: 36.65, lon: 117.12 },
  { name: 'Zhengzhou', lat: 34.75, lon: 113.63 },
  { name: 'Wuhan', lat: 30.59, lon: 114.31 },
  { name: 'Changsha', lat: 28.23, lon: 112.94 },
  { name: 'Guangzhou', lat: 23.13, lon: 113.26 },
  { name: 'Nanning', lat: 22.82, lon: 108.37 },
  { name: 'Haikou', lat: 20.04, lon: 110.2 },
  { name: 'Chongqing', lat: 29.56, lon: 106.55 },
  { name: 'Chengdu', lat: 30.57, lon: 104.07 },
  { name: 'Guiyang', lat: 26.65, lon: 106.63 },
  { name: 'Kunming', lat: 25.04, lon: 102.71 },
  { name: 'Lhasa', lat: 29.65, lon: 91.13 },
  { name: "Xi'an", lat: 34.34, lon: 108.94 },
  { name: 'Lanzhou', lat: 36.06, lon: 103.83 },
  { name: 'Xining', lat: 36.62, lon: 101.78 },
  { name: 'Yinchuan', lat: 38.49, lon: 106.23 },
  { name: 'Urumqi', lat: 43.83, lon: 87.62 },
  { name: 'Kashgar', lat: 39.47, lon: 75.99 },
  { name: 'Qingdao', lat: 36.07, lon: 120.38 },
  { name: 'Dalian', lat: 38.91, lon: 121.6 },
  { name: 'Ningbo', lat: 29.87, lon: 121.54 },
  { name: 'Wenzhou', lat: 28.0, lon: 120.7 },
  { name: 'Xiamen', lat: 24.48, lon: 118.09 },
  { name: 'Shenzhen', lat: 22.54, lon: 114.06 },
  { name: 'Suzhou', lat: 31.3, lon: 120.59 },
  { name: 'Xuzhou', lat: 34.26, lon: 117.18 },
  { name: 'Luoyang', lat: 34.62, lon: 112.45 },
  { name: 'Baotou', lat: 40.66, lon: 109.84 },
];
