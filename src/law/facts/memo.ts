/**
 * A memo of derived facts for one evaluation. evaluate() asks 30-60 rules
 * about one history, and most of them derive the same facts (the operative
 * order, its finality, the stays in force, the removal period ...). Each fact
 * function keeps its signature and wraps its body in `memo(...)`: within an
 * evaluation it is computed once, outside one (tests, the app calling a fact
 * directly) it is computed every time, exactly as before.
 *
 * Why a scope rather than a cache keyed by the history object: a history may
 * change between two evaluations (an event recorded), and the law engine
 * must never answer from an older record. evaluate() is synchronous, so one
 * module-level scope is enough; it is restored on exit, so a nested
 * evaluation (another history) gets its own.
 *
 * A memoized value is shared by every rule that asks, so no caller may change
 * it. Under Vitest the values are frozen (the history's own events excepted),
 * so that a rule that writes to a shared fact fails its tests loudly instead
 * of corrupting the next rule's answer.
 */
import type { CaseEvent } from "../../domain/events.js";
import type { History, LawConfig } from "../types.js";

interface Scope {
  history: History;
  events: readonly CaseEvent[];
  length: number;
  config: LawConfig;
  values: Map<string, Slot>;
  /**
   * Facts of event lists the evaluation does not change: the history's own, and lists memo handed out
   * (null until a fact of that list is asked: most lists handed out never are).
   */
  lists: Map<readonly unknown[], Map<string, Slot> | null>;
  /** Under Vitest: the history's events, which freezing leaves alone. */
  ownEvents?: Set<unknown>;
}

/**
 * The values of one fact. Nearly every fact is asked with one argument (the
 * evaluation's asOf), so the first value sits in the slot itself and a map is
 * made only for a second argument: one small object per fact per verdict
 * instead of a map.
 */
interface Slot {
  arg: string;
  value: unknown;
  more?: Map<string, unknown>;
}

let scope: Scope | undefined;

const freezeValues = typeof process !== "undefined" && process.env?.VITEST !== undefined;

/** Run `body` with a fresh memo for `history` under `config`. */
export function withFactsMemo<T>(history: History, config: LawConfig, body: () => T): T {
  const outer = scope;
  scope = {
    history,
    events: history.events,
    length: history.events.length,
    config,
    values: new Map(),
    lists: new Map([[history.events, null]]),
  };
  try {
    return body();
  } finally {
    scope = outer;
  }
}

/** The scope for this history, if an evaluation of exactly this record is running. */
function scopeFor(history: History): Scope | undefined {
  const s = scope;
  return s && s.history === history && s.events === history.events && s.length === history.events.length
    ? s
    : undefined;
}

/**
 * The value of fact `fact` of `history` for `arg` (which must name every
 * other input, usually the asOf date), computed once per evaluation. Two
 * levels of maps, not one joined key: the fact names are constants and the
 * asOf string is the same object on every call, so both hash only once.
 */
export function memo<T>(history: History, fact: string, arg: string, compute: () => T): T {
  const s = scopeFor(history);
  if (!s) return compute();
  const slot = s.values.get(fact);
  if (slot !== undefined) {
    if (slot.arg === arg) return slot.value as T;
    if (slot.more?.has(arg)) return slot.more.get(arg) as T;
  }
  const value = compute();
  if (freezeValues) freeze(s, value);
  store(s.values, slot, fact, arg, value);
  if (Array.isArray(value) && !s.lists.has(value)) s.lists.set(value, null);
  return value;
}

function store(values: Map<string, Slot>, slot: Slot | undefined, fact: string, arg: string, value: unknown) {
  if (slot === undefined) values.set(fact, { arg, value });
  else {
    slot.more ??= new Map();
    slot.more.set(arg, value);
  }
}

/** True when facts of `list` are memoized in the running evaluation (the history's own events, or a list memo handed out). */
export function isMemoList(list: readonly unknown[]): boolean {
  const s = scope;
  return s !== undefined && s.events.length === s.length && s.lists.has(list);
}

/**
 * As memo, for a fact computed from an event list (e.g. knownEvents(...)) and,
 * if given, the history: memoized only for a list that cannot change during
 * the evaluation, the history's own events or a list the memo handed out. A
 * list a rule built itself may be changed by that rule, so it is not cached.
 */
export function memoOnList<T>(
  list: readonly unknown[],
  fact: string,
  arg: string,
  compute: () => T,
  history?: History,
): T {
  const s = scope;
  if (
    !s ||
    !s.lists.has(list) ||
    (history !== undefined && !scopeFor(history)) ||
    s.events.length !== s.length
  ) {
    return compute();
  }
  let facts = s.lists.get(list);
  if (!facts) {
    facts = new Map();
    s.lists.set(list, facts);
  }
  const slot = facts.get(fact);
  if (slot !== undefined) {
    if (slot.arg === arg) return slot.value as T;
    if (slot.more?.has(arg)) return slot.more.get(arg) as T;
  }
  const value = compute();
  if (freezeValues) freeze(s, value);
  store(facts, slot, fact, arg, value);
  return value;
}

/** As memo, for a fact that also reads the configuration: memoized only under the evaluation's own config. */
export function memoWithConfig<T>(
  history: History,
  config: LawConfig,
  fact: string,
  arg: string,
  compute: () => T,
): T {
  const s = scopeFor(history);
  return s && s.config === config ? memo(history, fact, arg, compute) : compute();
}

function freeze(s: Scope, value: unknown): void {
  s.ownEvents ??= new Set(s.events);
  deepFreeze(value, s.ownEvents);
}

function deepFreeze(value: unknown, spare: ReadonlySet<unknown>): void {
  if (value === null || typeof value !== "object" || spare.has(value) || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v, spare);
}
