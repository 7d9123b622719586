import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

/*
 * Build-time trimming of what Bootstrap Italia ships whole: its CSS (566 KB, all render-blocking)
 * and its icon sprite (94 KB for the handful of icons we show). Both keep what the app's source
 * names, so a class or an icon must appear whole in the source: `alert-${kind}` does not name
 * `alert-success` (add such classes to RUNTIME_CLASSES). Only `vite build` trims; the dev server
 * serves everything, so look at the browser tests' screenshots (they run on the build).
 */

/** A source file the app is built from (its text), as PurgeCSS reads raw content. */
export interface Source {
  file: string;
  raw: string;
  extension: string;
}

/** The app's TypeScript, TSX and index.html; not the tests, not the generated GraphQL documents. */
export function appSources(root: string): Source[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === 'gql' ? [] : walk(path);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  return [...walk(join(root, 'src')), join(root, 'index.html')].map((file) => ({
    file,
    raw: readFileSync(file, 'utf8'),
    extension: file.slice(file.lastIndexOf('.') + 1),
  }));
}

/**
 * Classes set by code, not written in our source: react-router's NavLink adds `active`, reactstrap
 * (under design-react-kit) `show`, design-react-kit's track-focus.js (loaded with its first
 * component) `focus--mouse` on what the mouse focused; our status messages are `alert alert-${kind}`
 * (AvailabilityPage, ProposalsPage, console/organisation/states.tsx). A design-react-kit
 * component's own classes (a Modal's `modal-dialog`) go here too.
 */
export const RUNTIME_CLASSES = [
  'active',
  'show',
  'focus--mouse',
  'alert-success',
  'alert-danger',
  'alert-info',
  'alert-warning',
];

/**
 * Attributes set by code: track-focus.js marks mouse focus `data-focus-mouse="true"`, and Bootstrap
 * Italia then hides the keyboard focus ring (`[data-focus-mouse=true]:not(.btn)`).
 */
const RUNTIME_ATTRIBUTES = ['data-focus-mouse'];

/**
 * Words of a source file, as PurgeCSS's default extractor takes them, plus the classes that
 * design-react-kit (reactstrap) components derive from their props: `<Button color="primary"
 * outline size="lg">` renders `btn-primary`/`btn-outline-primary` and `btn-lg`, `<Alert
 * color="success">` `alert-success`.
 */
export function sourceWords(text: string): string[] {
  const words: string[] = text.match(/[A-Za-z0-9_-]+/g) ?? [];
  for (const [, color] of text.matchAll(/\bcolor=["']([\w-]+)["']/g)) {
    words.push(`btn-${color}`, `btn-outline-${color}`, `alert-${color}`, `bg-${color}`, `text-${color}`);
  }
  for (const [, size] of text.matchAll(/\bsize=["'](\w+)["']/g)) words.push(`btn-${size}`);
  return words;
}

/**
 * PurgeCSS drops a selector made of pseudo-classes only, as if nothing could match it; Bootstrap
 * Italia's keyboard focus ring is one (`:focus:not([data-focus-mouse=true])`: every focused
 * element, as its JS never marks mouse focus here). Listed, such a pseudo-class counts as found.
 */
const ANY_ELEMENT_PSEUDO_CLASSES = [
  ':focus',
  ':focus-visible',
  ':focus-within',
  ':hover',
  ':active',
  ':target',
];

/** Bootstrap Italia's CSS with only the rules whose selectors the sources can match. */
export async function purgeCss(css: string, sources: Source[]): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content: sources.map(({ raw, extension }) => ({ raw, extension })),
    css: [{ raw: css }],
    defaultExtractor: sourceWords,
    safelist: { standard: [...RUNTIME_CLASSES, ...ANY_ELEMENT_PSEUDO_CLASSES] },
    dynamicAttributes: RUNTIME_ATTRIBUTES,
    // @font-face and @keyframes that no kept rule uses go too (video.js's icon font, 8 KB).
    fontFace: true,
    keyframes: true,
  });
  return result.css;
}

/** The sprite with only the <symbol>s whose ids the sources name; the names it lacks, to warn. */
export function subsetSprite(sprite: string, sources: Source[]): { svg: string; missing: string[] } {
  const named = new Set(sources.flatMap(({ raw }) => raw.match(/\bit-[a-z0-9-]+/g) ?? []));
  const symbols = [...sprite.matchAll(/<symbol\b[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/symbol>/g)];
  const kept = symbols.filter(([, id]) => named.has(id));
  const present = new Set(symbols.map(([, id]) => id));
  const opening = /^<svg\b[^>]*>/.exec(sprite)?.[0] ?? '<svg xmlns="http://www.w3.org/2000/svg">';
  return {
    svg: `${opening}${kept.map(([symbol]) => symbol).join('')}</svg>`,
    // Words such as `it-IT` are not icons: only those shaped like one are reported.
    missing: [...named].filter((name) => !present.has(name) && /^it-[a-z]+(-[a-z0-9]+)*$/.test(name)),
  };
}

const BOOTSTRAP_ITALIA_CSS = /\/bootstrap-italia\/dist\/css\/bootstrap-italia(\.min)?\.css$/;
const SPRITE_IMPORT = 'bootstrap-italia/dist/svg/sprites.svg?url';
const SPRITE_MODULE = '\0prossimo-icon-sprite';

/** Vite plugin (build only): Bootstrap Italia's CSS and icon sprite cut to what the app uses. */
export function trimBootstrapItalia(root: string, spriteFile: string): Plugin {
  let sources: Source[] | undefined;
  const read = (watch: (file: string) => void): Source[] => {
    sources ??= appSources(root);
    for (const { file } of sources) watch(file);
    return sources;
  };
  return {
    name: 'prossimo-trim-bootstrap-italia',
    apply: 'build',
    // Before Vite's CSS plugin (and before dataFontsToFiles: a font no kept rule uses is not emitted).
    enforce: 'pre',
    buildStart() {
      sources = undefined;
    },
    async transform(code, id) {
      if (!BOOTSTRAP_ITALIA_CSS.test(id.replace(/\?.*$/, ''))) return;
      return {
        code: await purgeCss(
          code,
          read((file) => this.addWatchFile(file)),
        ),
        map: null,
      };
    },
    resolveId(source) {
      return source === SPRITE_IMPORT ? SPRITE_MODULE : undefined;
    },
    load(id) {
      if (id !== SPRITE_MODULE) return;
      const { svg, missing } = subsetSprite(
        readFileSync(spriteFile, 'utf8'),
        read((file) => this.addWatchFile(file)),
      );
      if (missing.length) this.warn(`icons not in Bootstrap Italia's sprite: ${missing.join(', ')}`);
      const referenceId = this.emitFile({ type: 'asset', name: 'icons.svg', source: svg });
      // Vite's asset plugin turns this placeholder into the emitted file's URL.
      return `export default ${JSON.stringify(`__VITE_ASSET__${referenceId}__`)};`;
    },
  };
}
