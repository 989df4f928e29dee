/**
 * Synthetic person records for the linkage benchmark: people from many countries, each written
 * once or several times with the slips real sources make (typos, other romanisations, swapped
 * given and family names, day and month exchanged, missing fields, a moved address).
 * Deterministic for a seed. All names are generated; no real person is described.
 */
import { seededRandom } from "../src/linkage/model.js";
import type { PersonRecord } from "../src/linkage/types.js";

interface Country {
  code: string;
  given: string[];
  family: string[];
  /** Syllables for family names beyond the common ones. */
  syllables: string[];
}

const COUNTRIES: Country[] = [
  {
    code: "MEX",
    given: [
      "jose",
      "juan",
      "maria",
      "guadalupe",
      "luis",
      "carlos",
      "ana",
      "sofia",
      "diego",
      "valeria",
      "miguel",
      "lucia",
    ],
    family: [
      "hernandez",
      "garcia",
      "martinez",
      "lopez",
      "gonzalez",
      "perez",
      "rodriguez",
      "sanchez",
      "ramirez",
      "flores",
    ],
    syllables: ["ve", "la", "zu", "ri", "to", "qui", "nez", "gal", "ar", "men", "dro", "sa"],
  },
  {
    code: "CHN",
    given: ["wei", "fang", "min", "jing", "li", "qiang", "lei", "yan", "jun", "xiu", "hui", "ling"],
    family: ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "xu", "sun"],
    syllables: ["zh", "ang", "xi", "ong", "qi", "hu", "an", "ming", "lu", "ge", "shi", "tao"],
  },
  {
    code: "IND",
    given: [
      "aarav",
      "priya",
      "rahul",
      "ananya",
      "vikram",
      "lakshmi",
      "arjun",
      "deepa",
      "sanjay",
      "kavya",
      "ravi",
      "neha",
    ],
    family: [
      "sharma",
      "patel",
      "singh",
      "kumar",
      "gupta",
      "reddy",
      "iyer",
      "nair",
      "chaudhary",
      "krishnan",
      "rao",
      "das",
    ],
    syllables: ["ra", "jan", "esh", "pra", "kash", "vi", "nath", "sri", "van", "mal", "hot", "ra"],
  },
  {
    code: "EGY",
    given: [
      "mohammed",
      "ahmed",
      "fatima",
      "aisha",
      "omar",
      "youssef",
      "hussein",
      "khadija",
      "mustafa",
      "layla",
      "abdullah",
      "mariam",
    ],
    family: [
      "hassan",
      "ali",
      "ibrahim",
      "mahmoud",
      "abdelrahman",
      "khalil",
      "saleh",
      "farouk",
      "nasser",
      "mansour",
      "osman",
      "said",
    ],
    syllables: ["al", "ha", "mid", "sha", "rif", "ka", "mal", "ab", "del", "zi", "nab", "far"],
  },
  {
    code: "UKR",
    given: [
      "oleksandr",
      "olena",
      "dmytro",
      "tetiana",
      "serhiy",
      "natalia",
      "mykola",
      "olha",
      "yuri",
      "kateryna",
      "andriy",
      "iryna",
    ],
    family: [
      "shevchenko",
      "kovalenko",
      "bondarenko",
      "tkachenko",
      "kravchenko",
      "melnyk",
      "boyko",
      "kovalchuk",
      "lysenko",
      "marchenko",
    ],
    syllables: ["ko", "val", "enko", "chuk", "pet", "ren", "ski", "lev", "dan", "yuk", "mor", "hor"],
  },
  {
    code: "NGA",
    given: [
      "chinedu",
      "ngozi",
      "emeka",
      "adaeze",
      "oluwaseun",
      "folake",
      "ibrahim",
      "amina",
      "tunde",
      "chiamaka",
      "yusuf",
      "bola",
    ],
    family: [
      "okafor",
      "adeyemi",
      "okonkwo",
      "balogun",
      "eze",
      "nwosu",
      "abubakar",
      "olawale",
      "obi",
      "adebayo",
      "bello",
      "uche",
    ],
    syllables: ["o", "ko", "de", "yi", "nwa", "chu", "ba", "lo", "gun", "ade", "ola", "ke"],
  },
  {
    code: "VNM",
    given: ["anh", "minh", "linh", "hoa", "tuan", "thao", "duc", "lan", "hung", "mai", "quang", "trang"],
    family: ["nguyen", "tran", "le", "pham", "hoang", "phan", "vu", "dang", "bui", "do", "ho", "ngo"],
    syllables: ["ng", "uy", "en", "thi", "van", "duong", "truong", "dinh", "ly", "cao", "ha", "la"],
  },
  {
    code: "POL",
    given: [
      "jakub",
      "anna",
      "piotr",
      "katarzyna",
      "lukasz",
      "malgorzata",
      "tomasz",
      "agnieszka",
      "pawel",
      "zofia",
      "marek",
      "ewa",
    ],
    family: [
      "nowak",
      "kowalski",
      "wisniewski",
      "wojcik",
      "kowalczyk",
      "kaminski",
      "lewandowski",
      "zielinski",
      "szymanski",
      "wozniak",
    ],
    syllables: ["kow", "al", "ski", "czyk", "ew", "wicz", "ber", "dom", "grab", "mar", "ska", "nik"],
  },
  {
    code: "USA",
    given: [
      "james",
      "mary",
      "john",
      "patricia",
      "robert",
      "jennifer",
      "michael",
      "linda",
      "david",
      "elizabeth",
      "william",
      "susan",
    ],
    family: [
      "smith",
      "johnson",
      "williams",
      "brown",
      "jones",
      "miller",
      "davis",
      "wilson",
      "anderson",
      "taylor",
      "thomas",
      "moore",
    ],
    syllables: ["har", "ris", "ton", "ford", "well", "man", "son", "ley", "wood", "ber", "field", "ing"],
  },
  {
    code: "KOR",
    given: [
      "minjun",
      "seoyeon",
      "jiho",
      "jiwoo",
      "hyun",
      "sooyoung",
      "jimin",
      "eunji",
      "donghyun",
      "yuna",
      "taeyang",
      "hana",
    ],
    family: ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "shin"],
    syllables: ["kim", "yeon", "seo", "hyun", "jae", "won", "sung", "min", "ha", "jin", "bae", "moon"],
  },
];

