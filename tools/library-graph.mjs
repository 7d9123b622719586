// Measures the walls: imports that break them (the rule `prossimo/boundaries` of `npm run lint`
// reports the same), and the cycles between libraries in the real import graph (exit 1 if any).
// Usage: node tools/library-graph.mjs [--list]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  PUBLIC_ENTRIES,
  ROOT,
  areaOf,
  targetOf,
  typeScriptFiles,
  violationOf,
} from './library-boundaries.mjs';

const list = process.argv.includes('--list');
const files = typeScriptFiles(['apps', 'libs', 'test', 'bench']);

const SPECIFIER =
  /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bjest\.(?:mock|requireActual|doMock)\s*\(\s*)['"]([^'"]+)['"]/g;
// Benches run compiled code and load it by path (`dist/libs/<lib>/src/<file>.js`): the same walls.
const COMPILED = /['"](?:dist\/)?libs\/([a-z-]+)\/src\/([\w./-]+)\.js['"]/g;
const isTestFile = (file) =>
  /\.(spec|e2e-spec|fault-spec|bench)\.ts$/.test(file) || ['test', 'bench'].includes(areaOf(file).name);

const graph = {};
const broken = { source: [], tests: [] };
let exceptions = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const from = areaOf(file);
  for (const [, lib, path] of text.matchAll(COMPILED)) {
    const entry = path.replace(/(^|\/)index$/, '');
    if (entry && !(PUBLIC_ENTRIES[lib] ?? []).includes(entry)) {
      broken.tests.push(
        `${relative(ROOT, file)}: loads compiled ${lib} internals (${path}.js), not its index or rules`,
      );
    }
  }
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1];
    const problem = violationOf(specifier, file);
    // An import that ESLint lets through with a disable comment saying why.
    const previousLine = text.slice(0, match.index).split('\n').at(-2) ?? '';
    if (problem && previousLine.includes('eslint-disable-next-line prossimo/boundaries')) exceptions++;
    else if (problem)
      (isTestFile(file) ? broken.tests : broken.source).push(
        `${relative(ROOT, file)}: '${specifier}': ${problem}`,
      );
    const target = targetOf(specifier, file);
    if (from.kind === 'lib' && !isTestFile(file) && target?.lib && target.lib !== from.name) {
      (graph[from.name] ??= new Set()).add(target.lib);
    }
  }
}

// Strongly connected components (Tarjan): each one with more than one library is a cycle.
let index = 0;
const indexOf = new Map();
const low = new Map();
const stack = [];
const cycles = [];
const connect = (node) => {
  indexOf.set(node, index);
  low.set(node, index++);
  stack.push(node);
  for (const next of graph[node] ?? []) {
    if (!indexOf.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (stack.includes(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)));
  }
  if (low.get(node) === indexOf.get(node)) {
    const component = [];
    let member;
    do component.push((member = stack.pop()));
    while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  }
};
for (const node of Object.keys(graph)) if (!indexOf.has(node)) connect(node);

console.log(`files scanned: ${files.length}`);
console.log(
  `imports breaking the walls: ${broken.source.length} in apps/libs source, ${broken.tests.length} in tests and benches` +
    ` (${exceptions} more marked as exceptions)`,
);
if (list) for (const line of [...broken.source, ...broken.tests]) console.log(`  ${line}`);
console.log(`library edges: ${Object.values(graph).reduce((n, targets) => n + targets.size, 0)}`);
if (list)
  for (const [lib, targets] of Object.entries(graph).sort())
    console.log(`  ${lib} -> ${[...targets].sort().join(', ')}`);
console.log(
  `cycles between libraries: ${cycles.length}${cycles.map((c) => ` [${c.join(' <-> ')}]`).join('')}`,
);
process.exitCode = cycles.length > 0 ? 1 : 0;
