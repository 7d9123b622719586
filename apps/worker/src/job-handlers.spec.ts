import 'reflect-metadata';
import { AnyJob, JOBS, jobHandlersOf } from '@prossimo/platform';
import { WorkerModule } from './worker.module';

type Type = abstract new (...args: never[]) => unknown;
interface DynamicModuleLike {
  module: Type;
  imports?: unknown[];
  providers?: unknown[];
}

/** Every provider class the worker composes, read from the module tree without booting it. */
function providerClasses(root: Type): Set<Type> {
  const modules = new Set<unknown>();
  const providers = new Set<Type>();
  const visit = (entry: unknown): void => {
    if (!entry || modules.has(entry)) return;
    modules.add(entry);
    if (typeof entry === 'object' && 'forwardRef' in entry) {
      visit((entry as { forwardRef: () => unknown }).forwardRef());
      return;
    }
    const dynamic = typeof entry === 'object' ? (entry as DynamicModuleLike) : undefined;
    const type = dynamic ? dynamic.module : (entry as Type);
    const imports = [
      ...((Reflect.getMetadata('imports', type) as unknown[]) ?? []),
      ...(dynamic?.imports ?? []),
    ];
    const declared = [
      ...((Reflect.getMetadata('providers', type) as unknown[]) ?? []),
      ...(dynamic?.providers ?? []),
    ];
    for (const provider of declared) {
      if (typeof provider === 'function') providers.add(provider as Type);
      else if (provider && typeof provider === 'object' && 'useClass' in provider) {
        providers.add((provider as { useClass: Type }).useClass);
      }
    }
    for (const imported of imports) visit(imported);
    if (dynamic) visit(dynamic.module);
  };
  visit(root);
  return providers;
}

describe('job handlers of the worker', () => {
  const declared = [...providerClasses(WorkerModule)].flatMap((type) =>
    jobHandlersOf(type).map((declaration) => ({ type: type.name, ...declaration })),
  );
  const known = new Set<AnyJob>(Object.values(JOBS));
  const label = (job: AnyJob): string => `${job.queue}/${job.name}`;

  it('handles every job of the map exactly once', () => {
    const handlers = Object.values(JOBS).map((job) => ({
      job: label(job),
      by: declared.filter((declaration) => declaration.job === job && declaration.handle).map((d) => d.type),
    }));
    expect(handlers.filter((handler) => handler.by.length !== 1)).toEqual([]);
  });

  it('handles no job outside the map, and tells no give-up without a handler', () => {
    expect(declared.filter((declaration) => !known.has(declaration.job)).map((d) => label(d.job))).toEqual(
      [],
    );
    expect(declared.filter((declaration) => !declaration.handle).map((d) => label(d.job))).toEqual([]);
  });
});