const VARIANTS: string[][] = [
  ["mohammed", "muhammad", "mohamed", "mohammad"],
  ["ahmed", "ahmad"],
  ["youssef", "yusuf", "yousef"],
  ["hussein", "hussain", "husain"],
  ["oleksandr", "aleksandr", "alexander"],
  ["serhiy", "sergey", "sergei"],
  ["tetiana", "tatiana", "tatyana"],
  ["natalia", "natalya"],
  ["olena", "elena", "yelena"],
  ["mykola", "nikolai"],
  ["dmytro", "dmitry"],
  ["zhang", "chang"],
  ["zhou", "chou"],
  ["nguyen", "nguyn"],
  ["chaudhary", "choudhury", "chowdhury"],
  ["lakshmi", "laxmi"],
  ["aisha", "ayesha"],
  ["khadija", "khadijah"],
  ["park", "pak"],
  ["lee", "li"],
];
const VARIANT_OF = new Map<string, string[]>();
for (const group of VARIANTS) for (const v of group) VARIANT_OF.set(v, group);

const STREET_TYPES = ["street", "road", "avenue", "lane", "drive", "court", "place", "boulevard"];

export interface SyntheticRecord extends PersonRecord {
  entity: number;
}

export function generateRecords(n: number, seed = 42): SyntheticRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  // Zipf-like choice: common names are much more common than rare ones.
  const pickSkewed = <T>(xs: readonly T[]) => xs[Math.floor(xs.length * random() ** 1.5)];
  const syllableName = (country: Country, parts: number) => {
    let s = "";
    for (let i = 0; i < parts; i++) s += pick(country.syllables);
    return s;
  };
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const typo = (s: string | undefined): string | undefined => {
    if (s === undefined || s.length < 2) return s;
    const i = Math.floor(random() * s.length);
    const kind = random();
    if (kind < 0.3) return s.slice(0, i) + pick(letters.split("")) + s.slice(i + 1);
    if (kind < 0.5) return s.slice(0, i) + s.slice(i + 1);
    if (kind < 0.7) return s.slice(0, i) + pick(letters.split("")) + s.slice(i);
    if (i < s.length - 1) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    return s;
  };
  const digitTypo = (s: string | undefined): string | undefined => {
    if (s === undefined) return s;
    const i = Math.floor(random() * s.length);
    return s.slice(0, i) + String(Math.floor(random() * 10)) + s.slice(i + 1);
  };
  const localities = Array.from({ length: 4000 }, (_, i) => ({
    name: syllableName(COUNTRIES[i % COUNTRIES.length], 2 + (i % 2)) + (i % 7 === 0 ? " heights" : ""),
    postcode: String(10000 + ((i * 7919) % 89999)),
  }));

  const records: SyntheticRecord[] = [];
  let entity = 0;
  while (records.length < n) {
    entity++;
    const country = pick(COUNTRIES);
    const given =
      random() < 0.4 ? pickSkewed(country.given) : syllableName(country, 2 + Math.floor(random() * 2));
    const family =
      random() < 0.25 ? pickSkewed(country.family) : syllableName(country, 2 + Math.floor(random() * 3));
    const year = 1930 + Math.floor(random() * 80);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birthDate = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    const aNumber = String(10_000_000 + entity * 7 + Math.floor(random() * 7));
    const place = pick(localities);
    const address = `${1 + Math.floor(random() * 300)} ${syllableName(country, 2)} ${pick(STREET_TYPES)}`;
    const base = {
      givenName: given,
      familyName: family,
      birthDate,
      aNumber,
      nationality: country.code,
      addressLine: address,
      locality: place.name,
      postalCode: place.postcode,
    };
    const copies = random() < 0.7 ? 1 : 2 + Math.floor(random() * 3);
    for (let k = 0; k < copies && records.length < n; k++) {
      const f: Record<string, string | undefined> = { ...base };
      if (k > 0) {
        // Each duplicate gets one to three slips.
        const slips = 1 + Math.floor(random() * 3);
        for (let s = 0; s < slips; s++) {
          const r = random();
          if (r < 0.2) f.givenName = typo(f.givenName);
          else if (r < 0.35) f.familyName = typo(f.familyName);
          else if (r < 0.45) {
            const group = VARIANT_OF.get(f.givenName ?? "") ?? VARIANT_OF.get(f.familyName ?? "");
            if (group) {
              const key = VARIANT_OF.has(f.givenName ?? "") ? "givenName" : "familyName";
              f[key] = pick(group);
            } else f.givenName = typo(f.givenName);
          } else if (r < 0.5) [f.givenName, f.familyName] = [f.familyName, f.givenName];
          else if (r < 0.6) f.birthDate = digitTypo(f.birthDate);
          else if (r < 0.65 && f.birthDate && Number(f.birthDate.slice(6)) <= 12)
            f.birthDate = f.birthDate.slice(0, 4) + f.birthDate.slice(6) + f.birthDate.slice(4, 6);
          else if (r < 0.72) f.aNumber = digitTypo(f.aNumber);
          else if (r < 0.82) {
            const moved = pick(localities);
            f.addressLine = `${1 + Math.floor(random() * 300)} ${syllableName(country, 2)} ${pick(STREET_TYPES)}`;
            f.locality = moved.name;
            f.postalCode = moved.postcode;
          } else if (r < 0.9) f.addressLine = typo(f.addressLine);
          else
            delete f[pick(["aNumber", "addressLine", "birthDate", "givenName", "postalCode", "nationality"])];
        }
      }
      const fields = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ""));
      records.push({ id: `p${records.length}`, entity, fields });
    }
  }
  return records;
}
