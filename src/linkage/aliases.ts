/**
 * Transliterated aliases: spellings of one name that come from romanising it differently
 * (Arabic, Cyrillic, Chinese, Hindi ...). Two layers:
 *  1. a small table of known variant groups, mapped to one canonical spelling;
 *  2. folding rules that erase the usual romanisation choices (kh/h, ou/u, y/i, doubled letters).
 * The result is a key; two names with the same key are "transliteration aliases". It is a
 * comparison level of its own, so the model learns how much such an agreement is worth.
 */
const VARIANT_GROUPS: string[][] = [
  ["mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad", "mohamud", "mehmet", "mahomed"],
  ["ahmed", "ahmad", "ahmet", "achmed"],
  ["hussein", "husain", "hussain", "hossein", "husayn", "huseyin"],
  ["yusuf", "youssef", "yousef", "yousuf", "yusef", "youcef"],
  ["abdullah", "abdallah", "abdulla"],
  ["abdulrahman", "abdelrahman", "abdurrahman", "abderrahmane"],
  ["mustafa", "mostafa", "moustafa", "mustapha"],
  ["omar", "umar", "omer"],
  ["osama", "usama", "ousama"],
  ["aleksandr", "alexander", "aleksander", "oleksandr", "alexandr", "alejandro", "alessandro"],
  ["aleksei", "alexei", "alexey", "aleksey", "oleksiy"],
  ["sergei", "sergey", "serhiy", "sergiy"],
  ["yevgeny", "evgeny", "evgeniy", "yevgeniy", "evgenii"],
  ["yekaterina", "ekaterina", "katerina", "kateryna"],
  ["yelena", "elena", "jelena", "olena"],
  ["dmitri", "dmitry", "dmytro", "dmitrii"],
  ["mikhail", "michail", "mykhailo", "mikhael"],
  ["nikolai", "nikolay", "mykola", "nicolai"],
  ["yuri", "yury", "iurii", "yuriy", "jurij"],
  ["tatiana", "tatyana", "tetiana", "tatjana"],
  ["natalia", "natalya", "nataliya", "natalija"],
  ["olga", "olha"],
  ["zhang", "chang", "cheung"],
  ["wang", "wong", "vuong"],
  ["li", "lee", "lie", "ly"],
  ["chen", "chan", "tan", "chin"],
  ["liu", "lau", "lao"],
  ["huang", "hwang", "hoang"],
  ["zhou", "chou", "chow", "jou"],
  ["xu", "hsu", "tsui"],
  ["nguyen", "nguyn", "ngyuen"],
  ["kim", "gim"],
  ["park", "pak", "bak"],
  ["choi", "choe", "chey"],
  ["lakshmi", "laxmi", "lakshmy"],
  ["srinivas", "shrinivas", "sreenivas"],
  ["krishna", "krisna", "krishnan"],
  ["chaudhary", "choudhury", "chowdhury", "chaudhry", "chaudhari"],
  ["fatima", "fatimah", "fatma", "fatemeh"],
  ["aisha", "ayesha", "aysha", "aishah", "ayse"],
  ["khadija", "khadijah", "hatice", "kadija"],
];

// Name tokens whose group we know; first member is the canonical spelling.
const CANONICAL = new Map<string, string>();
for (const group of VARIANT_GROUPS) {
  for (const variant of group) if (!CANONICAL.has(variant)) CANONICAL.set(variant, group[0]);
}

const FOLDS: [RegExp, string][] = [
  [/dzh|dj|zh/g, "j"],
  [/kh/g, "h"],
  [/ph/g, "f"],
  [/ck|q/g, "k"],
  [/w/g, "v"],
  [/x/g, "ks"],
  [/ou|oo/g, "u"],
  [/ee|ie|y/g, "i"],
  [/(.)\1+/g, "$1"],
  [/([^aeiou])h/g, "$1"],
];

/** Folds a normalised (lowercase a-z, space-separated) name into its transliteration key. */
export function transliterationKey(name: string): string {
  const tokens = name.split(" ").filter((t) => t.length > 0);
  const out: string[] = [];
  for (const token of tokens) {
    let key = CANONICAL.get(token) ?? token;
    for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
    out.push(key);
  }
  return out.join("");
}
