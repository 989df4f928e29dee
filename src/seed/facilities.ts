/**
 * Detention facilities: synthetic names ("Northern Plains Processing Center")
 * at real towns near where detention actually happens, each in a field
 * office's area. Beds, kinds, security levels and medical level are drawn
 * from a fixed seed so the list is the same on every run.
 */
import { haversineKm } from "../placement/geo.js";
import type { CourtRow, FacilityRow } from "../store/repositories/reference.js";
import { Rng } from "./prng.js";

type Kind = "A" | "F" | "J"; // adult, family_residential, juvenile_licensed

const anchors: [
  office: string,
  city: string,
  state: string,
  lat: number,
  lon: number,
  name: string,
  kind?: Kind,
][] = [
  ["ATL", "Lumpkin", "GA", 32.051, -84.799, "Chattahoochee Valley"],
  ["ATL", "Ocilla", "GA", 31.596, -83.251, "Wiregrass"],
  ["ATL", "Folkston", "GA", 30.831, -82.011, "Okefenokee"],
  ["ATL", "Gadsden", "AL", 34.014, -86.007, "Coosa River"],
  ["ATL", "Charlotte", "NC", 35.227, -80.843, "Piedmont"],
  ["ATL", "Columbia", "SC", 34.0, -81.035, "Congaree", "J"],
  ["BAL", "Baltimore", "MD", 39.29, -76.612, "Chesapeake"],
  ["BAL", "Snow Hill", "MD", 38.177, -75.392, "Eastern Shore"],
  ["BAL", "Hagerstown", "MD", 39.641, -77.72, "Antietam Valley"],
  ["BOS", "Dover", "NH", 43.197, -70.874, "Seacoast"],
  ["BOS", "Plymouth", "MA", 41.958, -70.667, "Cape Cod Bay"],
  ["BOS", "Central Falls", "RI", 41.89, -71.392, "Blackstone Valley"],
  ["BOS", "Portland", "ME", 43.661, -70.255, "Casco Bay"],
  ["BOS", "Burlington", "VT", 44.476, -73.212, "Champlain", "J"],
  ["BUF", "Batavia", "NY", 42.998, -78.188, "Genesee"],
  ["BUF", "Albany", "NY", 42.653, -73.756, "Hudson-Mohawk"],
  ["BUF", "Rochester", "NY", 43.157, -77.616, "Finger Lakes"],
  ["BUF", "Syracuse", "NY", 43.048, -76.147, "Onondaga"],
  ["CHI", "Broadview", "IL", 41.864, -87.853, "Lakeshore"],
  ["CHI", "Juneau", "WI", 43.405, -88.705, "Rock River"],
  ["CHI", "Kansas City", "MO", 39.1, -94.578, "Missouri Bluffs"],
  ["CHI", "Indianapolis", "IN", 39.768, -86.158, "Crossroads"],
  ["CHI", "Milwaukee", "WI", 43.039, -87.906, "Lake Michigan", "J"],
  ["CHI", "Louisville", "KY", 38.253, -85.759, "Ohio Falls"],
  ["DAL", "Dallas", "TX", 32.777, -96.797, "Trinity River"],
  ["DAL", "Haskell", "TX", 33.158, -99.733, "Rolling Plains"],
  ["DAL", "Kaufman", "TX", 32.589, -96.309, "Blackland Prairie"],
  ["DAL", "Tulsa", "OK", 36.154, -95.993, "Green Country"],
  ["DAL", "Oklahoma City", "OK", 35.468, -97.516, "Red River", "J"],
  ["DAL", "Alvarado", "TX", 32.406, -97.211, "Cross Timbers"],
  ["DEN", "Aurora", "CO", 39.729, -104.832, "Front Range"],
  ["DEN", "Cheyenne", "WY", 41.14, -104.82, "High Plains"],
  ["DEN", "Grand Junction", "CO", 39.064, -108.55, "Western Slope"],
  ["DEN", "Pueblo", "CO", 38.254, -104.609, "Arkansas Valley"],
  ["DET", "Detroit", "MI", 42.331, -83.046, "Great Lakes"],
  ["DET", "Monroe", "MI", 41.916, -83.398, "River Raisin"],
  ["DET", "Youngstown", "OH", 41.1, -80.65, "Mahoning Valley"],
  ["DET", "Grand Rapids", "MI", 42.963, -85.668, "Grand River", "J"],
  ["DET", "Cleveland", "OH", 41.499, -81.694, "Cuyahoga"],
  ["ELP", "El Paso", "TX", 31.762, -106.485, "Franklin Mountains"],
  ["ELP", "Chaparral", "NM", 32.37, -106.05, "Tularosa Basin"],
  ["ELP", "Estancia", "NM", 34.758, -106.056, "Manzano"],
  ["ELP", "Sierra Blanca", "TX", 31.174, -105.357, "Trans-Pecos"],
  ["ELP", "Albuquerque", "NM", 35.084, -106.651, "Rio Grande", "J"],
  ["ELP", "Artesia", "NM", 32.842, -104.403, "Pecos Valley", "F"],
  ["HLG", "Los Fresnos", "TX", 26.071, -97.476, "Laguna Madre"],
  ["HLG", "Raymondville", "TX", 26.481, -97.783, "Willacy Plains"],
  ["HLG", "Harlingen", "TX", 26.191, -97.696, "Lower Valley", "J"],
  ["HLG", "McAllen", "TX", 26.203, -98.23, "Hidalgo Borderlands"],
  ["HOU", "Conroe", "TX", 30.312, -95.456, "Piney Woods"],
  ["HOU", "Houston", "TX", 29.76, -95.37, "Gulf Coast"],
  ["HOU", "Livingston", "TX", 30.711, -94.933, "Big Thicket"],
  ["HOU", "Beaumont", "TX", 30.08, -94.126, "Neches River"],
  ["HOU", "Houston", "TX", 29.82, -95.43, "Buffalo Bayou", "J"],
  ["LOS", "Adelanto", "CA", 34.583, -117.409, "High Desert"],
  ["LOS", "Bakersfield", "CA", 35.373, -119.019, "Southern Valley"],
  ["LOS", "Los Angeles", "CA", 34.052, -118.244, "Los Angeles Basin"],
  ["LOS", "Santa Ana", "CA", 33.745, -117.868, "Orange Coast"],
  ["LOS", "Riverside", "CA", 33.953, -117.396, "Inland Empire", "J"],
  ["MIA", "Miami", "FL", 25.753, -80.486, "Everglades"],
  ["MIA", "Pompano Beach", "FL", 26.238, -80.125, "Broward"],
  ["MIA", "Moore Haven", "FL", 26.833, -81.093, "Lake Okeechobee"],
  ["MIA", "Orlando", "FL", 28.538, -81.379, "Central Florida"],
  ["MIA", "Macclenny", "FL", 30.282, -82.122, "North Florida"],
  ["MIA", "Jacksonville", "FL", 30.332, -81.656, "St. Johns River", "J"],
  ["MIA", "Guaynabo", "PR", 18.357, -66.111, "Caribbean"],
  ["NEW", "Elizabeth", "NJ", 40.664, -74.211, "Arthur Kill"],
  ["NEW", "Newark", "NJ", 40.736, -74.172, "Passaic River"],
  ["NEW", "Hackensack", "NJ", 40.886, -74.043, "Meadowlands"],
  ["NEW", "Kearny", "NJ", 40.768, -74.145, "Palisades"],
  ["NEW", "Trenton", "NJ", 40.217, -74.743, "Delaware Bend"],
  ["NOL", "Jena", "LA", 31.683, -92.133, "Central Louisiana"],
  ["NOL", "Oakdale", "LA", 30.816, -92.66, "Calcasieu"],
  ["NOL", "Basile", "LA", 30.485, -92.596, "Acadiana"],
  ["NOL", "Natchez", "MS", 31.56, -91.403, "Natchez Trace"],
  ["NOL", "Memphis", "TN", 35.149, -90.049, "Mid-South"],
  ["NOL", "Little Rock", "AR", 34.746, -92.29, "Ouachita"],
  ["NOL", "Ferriday", "LA", 31.63, -91.554, "River Parishes"],
  ["NOL", "Winnfield", "LA", 31.926, -92.641, "Kisatchie"],
  ["NYC", "Goshen", "NY", 41.402, -74.324, "Hudson Highlands"],
  ["NYC", "New York", "NY", 40.713, -74.006, "Harbor", "J"],
  ["NYC", "Riverhead", "NY", 40.917, -72.662, "Long Island Sound"],
  ["NYC", "Bridgeport", "CT", 41.187, -73.195, "Housatonic"],
  ["PHI", "York", "PA", 39.963, -76.728, "Susquehanna"],
  ["PHI", "Philipsburg", "PA", 40.897, -78.22, "Allegheny Plateau"],
  ["PHI", "Lords Valley", "PA", 41.366, -75.069, "Pocono"],
  ["PHI", "Leesport", "PA", 40.335, -75.927, "Schuylkill", "F"],
  ["PHI", "Pittsburgh", "PA", 40.441, -79.996, "Three Rivers"],
  ["PHI", "Wilmington", "DE", 39.739, -75.54, "Brandywine"],
  ["PHI", "Charleston", "WV", 38.35, -81.633, "Kanawha"],
  ["PHO", "Eloy", "AZ", 32.756, -111.555, "Sonoran"],
  ["PHO", "Florence", "AZ", 33.031, -111.387, "Gila River"],
  ["PHO", "San Luis", "AZ", 32.487, -114.782, "Lower Colorado"],
  ["PHO", "Tucson", "AZ", 32.222, -110.975, "Santa Cruz Valley"],
  ["PHO", "Phoenix", "AZ", 33.448, -112.074, "Salt River", "J"],
  ["SEA", "Tacoma", "WA", 47.253, -122.444, "Puget Sound"],
  ["SEA", "Portland", "OR", 45.515, -122.679, "Willamette"],
  ["SEA", "Spokane", "WA", 47.659, -117.426, "Inland Northwest"],
  ["SEA", "Anchorage", "AK", 61.218, -149.9, "Cook Inlet"],
  ["SEA", "Sheridan", "OR", 45.099, -123.395, "Yamhill Valley"],
  ["SFR", "Sacramento", "CA", 38.582, -121.494, "Delta"],
  ["SFR", "McFarland", "CA", 35.678, -119.229, "San Joaquin"],
  ["SFR", "Honolulu", "HI", 21.307, -157.858, "Pacific Islands"],
  ["SFR", "Yuba City", "CA", 39.14, -121.617, "Sutter Buttes"],
  ["SFR", "Fresno", "CA", 36.738, -119.787, "Central Valley", "J"],
  ["SFR", "San Jose", "CA", 37.338, -121.886, "Santa Clara Valley"],
  ["SLC", "Salt Lake City", "UT", 40.761, -111.891, "Wasatch"],
  ["SLC", "Las Vegas", "NV", 36.17, -115.14, "Mojave"],
  ["SLC", "Pahrump", "NV", 36.208, -115.984, "Amargosa"],
  ["SLC", "Boise", "ID", 43.615, -116.202, "Snake River"],
  ["SLC", "Billings", "MT", 45.783, -108.5, "Yellowstone"],
  ["SNA", "Pearsall", "TX", 28.892, -99.095, "Brush Country"],
  ["SNA", "Dilley", "TX", 28.667, -99.171, "Frio River", "F"],
  ["SNA", "Karnes City", "TX", 28.885, -97.901, "Coastal Bend", "F"],
  ["SNA", "San Antonio", "TX", 29.424, -98.494, "Hill Country"],
  ["SNA", "Taylor", "TX", 30.571, -97.409, "San Gabriel"],
  ["SNA", "Laredo", "TX", 27.506, -99.507, "Camino Real"],
  ["SNA", "Del Rio", "TX", 29.363, -100.896, "Amistad"],
  ["SNA", "San Antonio", "TX", 29.38, -98.6, "Medina River", "J"],
  ["SND", "Otay Mesa", "CA", 32.573, -116.967, "Border Mesa"],
  ["SND", "Imperial", "CA", 32.847, -115.569, "Imperial Valley"],
  ["SND", "Calexico", "CA", 32.679, -115.499, "Salton Basin"],
  ["SND", "San Diego", "CA", 32.716, -117.161, "Point Loma"],
  ["SND", "Escondido", "CA", 33.119, -117.086, "North County", "J"],
  ["SPM", "Fort Snelling", "MN", 44.893, -93.181, "North Star"],
  ["SPM", "Sioux Falls", "SD", 43.544, -96.731, "Northern Plains"],
  ["SPM", "Omaha", "NE", 41.257, -95.935, "Platte River"],
  ["SPM", "Des Moines", "IA", 41.586, -93.625, "Heartland"],
  ["SPM", "Elk River", "MN", 45.304, -93.567, "Upper Mississippi"],
  ["SPM", "Fargo", "ND", 46.877, -96.789, "Red River Valley"],
  ["SPM", "Willmar", "MN", 45.122, -95.043, "Prairie Lakes"],
  ["WAS", "Farmville", "VA", 37.302, -78.392, "Southside"],
  ["WAS", "Bowling Green", "VA", 38.049, -77.347, "Rappahannock"],
  ["WAS", "Richmond", "VA", 37.541, -77.436, "James River"],
  ["WAS", "Virginia Beach", "VA", 36.853, -75.978, "Tidewater"],
  ["WAS", "Roanoke", "VA", 37.271, -79.941, "Blue Ridge", "J"],
];

