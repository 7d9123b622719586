import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Every library's `src/rules.ts` (imported as `@prossimo/<lib>/rules`) is its pure logic: loading it
// must not load Nest or TypeORM, so that rules are tested and reused without a framework.
const LIBS_DIR = join(__dirname, '..', '..');
const ROOT = join(LIBS_DIR, '..');
const FRAMEWORK_PACKAGES = [
  '@nestjs/core',
  '@nestjs/common',
  '@nestjs/graphql',
  '@nestjs/typeorm',
  'typeorm',
];
const librariesWithRules = readdirSync(LIBS_DIR).filter((lib) =>
  existsSync(join(LIBS_DIR, lib, 'src', 'rules.ts')),
);

/**
 * Loads each entry in a fresh Node process (TypeScript compiled on the fly, `@prossimo/<lib>[/<entry>]`
 * resolved as tsconfig's paths say) and answers, per entry, every module file it loaded as
 * require.cache holds them: what a process that imports only that entry pays, without Jest's
 * module registry. One process for all (the compiler loads once); the cache is emptied between
 * entries, so each one's list is complete.
 */
function modulesLoadedBy(entries: string[]): Record<string, string[]> {
  const script = `
    const Module = require('node:module');
    const path = require('node:path');
    const fs = require('node:fs');
    const ts = require('typescript');
    const root = ${JSON.stringify(ROOT)};
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      const alias = /^@prossimo\\/([a-z-]+)(?:\\/(.+))?$/.exec(request);
      if (alias) request = path.join(root, 'libs', alias[1], 'src', alias[2] ?? 'index');
      return resolve.call(this, request, ...rest);
    };
    require.extensions['.ts'] = (module, file) => {
      const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
          experimentalDecorators: true, emitDecoratorMetadata: true },
      });
      module._compile(outputText, file);
    };
    // The compiler and this hook are the harness, not an entry's cost.
    const harness = new Set(Object.keys(require.cache));
    const loaded = {};
    for (const entry of ${JSON.stringify(entries)}) {
      for (const file of Object.keys(require.cache)) if (!harness.has(file)) delete require.cache[file];
      require(entry);
      loaded[entry] = Object.keys(require.cache).filter((file) => !harness.has(file));
    }
    process.stdout.write(JSON.stringify(loaded));
  `;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }),
  ) as Record<string, string[]>;
}

const framework = (files: string[]) =>
  files.filter((file) => /[\\/]node_modules[\\/](@nestjs[\\/]|typeorm[\\/])/.test(file));

describe('rules entry points', () => {
  it('exist for the libraries that have pure rules', () => {
    expect(librariesWithRules).toEqual(
      expect.arrayContaining([
        'platform',
        'matching',
        'directory',
        'reputation',
        'requests',
        'community',
        'moderation',
      ]),
    );
  });

  it.each(librariesWithRules)('@prossimo/%s/rules loads neither Nest nor TypeORM', (lib) => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      for (const name of FRAMEWORK_PACKAGES) {
        jest.doMock(name, () => {
          loaded.push(name);
          return {};
        });
      }
      const rules = jest.requireActual<Record<string, unknown>>(join(LIBS_DIR, lib, 'src', 'rules'));
      expect(Object.keys(rules).length).toBeGreaterThan(0);
    });
    expect(loaded).toEqual([]);
  });

  // The same in a plain Node process: require.cache then holds every file the entry really loads
  // (a deep import such as 'typeorm/...' or '@nestjs/config' included), not only the mocked names.
  describe('in a fresh process', () => {
    let loaded: Record<string, string[]>;
    beforeAll(() => {
      loaded = modulesLoadedBy([
        ...librariesWithRules.map((lib) => `@prossimo/${lib}/rules`),
        '@prossimo/platform',
      ]);
    });

    it.each(librariesWithRules)(
      '@prossimo/%s/rules has no @nestjs/ or typeorm module in require.cache',
      (lib) => {
        const files = loaded[`@prossimo/${lib}/rules`];
        expect(files.length).toBeGreaterThan(0);
        expect(framework(files)).toEqual([]);
      },
    );

    it('the check can fail: the platform index loads Nest and TypeORM', () => {
      const files = framework(loaded['@prossimo/platform']);
      expect(files.some((file) => file.includes('@nestjs'))).toBe(true);
      expect(files.some((file) => /[\\/]typeorm[\\/]/.test(file))).toBe(true);
    });
  });
});
