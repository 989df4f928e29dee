/**
 * U.S. cities at approximate coordinates, with a rough population weight (millions,
 * metro) and whether an immigration court sits there. Synthetic-data scaffolding only.
 */
export interface City {
  name: string;
  code: string;
  lat: number;
  lon: number;
  pop: number;
  court: boolean;
}

const raw: [string, string, number, number, number, 0 | 1][] = [
  ["New York", "NYC", 40.713, -74.006, 19.5, 1],
  ["Los Angeles", "LAX", 34.052, -118.244, 13.0, 1],
  ["Chicago", "CHI", 41.878, -87.63, 9.4, 1],
  ["Dallas", "DAL", 32.777, -96.797, 7.6, 1],
  ["Houston", "HOU", 29.76, -95.37, 7.1, 1],
  ["Washington", "WAS", 38.907, -77.037, 6.3, 0],
  ["Philadelphia", "PHL", 39.953, -75.165, 6.2, 1],
  ["Miami", "MIA", 25.762, -80.192, 6.1, 1],
  ["Atlanta", "ATL", 33.749, -84.388, 6.1, 1],
  ["Boston", "BOS", 42.36, -71.059, 4.9, 1],
  ["Phoenix", "PHX", 33.448, -112.074, 4.9, 1],
  ["San Francisco", "SFO", 37.775, -122.419, 4.7, 1],
  ["Riverside", "RIV", 33.953, -117.396, 4.6, 0],
  ["Detroit", "DET", 42.331, -83.046, 4.3, 1],
  ["Seattle", "SEA", 47.606, -122.332, 4.0, 1],
  ["Minneapolis", "MSP", 44.978, -93.265, 3.7, 1],
  ["San Diego", "SAN", 32.716, -117.161, 3.3, 1],
  ["Tampa", "TPA", 27.951, -82.457, 3.2, 0],
  ["Denver", "DEN", 39.739, -104.99, 3.0, 1],
  ["Baltimore", "BAL", 39.29, -76.612, 2.8, 1],
  ["St. Louis", "STL", 38.627, -90.199, 2.8, 0],
  ["Orlando", "ORL", 28.538, -81.379, 2.7, 1],
  ["Charlotte", "CLT", 35.227, -80.843, 2.7, 1],
  ["San Antonio", "SAT", 29.424, -98.494, 2.6, 1],
  ["Portland", "PDX", 45.515, -122.679, 2.5, 1],
  ["Sacramento", "SMF", 38.582, -121.494, 2.4, 1],
  ["Pittsburgh", "PIT", 40.441, -79.996, 2.4, 0],
  ["Austin", "AUS", 30.267, -97.743, 2.3, 0],
  ["Las Vegas", "LAS", 36.17, -115.14, 2.3, 1],
  ["Cincinnati", "CVG", 39.103, -84.512, 2.3, 0],
  ["Kansas City", "MCI", 39.1, -94.578, 2.2, 1],
  ["Columbus", "CMH", 39.961, -82.999, 2.1, 0],
  ["Indianapolis", "IND", 39.768, -86.158, 2.1, 0],
  ["Cleveland", "CLE", 41.499, -81.694, 2.1, 1],
  ["San Jose", "SJC", 37.338, -121.886, 2.0, 0],
  ["Nashville", "BNA", 36.163, -86.781, 2.0, 0],
  ["Virginia Beach", "ORF", 36.853, -75.978, 1.8, 0],
  ["Jacksonville", "JAX", 30.332, -81.656, 1.6, 0],
  ["Providence", "PVD", 41.824, -71.413, 1.6, 0],
  ["Milwaukee", "MKE", 43.039, -87.906, 1.6, 0],
  ["Raleigh", "RDU", 35.78, -78.639, 1.4, 0],
  ["Oklahoma City", "OKC", 35.468, -97.516, 1.4, 0],
  ["Memphis", "MEM", 35.149, -90.049, 1.3, 1],
  ["Louisville", "SDF", 38.253, -85.759, 1.3, 0],
  ["Richmond", "RIC", 37.541, -77.436, 1.3, 0],
  ["Salt Lake City", "SLC", 40.761, -111.891, 1.3, 1],
  ["New Orleans", "MSY", 29.951, -90.072, 1.3, 1],
  ["Hartford", "BDL", 41.764, -72.685, 1.2, 1],
  ["Buffalo", "BUF", 42.886, -78.878, 1.1, 1],
  ["Birmingham", "BHM", 33.519, -86.81, 1.1, 0],
  ["Tucson", "TUS", 32.222, -110.975, 1.0, 1],
  ["Fresno", "FAT", 36.738, -119.787, 1.0, 0],
  ["Tulsa", "TUL", 36.154, -95.993, 1.0, 0],
  ["Omaha", "OMA", 41.257, -95.935, 1.0, 1],
  ["Albuquerque", "ABQ", 35.084, -106.651, 0.9, 0],
  ["Bakersfield", "BFL", 35.373, -119.019, 0.9, 0],
  ["McAllen", "MFE", 26.203, -98.23, 0.9, 1],
  ["El Paso", "ELP", 31.762, -106.485, 0.9, 1],
  ["Charleston", "CHS", 32.777, -79.931, 0.8, 0],
  ["Boise", "BOI", 43.615, -116.202, 0.8, 0],
  ["Baton Rouge", "BTR", 30.451, -91.187, 0.8, 0],
  ["Columbia", "CAE", 34.0, -81.035, 0.8, 0],
  ["Des Moines", "DSM", 41.586, -93.625, 0.7, 0],
  ["Little Rock", "LIT", 34.746, -92.29, 0.7, 0],
  ["Harlingen", "HRL", 26.191, -97.696, 0.4, 1],
  ["Laredo", "LRD", 27.506, -99.507, 0.3, 0],
  ["Honolulu", "HNL", 21.307, -157.858, 1.0, 1],
  ["Newark", "EWR", 40.736, -74.172, 2.1, 1],
  ["Elizabeth", "ELZ", 40.664, -74.211, 0.5, 1],
  ["Adelanto", "VCV", 34.583, -117.409, 0.1, 1],
  ["Oakdale", "OAK", 30.816, -92.66, 0.05, 1],
  ["Jena", "JEN", 31.683, -92.133, 0.05, 1],
  ["Lumpkin", "LUM", 32.051, -84.799, 0.05, 1],
  ["Conroe", "CXO", 30.312, -95.456, 0.1, 1],
  ["Otero", "OTR", 32.37, -106.05, 0.05, 1],
  ["Tacoma", "TIW", 47.253, -122.444, 0.9, 1],
  ["Batavia", "BTV", 42.998, -78.188, 0.05, 1],
  ["Aurora", "AUR", 39.729, -104.832, 0.4, 1],
  ["Eloy", "ELY", 32.756, -111.555, 0.05, 1],
  ["Pearsall", "PRS", 28.892, -99.095, 0.05, 0],
  ["Dilley", "DLY", 28.667, -99.171, 0.05, 0],
  ["Karnes City", "KRN", 28.885, -97.901, 0.05, 0],
  ["Berks", "BRK", 40.335, -75.927, 0.4, 0],
  ["Anchorage", "ANC", 61.218, -149.9, 0.4, 0],
  ["Spokane", "GEG", 47.659, -117.426, 0.6, 0],
  ["Albany", "ALB", 42.653, -73.756, 0.9, 0],
  ["Knoxville", "TYS", 35.961, -83.921, 0.9, 0],
  ["Greenville", "GSP", 34.853, -82.394, 0.9, 0],
  ["Grand Rapids", "GRR", 42.963, -85.668, 1.1, 0],
  ["Rochester", "ROC", 43.157, -77.616, 1.1, 0],
];

export const cities: readonly City[] = raw.map(([name, code, lat, lon, pop, court]) => ({
  name,
  code,
  lat,
  lon,
  pop,
  court: court === 1,
}));

/** Name of the listed city within `maxKm` of a point, for explanations ("counsel in Houston"). */
export function nearestCityName(
  lat: number,
  lon: number,
  distance: (lat1: number, lon1: number, lat2: number, lon2: number) => number,
  maxKm = 60,
): string | undefined {
  let best: string | undefined;
  let bestKm = maxKm;
  for (const c of cities) {
    const d = distance(lat, lon, c.lat, c.lon);
    if (d <= bestKm) {
      bestKm = d;
      best = c.name;
    }
  }
  return best;
}
