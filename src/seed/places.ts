/**
 * Offices and immigration courts. The offices are the 25 ICE field-office
 * areas of responsibility, named by their seat city; the courts are real
 * immigration-court cities at approximate coordinates with the federal
 * circuit whose law governs them. Codes are immos's own.
 */
import type { CourtRow, OfficeRow } from "../store/repositories/reference.js";

const officeTable: [code: string, city: string, state: string, tz: string][] = [
  ["ATL", "Atlanta", "GA", "America/New_York"],
  ["BAL", "Baltimore", "MD", "America/New_York"],
  ["BOS", "Boston", "MA", "America/New_York"],
  ["BUF", "Buffalo", "NY", "America/New_York"],
  ["CHI", "Chicago", "IL", "America/Chicago"],
  ["DAL", "Dallas", "TX", "America/Chicago"],
  ["DEN", "Denver", "CO", "America/Denver"],
  ["DET", "Detroit", "MI", "America/Detroit"],
  ["ELP", "El Paso", "TX", "America/Denver"],
  ["HLG", "Harlingen", "TX", "America/Chicago"],
  ["HOU", "Houston", "TX", "America/Chicago"],
  ["LOS", "Los Angeles", "CA", "America/Los_Angeles"],
  ["MIA", "Miami", "FL", "America/New_York"],
  ["NEW", "Newark", "NJ", "America/New_York"],
  ["NOL", "New Orleans", "LA", "America/Chicago"],
  ["NYC", "New York", "NY", "America/New_York"],
  ["PHI", "Philadelphia", "PA", "America/New_York"],
  ["PHO", "Phoenix", "AZ", "America/Phoenix"],
  ["SEA", "Seattle", "WA", "America/Los_Angeles"],
  ["SFR", "San Francisco", "CA", "America/Los_Angeles"],
  ["SLC", "Salt Lake City", "UT", "America/Denver"],
  ["SNA", "San Antonio", "TX", "America/Chicago"],
  ["SND", "San Diego", "CA", "America/Los_Angeles"],
  ["SPM", "St. Paul", "MN", "America/Chicago"],
  ["WAS", "Washington", "VA", "America/New_York"],
];

/** Relative share of the national caseload, so the demo is busier where the real work is. */
export const officeWeight: Record<string, number> = {
  ATL: 5, BAL: 2, BOS: 3, BUF: 1, CHI: 5, DAL: 5, DEN: 3, DET: 2, ELP: 4, HLG: 5, HOU: 7, LOS: 7, MIA: 6,
  NEW: 4, NOL: 5, NYC: 6, PHI: 3, PHO: 5, SEA: 3, SFR: 4, SLC: 2, SNA: 5, SND: 4, SPM: 2, WAS: 3,
};

