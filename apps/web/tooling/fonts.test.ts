import { describe, expect, it } from 'vitest';
import { subsetFaces, unicodeRangeText } from './fonts';

describe('unicodeRangeText', () => {
  it('lists every character of the ranges', () => {
    expect(unicodeRangeText('U+0041-0043, U+20AC')).toBe('ABC€');
    expect(unicodeRangeText('U+00E0-00E0,U+00f9')).toBe('àù');
  });

  it('refuses what is not a unicode-range', () => {
    expect(() => unicodeRangeText('U+00??')).toThrow(/not a unicode-range/);
  });
});

describe('subsetFaces', () => {
  const css = `
    @font-face { font-family: 'T'; font-weight: 400; src: url('../fonts/t-regular.woff2') format('woff2'); }
    @font-face {
      font-family: 'T'; font-weight: 400;
      src: url('../fonts/t-regular.woff2?subset') format('woff2');
      unicode-range: U+0000-00FF, U+20AC;
    }`;

  it("finds the ?subset faces, their files and their unicode-range; the whole file's face is left alone", () => {
    const [face, ...others] = subsetFaces(css, '/app/src/styles/fonts.css');
    expect(others).toEqual([]);
    expect(face.file).toBe('/app/src/fonts/t-regular.woff2');
    expect(face.url).toBe("url('../fonts/t-regular.woff2?subset')");
    expect(face.range).toBe('U+0000-00FF, U+20AC');
  });

  it('asks for the unicode-range a subset is cut to', () => {
    expect(() => subsetFaces("@font-face { src: url('t.woff2?subset'); }", '/app/fonts.css')).toThrow(
      /needs its face's unicode-range/,
    );
  });
});
