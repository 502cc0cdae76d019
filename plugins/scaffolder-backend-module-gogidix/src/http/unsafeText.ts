/**
 * Characters that make stored text lie about itself: C0 and C1 controls
 * (NUL, escape sequences, carriage returns that rewrite a terminal line),
 * DEL, and the bidirectional formatting characters that reorder what a
 * reader sees (the "Trojan Source" class: U+061C, U+200E/F, U+202A–E,
 * U+2066–9).
 */
export const UNSAFE_TEXT_CHARACTERS =
  // Matching control characters is the point here.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The first unsafe character in `text`, as `U+XXXX`, if any. */
export function unsafeCharacterIn(text: string): string | undefined {
  const found = UNSAFE_TEXT_CHARACTERS.exec(text);
  if (!found) return undefined;
  const hex = found[0].charCodeAt(0).toString(16).toUpperCase();
  return `U+${hex.padStart(4, '0')}`;
}
