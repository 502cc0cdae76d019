import { unsafeCharacterIn } from './unsafeText';

describe('unsafeCharacterIn', () => {
  it.each([
    ['plain text', 'Stores and resizes photos.', undefined],
    ['letters of other scripts', 'Fotos für Inserate, שלום, 写真', undefined],
    ['NUL', 'photos\u0000', 'U+0000'],
    ['a newline', 'one\ntwo', 'U+000A'],
    ['an escape sequence', '\u001b[31mred', 'U+001B'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['a C1 control', 'a\u009b', 'U+009B'],
    ['right-to-left override', 'admin\u202etxt.exe', 'U+202E'],
    ['left-to-right embedding', '\u202aabc', 'U+202A'],
    ['right-to-left isolate', 'x\u2067y', 'U+2067'],
    ['pop directional isolate', 'x\u2069', 'U+2069'],
    ['right-to-left mark', 'x\u200f', 'U+200F'],
    ['left-to-right mark', 'x\u200e', 'U+200E'],
    ['Arabic letter mark', 'x\u061c', 'U+061C'],
  ])('%s', (_, text, expected) => {
    expect(unsafeCharacterIn(text)).toBe(expected);
  });
});
