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
  values: Map<string, Map<string, unknown>>;
  /** Facts of event lists the evaluation does not change: the history's own, and lists memo handed out. */
  lists: Map<readonly unknown[], Map<string, Map<string, unknown>>>;
  /** Under Vitest: the history's events, which freezing leaves alone. */
  ownEvents?: Set<unknown>;
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
    lists: new Map([[history.events, new Map()]]),
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
  let values = s.values.get(fact);
  if (!values) {
    values = new Map();
    s.values.set(fact, values);
  } else if (values.has(arg)) return values.get(arg) as T;
  const value = compute();
  if (freezeValues) freeze(s, value);
  values.set(arg, value);
  if (Array.isArray(value)) s.lists.set(value, new Map());
  return value;
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
  const facts = s?.lists.get(list);
  if (!s || !facts || (history !== undefined && !scopeFor(history)) || s.events.length !== s.length) {
    return compute();
  }
  let values = facts.get(fact);
  if (!values) {
    values = new Map();
    facts.set(fact, values);
  } else if (values.has(arg)) return values.get(arg) as T;
  const value = compute();
  if (freezeValues) freeze(s, value);
  values.set(arg, value);
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