const courtTable: [code: string, city: string, state: string, circuit: string, lat: number, lon: number][] = [
  ["ADL", "Adelanto", "CA", "9", 34.583, -117.409],
  ["ANN", "Annandale", "VA", "4", 38.83, -77.196],
  ["ARL", "Arlington", "VA", "4", 38.88, -77.106],
  ["ATL", "Atlanta", "GA", "11", 33.749, -84.388],
  ["AUR", "Aurora", "CO", "10", 39.729, -104.832],
  ["BAL", "Baltimore", "MD", "4", 39.29, -76.612],
  ["BTV", "Batavia", "NY", "2", 42.998, -78.188],
  ["BOS", "Boston", "MA", "1", 42.36, -71.059],
  ["BUF", "Buffalo", "NY", "2", 42.886, -78.878],
  ["CHS", "Charlotte", "NC", "4", 35.227, -80.843],
  ["CHI", "Chicago", "IL", "7", 41.878, -87.63],
  ["CLE", "Cleveland", "OH", "6", 41.499, -81.694],
  ["CON", "Concord", "CA", "9", 37.978, -122.031],
  ["CXO", "Conroe", "TX", "5", 30.312, -95.456],
  ["DAL", "Dallas", "TX", "5", 32.777, -96.797],
  ["DEN", "Denver", "CO", "10", 39.739, -104.99],
  ["DET", "Detroit", "MI", "6", 42.331, -83.046],
  ["ELP", "El Paso", "TX", "5", 31.762, -106.485],
  ["ELZ", "Elizabeth", "NJ", "3", 40.664, -74.211],
  ["ELY", "Eloy", "AZ", "9", 32.756, -111.555],
  ["FLO", "Florence", "AZ", "9", 33.031, -111.387],
  ["FTW", "Fort Worth", "TX", "5", 32.755, -97.331],
  ["GUA", "Guaynabo", "PR", "1", 18.357, -66.111],
  ["HAR", "Harlingen", "TX", "5", 26.191, -97.696],
  ["HFD", "Hartford", "CT", "2", 41.764, -72.685],
  ["HNL", "Honolulu", "HI", "9", 21.307, -157.858],
  ["HOU", "Houston", "TX", "5", 29.76, -95.37],
  ["HYA", "Hyattsville", "MD", "4", 38.956, -76.945],
  ["IMP", "Imperial", "CA", "9", 32.847, -115.569],
  ["JEN", "Jena", "LA", "5", 31.683, -92.133],
  ["KAN", "Kansas City", "MO", "8", 39.1, -94.578],
  ["KRO", "Miami (Krome)", "FL", "11", 25.753, -80.486],
  ["LVG", "Las Vegas", "NV", "9", 36.17, -115.14],
  ["LOS", "Los Angeles", "CA", "9", 34.052, -118.244],
  ["LUM", "Lumpkin", "GA", "11", 32.051, -84.799],
  ["MEM", "Memphis", "TN", "6", 35.149, -90.049],
  ["MIA", "Miami", "FL", "11", 25.762, -80.192],
  ["MSP", "Fort Snelling", "MN", "8", 44.893, -93.181],
  ["NEW", "Newark", "NJ", "3", 40.736, -74.172],
  ["NOL", "New Orleans", "LA", "5", 29.951, -90.072],
  ["NYC", "New York", "NY", "2", 40.713, -74.006],
  ["OAK", "Oakdale", "LA", "5", 30.816, -92.66],
  ["OMA", "Omaha", "NE", "8", 41.257, -95.935],
  ["ORL", "Orlando", "FL", "11", 28.538, -81.379],
  ["OTM", "Otay Mesa", "CA", "9", 32.573, -116.967],
  ["OTR", "Chaparral (Otero)", "NM", "10", 32.37, -106.05],
  ["PSD", "Pearsall", "TX", "5", 28.892, -99.095],
  ["PHI", "Philadelphia", "PA", "3", 39.953, -75.165],
  ["PHO", "Phoenix", "AZ", "9", 33.448, -112.074],
  ["PIS", "Los Fresnos (Port Isabel)", "TX", "5", 26.071, -97.476],
  ["POR", "Portland", "OR", "9", 45.515, -122.679],
  ["SAC", "Sacramento", "CA", "9", 38.582, -121.494],
  ["SLC", "Salt Lake City", "UT", "10", 40.761, -111.891],
  ["SNA", "San Antonio", "TX", "5", 29.424, -98.494],
  ["SND", "San Diego", "CA", "9", 32.716, -117.161],
  ["SFR", "San Francisco", "CA", "9", 37.775, -122.419],
  ["SEA", "Seattle", "WA", "9", 47.606, -122.332],
  ["STR", "Sterling", "VA", "4", 39.006, -77.429],
  ["TAC", "Tacoma", "WA", "9", 47.253, -122.444],
  ["TUC", "Tucson", "AZ", "9", 32.222, -110.975],
  ["ULS", "Napanoch (Ulster)", "NY", "2", 41.744, -74.372],
  ["YRK", "York", "PA", "3", 39.963, -76.728],
];

export function offices(): OfficeRow[] {
  return officeTable.map(([code, city, state, tz]) => ({ code, name: `${city} Field Office`, city, state, tz }));
}

export function courts(): CourtRow[] {
  return courtTable.map(([code, city, state, circuit, lat, lon]) => ({
    code,
    name: `${city} Immigration Court`,
    city,
    state,
    circuit,
    lat,
    lon,
  }));
}

/** Where an office sits, for matching it to nearby courts and counsel. */
export const officeSeat: Record<string, { lat: number; lon: number }> = {
  ATL: { lat: 33.749, lon: -84.388 }, BAL: { lat: 39.29, lon: -76.612 }, BOS: { lat: 42.36, lon: -71.059 },
  BUF: { lat: 42.886, lon: -78.878 }, CHI: { lat: 41.878, lon: -87.63 }, DAL: { lat: 32.777, lon: -96.797 },
  DEN: { lat: 39.739, lon: -104.99 }, DET: { lat: 42.331, lon: -83.046 }, ELP: { lat: 31.762, lon: -106.485 },
  HLG: { lat: 26.191, lon: -97.696 }, HOU: { lat: 29.76, lon: -95.37 }, LOS: { lat: 34.052, lon: -118.244 },
  MIA: { lat: 25.762, lon: -80.192 }, NEW: { lat: 40.736, lon: -74.172 }, NOL: { lat: 29.951, lon: -90.072 },
  NYC: { lat: 40.713, lon: -74.006 }, PHI: { lat: 39.953, lon: -75.165 }, PHO: { lat: 33.448, lon: -112.074 },
  SEA: { lat: 47.606, lon: -122.332 }, SFR: { lat: 37.775, lon: -122.419 }, SLC: { lat: 40.761, lon: -111.891 },
  SNA: { lat: 29.424, lon: -98.494 }, SND: { lat: 32.716, lon: -117.161 }, SPM: { lat: 44.953, lon: -93.09 },
  WAS: { lat: 38.907, lon: -77.037 },
};
