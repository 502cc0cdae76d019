/*
 * Just enough PromQL reading to apply `increase()` to a counter query as
 * OpenSLO's `counter: true` asks: a series selector, or `sum(...)` of one.
 */

const NAME = String.raw`[a-zA-Z_:][a-zA-Z0-9_:]*`;
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\x60[^\x60]*\x60`;
const MATCHERS = String.raw`\{(?:[^{}"'\x60]|${QUOTED})*\}`;
const SELECTOR = String.raw`(?:${NAME}\s*(?:${MATCHERS})?|${MATCHERS})`;
const GROUPING = String.raw`(?:(?:by|without)\s*\([^()]*\)\s*)?`;

const PLAIN = new RegExp(`^(${SELECTOR})$`);
const SUMMED = new RegExp(
  String.raw`^sum\s*${GROUPING}\(\s*(${SELECTOR})\s*\)\s*${GROUPING}$`,
);

/**
 * The series selector inside a counter query (`x{a="b"}` or `sum(x{a="b"})`,
 * with or without `by`/`without`), or undefined when the query is anything
 * else and `increase()` cannot be applied to it per series.
 */
export function counterSelector(query: string): string | undefined {
  const text = query.trim();
  const match = PLAIN.exec(text) ?? SUMMED.exec(text);
  return match ? match[1].trim() : undefined;
}
