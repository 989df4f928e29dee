// The string-measure packages used only as test references ship no types.
declare module "jaro-winkler" {
  export default function jaroWinkler(a: string, b: string, options?: { caseSensitive?: boolean }): number;
}
declare module "talisman/metrics/jaro-winkler.js" {
  export default function jaroWinkler(a: string, b: string): number;
}
