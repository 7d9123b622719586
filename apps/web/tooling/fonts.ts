import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';

/*
 * Latin subsets of our fonts, made at build time. Bootstrap Italia's woff2 files cover Latin and
 * Latin Extended (18 KB each); Italian and English need Latin only (12 KB), and the first paint
 * needs three weights of Titillium Web. fonts.css declares each weight twice, like Google Fonts:
 * the whole file with the Latin Extended unicode-range, then `url(…woff2?subset)` with the Latin
 * one; a browser loads a face only for characters of its range, so the whole file loads only for a
 * name such as "Łukasz". The build cuts each `?subset` file to its face's own unicode-range.
 */

const SUBSET_URL = /url\((["']?)([^"')]+\.woff2)\?subset\1\)/;

/** The characters of a CSS unicode-range ("U+0000-00FF, U+0131, …"). */
export function unicodeRangeText(range: string): string {
  let text = '';
  for (const part of range.split(',')) {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`not a unicode-range: ${part.trim()}`);
    const first = parseInt(match[1], 16);
    const last = match[2] ? parseInt(match[2], 16) : first;
    for (let code = first; code <= last; code += 1) {
      // Surrogates are not characters; the font has no glyph for controls either, harmlessly.
      if (code < 0xd800 || code > 0xdfff) text += String.fromCodePoint(code);
    }
  }
  return text;
}

interface SubsetFace {
  /** The @font-face rule as written. */
  rule: string;
  /** The url() inside it, as written. */
  url: string;
  file: string;
  range: string;
}

/** The @font-face rules of a stylesheet whose src is a `?subset` woff2, with their unicode-range. */
export function subsetFaces(css: string, cssFile: string): SubsetFace[] {
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].flatMap(([rule]) => {
    const url = SUBSET_URL.exec(rule);
    if (!url) return [];
    const range = /unicode-range:\s*([^;}]+)/.exec(rule)?.[1];
    if (!range) throw new Error(`${cssFile}: a ?subset font needs its face's unicode-range`);
    return [{ rule, url: url[0], file: resolve(dirname(cssFile), url[2]), range }];
  });
}

/**
 * Vite plugin (build only): each `?subset` woff2 of our stylesheets becomes a file cut to its
 * face's unicode-range; the Latin regular face is preloaded by index.html (the first paint's text).
 */
export function latinFontSubsets(): Plugin {
  const preload: { referenceId: string; fileName?: string }[] = [];
  return {
    name: 'prossimo-latin-font-subsets',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      preload.length = 0;
    },
    async transform(code, id) {
      const cssFile = id.replace(/\?.*$/, '');
      if (!cssFile.endsWith('.css') || !code.includes('?subset')) return;
      let result = code;
      for (const face of subsetFaces(code, cssFile)) {
        this.addWatchFile(face.file);
        const source = await subsetFont(readFileSync(face.file), unicodeRangeText(face.range), {
          targetFormat: 'woff2',
        });
        const referenceId = this.emitFile({
          type: 'asset',
          name: basename(face.file).replace(/\.woff2$/, '-subset.woff2'),
          source,
        });
        if (/font-weight:\s*400/.test(face.rule) && /font-style:\s*normal/.test(face.rule)) {
          preload.push({ referenceId });
        }
        // Vite's CSS plugin turns this placeholder into the emitted file's URL.
        result = result.replace(
          face.rule,
          face.rule.replace(face.url, `url(__VITE_ASSET__${referenceId}__)`),
        );
      }
      return { code: result, map: null };
    },
    generateBundle() {
      for (const entry of preload) entry.fileName = this.getFileName(entry.referenceId);
    },
    transformIndexHtml: {
      order: 'post',
      handler: () =>
        preload.flatMap(({ fileName }) =>
          fileName
            ? [
                {
                  tag: 'link',
                  attrs: {
                    rel: 'preload',
                    href: `/${fileName}`,
                    as: 'font',
                    type: 'font/woff2',
                    crossorigin: '',
                  },
                  injectTo: 'head' as const,
                },
              ]
            : [],
        ),
    },
  };
}