const adultSuffixes = [
  "Processing Center",
  "Detention Facility",
  "Service Processing Center",
  "Detention Center",
  "Correctional Facility",
  "Contract Detention Facility",
  "Regional Detention Center",
];
const levelSets: (readonly [number[], number])[] = [
  [[1, 2, 3], 5],
  [[1, 2], 4],
  [[2, 3], 1],
  [[1], 1],
];

const round10 = (n: number) => Math.round(n / 10) * 10;

function nearestCourt(lat: number, lon: number, courts: readonly CourtRow[]): string {
  let best = courts[0].code;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const c of courts) {
    const km = haversineKm(lat, lon, c.lat, c.lon);
    if (km < bestKm) [best, bestKm] = [c.code, km];
  }
  return best;
}

export function facilities(courts: readonly CourtRow[]): FacilityRow[] {
  const rng = new Rng(0x5eed_fac1);
  const perOffice = new Map<string, number>();
  return anchors.map(([officeCode, city, state, lat, lon, descriptor, kind = "A"]) => {
    const n = (perOffice.get(officeCode) ?? 0) + 1;
    perOffice.set(officeCode, n);
    const base = { code: `${officeCode}${String(n).padStart(2, "0")}`, officeCode, city, state, lat, lon };
    const courtCode = nearestCourt(lat, lon, courts);
    if (kind === "F") {
      const beds = round10(rng.int(300, 1200));
      return {
        ...base,
        name: `${descriptor} Family Residential Center`,
        bedsMale: round10(beds * 0.45),
        bedsFemale: round10(beds * 0.55),
        kinds: ["family_residential"],
        levels: [1],
        medical: 2,
        courtCode,
      };
    }
    if (kind === "J") {
      return {
        ...base,
        name: `${descriptor} ${rng.pick(["Youth Care Center", "Children's Shelter", "Youth Residence"])}`,
        bedsMale: rng.int(2, 12) * 10,
        bedsFemale: rng.int(2, 10) * 10,
        kinds: ["juvenile_licensed"],
        levels: [1],
        medical: rng.int(1, 2),
        courtCode,
      };
    }
    const male = round10(rng.int(120, 1800));
    return {
      ...base,
      name: `${descriptor} ${rng.pick(adultSuffixes)}`,
      bedsMale: male,
      bedsFemale: rng.chance(0.2) ? 0 : round10(male * (0.05 + rng.next() * 0.3)),
      kinds: ["adult"],
      levels: [...rng.weighted(levelSets)],
      medical: rng.weighted([
        [0, 1],
        [1, 4],
        [2, 3],
        [3, 1],
      ]),
      courtCode,
    };
  });
}
