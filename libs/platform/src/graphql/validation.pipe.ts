import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** class-validator on every input, reported as VALIDATION_FAILED with the failing fields named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new InputValidationError(collectProblems(errors)),
  });
}
