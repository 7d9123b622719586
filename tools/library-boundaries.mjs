// The walls between the libraries, declared once: which library may import which, and the
// public entry points of each. eslint.config.mjs enforces them (rule `prossimo/boundaries`);
// `node tools/library-graph.mjs` measures the real import graph against them.
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Library -> the libraries it may import (through their public entry points). Platform is the
 * bottom layer; the graph must stay acyclic (checked when this module loads).
 *
 * Territory sits just above identity (it needs the staff roles) and below everything that reads
 * Comuni or territories: notifications (the Comune desk of its templates) and insights (the
 * Comuni of a scope, the ambiti of the snapshots) read them through territory's module functions
 * instead of territory's tables. Territory must therefore import neither notifications nor
 * insights. Identity cannot import territory (territory imports identity): it reads territory's
 * tables through its TERRITORY_COVERAGE port, which territory provides.
 *
 * Reputation sits below the libraries whose engagements, offers and volunteers are reviewed: it
 * reads them through its ENGAGEMENT_SIDES port, which matching provides. Directory (the rating
 * order of the catalogue) and insights (satisfaction) compose reputation's SQL parts.
 *
 * Directory sits below matching: matching reads organisations, offers and accreditations through
 * directory's SQL parts, and prices a care group with directory's price bands
 * (`@prossimo/directory/rules`). Directory must therefore not import matching.
 */
export const ALLOWED_IMPORTS = {
  platform: [],
  identity: ['platform'],
  territory: ['platform', 'identity'],
  notifications: ['platform', 'identity', 'territory'],
  moderation: ['platform', 'identity', 'notifications', 'territory'],
  requests: ['platform', 'identity', 'moderation', 'territory'],
  community: ['platform', 'identity', 'moderation', 'notifications', 'territory'],
  reputation: ['platform', 'identity', 'moderation', 'notifications'],
  directory: ['platform', 'identity', 'moderation', 'notifications', 'territory', 'reputation'],
  matching: [
    'platform',
    'identity',
    'moderation',
    'notifications',
    'territory',
    'requests',
    'community',
    'reputation',
    'directory',
  ],
  insights: ['platform', 'identity', 'territory', 'requests', 'reputation', 'matching'],
  privacy: [
    'platform',
    'identity',
    'territory',
    'notifications',
    'moderation',
    'requests',
    'community',
    'reputation',
    'matching',
  ],
};

/** Public entry points besides the index (`@prossimo/<lib>/<entry>` -> `libs/<lib>/src/<entry>`). */
export const PUBLIC_ENTRIES = {
  platform: ['rules', 'embedded'],
  identity: ['rules'],
  notifications: ['rules'],
  community: ['rules'],
  directory: ['rules'],
  requests: ['rules'],
  reputation: ['rules'],
  matching: ['rules'],
  insights: ['rules'],
  moderation: ['rules'],
};

/**
 * Entry points only some apps may import (`lib/entry` -> the apps allowed). The embedded
 * PostgreSQL supervisor is the launcher's own start-up path: the api and worker must never start one.
 */
export const RESTRICTED_ENTRIES = {
  'platform/embedded': ['launcher'],
};

export const LIBRARIES = Object.keys(ALLOWED_IMPORTS);

/** The TypeScript files (absolute paths, no `.d.ts`) under the given top folders of the repository. */
export function typeScriptFiles(tops) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const top of tops) walk(join(ROOT, top));
  return files;
}

/** A cycle in `graph` (library -> libraries), as a list of names, or undefined. */
export function findCycle(graph) {
  const state = new Map();
  const path = [];
  const visit = (node) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph[node] ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(graph)) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return undefined;
}

const declaredCycle = findCycle(ALLOWED_IMPORTS);
if (declaredCycle) throw new Error(`ALLOWED_IMPORTS has a cycle: ${declaredCycle.join(' -> ')}`);

/** Where a file lives: a library, an app, or a test/bench/tool (`other`). */
export function areaOf(absolutePath) {
  const parts = relative(ROOT, absolutePath).split(sep);
  if (parts[0] === 'libs' && parts.length > 1)
    return { kind: 'lib', name: parts[1], inside: parts.slice(3).join('/') };
  if (parts[0] === 'apps' && parts.length > 1) return { kind: 'app', name: parts[1] };
  return { kind: 'other', name: parts[0] };
}

const stripExtension = (path) =>
  path
    .replace(/\.(ts|js|mjs)$/, '')
    .replace(/\/index$/, '')
    .replace(/^index$/, '');

