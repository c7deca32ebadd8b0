import type { HubKind, Mode } from '../../src/routing/types';

/**
 * The Chinese hubs of the demo network below the gateways, on real places with
 * approximate coordinates. Each row names its parent: the hub one level up that it
 * feeds (a sort centre's gateway, a city's sort centre or gateway, a county
 * station's city or sort centre).
 */
export interface DemoPlace {
  id: string;
  place: string;
  lat: number;
  lon: number;
  parent: string;
  /** How it reaches its parent when a truck is too slow; by distance otherwise. */
  feeder?: Mode;
}

/** Gateways on these airports (see src/synthetic/places.ts), the Hangzhou gateway first. */
export const CN_GATEWAY_CODES = ['HGH', 'PVG', 'PEK', 'CAN', 'SZX', 'CTU', 'CGO', 'URC', 'EHU', 'XIY'];

/** The first global hubs (FACTS.md), then a few more reached from them. */
export const FOREIGN_GATEWAY_CODES = ['DXB', 'KUL', 'LGG', 'SVO', 'BUD', 'ALA', 'LAX', 'SYD'];

export const SORT_CENTRES: readonly DemoPlace[] = [
  { id: 'SUZHOU-SC', place: 'Suzhou', lat: 31.3, lon: 120.59, parent: 'PVG' },
  { id: 'NANJING-SC', place: 'Nanjing', lat: 32.06, lon: 118.8, parent: 'PVG' },
  { id: 'HEFEI-SC', place: 'Hefei', lat: 31.82, lon: 117.23, parent: 'EHU' },
  { id: 'JINHUA-SC', place: 'Jinhua', lat: 29.08, lon: 119.65, parent: 'HGH' },
  { id: 'FUZHOU-SC', place: 'Fuzhou', lat: 26.07, lon: 119.3, parent: 'HGH' },
  { id: 'XIAMEN-SC', place: 'Xiamen', lat: 24.48, lon: 118.09, parent: 'SZX' },
  { id: 'XUZHOU-SC', place: 'Xuzhou', lat: 34.26, lon: 117.18, parent: 'CGO' },
  { id: 'JINAN-SC', place: 'Jinan', lat: 36.65, lon: 117.12, parent: 'PEK' },
  { id: 'QINGDAO-SC', place: 'Qingdao', lat: 36.07, lon: 120.38, parent: 'PEK' },
  { id: 'TIANJIN-SC', place: 'Tianjin', lat: 39.13, lon: 117.2, parent: 'PEK' },
  { id: 'SJZ-SC', place: 'Shijiazhuang', lat: 38.04, lon: 114.51, parent: 'PEK' },
  { id: 'SHENYANG-SC', place: 'Shenyang', lat: 41.8, lon: 123.43, parent: 'PEK' },
  { id: 'HARBIN-SC', place: 'Harbin', lat: 45.8, lon: 126.53, parent: 'PEK' },
  { id: 'TAIYUAN-SC', place: 'Taiyuan', lat: 37.87, lon: 112.55, parent: 'CGO' },
  { id: 'WUHAN-SC', place: 'Wuhan', lat: 30.59, lon: 114.31, parent: 'EHU' },
  { id: 'CHANGSHA-SC', place: 'Changsha', lat: 28.23, lon: 112.94, parent: 'EHU' },
  { id: 'NANCHANG-SC', place: 'Nanchang', lat: 28.68, lon: 115.86, parent: 'EHU' },
  { id: 'DONGGUAN-SC', place: 'Dongguan', lat: 23.02, lon: 113.75, parent: 'SZX' },
  { id: 'NANNING-SC', place: 'Nanning', lat: 22.82, lon: 108.37, parent: 'CAN' },
  { id: 'CHONGQING-SC', place: 'Chongqing', lat: 29.56, lon: 106.55, parent: 'CTU' },
  { id: 'KUNMING-SC', place: 'Kunming', lat: 25.04, lon: 102.71, parent: 'CTU' },
  { id: 'LANZHOU-SC', place: 'Lanzhou', lat: 36.06, lon: 103.83, parent: 'XIY' },
];

