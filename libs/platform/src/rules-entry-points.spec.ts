import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Every library's `src/rules.ts` (imported as `@prossimo/<lib>/rules`) is its pure logic: loading it
// must not load Nest or TypeORM, so that rules are tested and reused without a framework.
const LIBS_DIR = join(__dirname, '..', '..');
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

describe('rules entry points', () => {
  it('exist for the libraries that have pure rules', () => {
    expect(librariesWithRules).toEqual(
      expect.arrayContaining(['platform', 'matching', 'directory', 'reputation', 'requests', 'community']),
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
});