/**
 * What an import specifier written in `fromFile` points at: `{ lib, entry, viaAlias }` for a
 * library (entry '' is the index), `{ app }` for an app, or undefined for packages and the rest.
 */
export function targetOf(specifier, fromFile) {
  const alias = /^@prossimo\/([a-z-]+)(?:\/(.+))?$/.exec(specifier);
  if (alias) return { lib: alias[1], entry: stripExtension(alias[2] ?? ''), viaAlias: true };
  if (!specifier.startsWith('.')) return undefined;
  const area = areaOf(resolve(dirname(fromFile), specifier));
  if (area.kind === 'lib') return { lib: area.name, entry: stripExtension(area.inside), viaAlias: false };
  if (area.kind === 'app') return { app: area.name };
  return undefined;
}

const isPublicEntry = (lib, entry) => entry === '' || (PUBLIC_ENTRIES[lib] ?? []).includes(entry);

/** Why importing `specifier` from `fromFile` breaks a wall, or undefined when it is fine. */
export function violationOf(specifier, fromFile) {
  const target = targetOf(specifier, fromFile);
  if (!target) return undefined;
  const from = areaOf(fromFile);
  if (from.kind === 'app' && from.name === 'web' && (target.lib || target.app !== 'web')) {
    return 'the web app is a client of the GraphQL API: it imports no library or server app';
  }
  if (target.app) {
    return from.kind === 'lib' ? `a library must not import an app (apps/${target.app})` : undefined;
  }
  if (!LIBRARIES.includes(target.lib)) return `unknown library '${target.lib}'`;
  if (from.kind === 'lib' && from.name === target.lib) {
    return target.viaAlias
      ? `inside ${target.lib}, import its own files relatively, not through @prossimo/${target.lib}`
      : undefined;
  }
  if (from.kind === 'lib' && !(ALLOWED_IMPORTS[from.name] ?? []).includes(target.lib)) {
    return `${from.name} may not import ${target.lib} (allowed: ${(ALLOWED_IMPORTS[from.name] ?? []).join(', ') || 'none'}; tools/library-boundaries.mjs)`;
  }
  if (!target.viaAlias || !isPublicEntry(target.lib, target.entry)) {
    const entries = ['', ...(PUBLIC_ENTRIES[target.lib] ?? [])].map(
      (e) => `@prossimo/${target.lib}${e && '/' + e}`,
    );
    return `import ${target.lib} through ${entries.join(' or ')}, not its internals`;
  }
  const restrictedTo = RESTRICTED_ENTRIES[`${target.lib}/${target.entry}`];
  if (restrictedTo && !(from.kind === 'app' && restrictedTo.includes(from.name))) {
    return `@prossimo/${target.lib}/${target.entry} is for apps/${restrictedTo.join(', apps/')} only`;
  }
  return undefined;
}

function check(context, node, source) {
  if (!source || typeof source.value !== 'string') return;
  const problem = violationOf(source.value, context.filename);
  if (problem) context.report({ node: source, message: problem });
}

/** ESLint plugin: `prossimo/boundaries`. */
export const boundariesPlugin = {
  rules: {
    boundaries: {
      meta: {
        type: 'problem',
        schema: [],
        docs: {
          description:
            'Libraries and apps import libraries only through their public entry points, along the declared layers.',
        },
      },
      create(context) {
        const requireLike = (node) =>
          node.arguments.length > 0 &&
          ((node.callee.type === 'Identifier' && node.callee.name === 'require') ||
            (node.callee.type === 'MemberExpression' &&
              node.callee.object.type === 'Identifier' &&
              node.callee.object.name === 'jest' &&
              node.callee.property.type === 'Identifier' &&
              ['mock', 'requireActual', 'doMock'].includes(node.callee.property.name)));
        return {
          ImportDeclaration: (node) => check(context, node, node.source),
          ExportNamedDeclaration: (node) => check(context, node, node.source),
          ExportAllDeclaration: (node) => check(context, node, node.source),
          ImportExpression: (node) =>
            check(context, node, node.source.type === 'Literal' ? node.source : undefined),
          TSImportEqualsDeclaration: (node) =>
            node.moduleReference.type === 'TSExternalModuleReference' &&
            check(context, node, node.moduleReference.expression),
          CallExpression: (node) =>
            requireLike(node) &&
            node.arguments[0].type === 'Literal' &&
            check(context, node, node.arguments[0]),
        };
      },
    },
  },
};