export const CITIES: readonly DemoPlace[] = [
  { id: 'HANGZHOU', place: 'Hangzhou', lat: 30.27, lon: 120.16, parent: 'HGH' },
  { id: 'SHANGHAI', place: 'Shanghai', lat: 31.23, lon: 121.47, parent: 'PVG' },
  { id: 'BEIJING', place: 'Beijing', lat: 39.9, lon: 116.4, parent: 'PEK' },
  { id: 'GUANGZHOU', place: 'Guangzhou', lat: 23.13, lon: 113.26, parent: 'CAN' },
  { id: 'SHENZHEN', place: 'Shenzhen', lat: 22.54, lon: 114.06, parent: 'SZX' },
  { id: 'CHENGDU', place: 'Chengdu', lat: 30.57, lon: 104.07, parent: 'CTU' },
  { id: 'ZHENGZHOU', place: 'Zhengzhou', lat: 34.75, lon: 113.63, parent: 'CGO' },
  { id: 'XIAN', place: "Xi'an", lat: 34.34, lon: 108.94, parent: 'XIY' },
  { id: 'URUMQI', place: 'Urumqi', lat: 43.83, lon: 87.62, parent: 'URC' },
  { id: 'NINGBO', place: 'Ningbo', lat: 29.87, lon: 121.54, parent: 'HGH' },
  { id: 'SHAOXING', place: 'Shaoxing', lat: 30.0, lon: 120.58, parent: 'HGH' },
  { id: 'HUZHOU', place: 'Huzhou', lat: 30.89, lon: 120.09, parent: 'HGH' },
  { id: 'JIAXING', place: 'Jiaxing', lat: 30.75, lon: 120.76, parent: 'HGH' },
  { id: 'WENZHOU', place: 'Wenzhou', lat: 28.0, lon: 120.7, parent: 'JINHUA-SC' },
  { id: 'WUXI', place: 'Wuxi', lat: 31.49, lon: 120.31, parent: 'SUZHOU-SC' },
  { id: 'CHANGZHOU', place: 'Changzhou', lat: 31.81, lon: 119.97, parent: 'SUZHOU-SC' },
  { id: 'YANTAI', place: 'Yantai', lat: 37.46, lon: 121.45, parent: 'QINGDAO-SC' },
  { id: 'DALIAN', place: 'Dalian', lat: 38.91, lon: 121.6, parent: 'PEK', feeder: 'air' },
  { id: 'CHANGCHUN', place: 'Changchun', lat: 43.88, lon: 125.32, parent: 'HARBIN-SC' },
  { id: 'HOHHOT', place: 'Hohhot', lat: 40.84, lon: 111.75, parent: 'PEK', feeder: 'air' },
  { id: 'LUOYANG', place: 'Luoyang', lat: 34.62, lon: 112.45, parent: 'CGO' },
  { id: 'FOSHAN', place: 'Foshan', lat: 23.02, lon: 113.12, parent: 'CAN' },
  { id: 'ZHUHAI', place: 'Zhuhai', lat: 22.27, lon: 113.58, parent: 'CAN' },
  { id: 'QUANZHOU', place: 'Quanzhou', lat: 24.87, lon: 118.68, parent: 'XIAMEN-SC' },
  { id: 'GUILIN', place: 'Guilin', lat: 25.27, lon: 110.29, parent: 'CAN', feeder: 'air' },
  { id: 'MIANYANG', place: 'Mianyang', lat: 31.47, lon: 104.68, parent: 'CTU' },
  { id: 'XINING', place: 'Xining', lat: 36.62, lon: 101.78, parent: 'LANZHOU-SC' },
  { id: 'HAIKOU', place: 'Haikou', lat: 20.04, lon: 110.2, parent: 'CAN', feeder: 'air' },
  { id: 'LHASA', place: 'Lhasa', lat: 29.65, lon: 91.13, parent: 'CTU', feeder: 'air' },
  { id: 'KASHGAR', place: 'Kashgar', lat: 39.47, lon: 75.99, parent: 'URC', feeder: 'air' },
];

export const COUNTY_STATIONS: readonly DemoPlace[] = [
  { id: 'YIWU', place: 'Yiwu', lat: 29.31, lon: 120.08, parent: 'JINHUA-SC' },
  { id: 'DONGYANG', place: 'Dongyang', lat: 29.29, lon: 120.24, parent: 'JINHUA-SC' },
  { id: 'YONGKANG', place: 'Yongkang', lat: 28.89, lon: 120.05, parent: 'JINHUA-SC' },
  { id: 'TONGLU', place: 'Tonglu', lat: 29.8, lon: 119.69, parent: 'HANGZHOU' },
  { id: 'LINAN', place: "Lin'an", lat: 30.23, lon: 119.72, parent: 'HANGZHOU' },
  { id: 'CHUNAN', place: "Chun'an", lat: 29.61, lon: 119.04, parent: 'HANGZHOU' },
  { id: 'ANJI', place: 'Anji', lat: 30.64, lon: 119.68, parent: 'HUZHOU' },
  { id: 'DEQING', place: 'Deqing', lat: 30.54, lon: 119.96, parent: 'HUZHOU' },
  { id: 'CIXI', place: 'Cixi', lat: 30.17, lon: 121.27, parent: 'NINGBO' },
  { id: 'ZHUJI', place: 'Zhuji', lat: 29.71, lon: 120.24, parent: 'SHAOXING' },
  { id: 'SHUYANG', place: 'Shuyang', lat: 34.13, lon: 118.79, parent: 'XUZHOU-SC' },
  { id: 'CAOXIAN', place: 'Cao County', lat: 34.83, lon: 115.55, parent: 'ZHENGZHOU' },
  { id: 'SHOUGUANG', place: 'Shouguang', lat: 36.88, lon: 118.74, parent: 'QINGDAO-SC' },
  { id: 'JINJIANG', place: 'Jinjiang', lat: 24.78, lon: 118.55, parent: 'QUANZHOU' },
  { id: 'YANGSHUO', place: 'Yangshuo', lat: 24.78, lon: 110.49, parent: 'GUILIN' },
  { id: 'DUJIANGYAN', place: 'Dujiangyan', lat: 31.0, lon: 103.62, parent: 'CHENGDU' },
  { id: 'TURPAN', place: 'Turpan', lat: 42.95, lon: 89.19, parent: 'URUMQI' },
  { id: 'LANKAO', place: 'Lankao', lat: 34.82, lon: 114.82, parent: 'ZHENGZHOU' },
];

/** Sort minutes and handling cost of each kind of demo hub (daily capacities follow from the legs: src/synthetic/capacities.ts). */
export const DEMO_TRAITS: Readonly<Record<HubKind, { sortMinutes: number; handlingCost: number }>> = {
  gateway: { sortMinutes: 60, handlingCost: 0.06 },
  'sort-center': { sortMinutes: 45, handlingCost: 0.04 },
  city: { sortMinutes: 30, handlingCost: 0.025 },
  rural: { sortMinutes: 15, handlingCost: 0.015 },
};
