import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldProblem, InputValidationError } from '../errors/domain-error';

const CONSTRAINT_CODES: Record<string, string> = {
  isNotEmpty: 'FIELD_REQUIRED',
  isDefined: 'FIELD_REQUIRED',
  maxLength: 'FIELD_TOO_LONG',
  arrayMaxSize: 'FIELD_TOO_LONG',
};

function collectProblems(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.contexts ?? {}).length
      ? []
      : Object.keys(error.constraints ?? {}).map((constraint) => {
          const maxMatch = /(\d+)/.exec(error.constraints?.[constraint] ?? '');
          return {
            field,
            code: CONSTRAINT_CODES[constraint] ?? 'FIELD_INVALID',
            params: constraint === 'maxLength' && maxMatch ? { max: Number(maxMatch[1]) } : undefined,
          };
        });
    return [...own.slice(0, 1), ...collectProblems(error.children ?? [], field)];
  });
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = MetadataStorage['getTargetValidationMetadatas'];
const MEMOISED = Symbol('prossimo:memoised-validation-metadata');

/**
 * class-validator looks up a class's rules on every validation by scanning every class it knows
 * for parents (a few per cent of the api's CPU per request in bench:api profiles). The answer only
 * changes when a rule is added (classes are declared at start-up), so it is kept per class and
 * options, and forgotten whenever a rule is added.
 */
export function memoiseValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOISED]?: true };
  if (marked[MEMOISED]) return;
  marked[MEMOISED] = true;
  const lookUp: TargetMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  let known = new WeakMap<object, Map<string, ReturnType<TargetMetadatas>>>();
  const add = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    known = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookUp(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
}

/** class-validator on every input, reported as VALIDATION_FAILED with the failing fields named. */
export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new InputValidationError(collectProblems(errors)),
  });
}
