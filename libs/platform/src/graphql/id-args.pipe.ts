import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InputValidationError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_ARGUMENT = /^(id|[a-z][A-Za-z]*Id)$/;

/**
 * Every top-level argument named `id` or `…Id` is a UUID: refuse anything else here, naming the
 * argument, instead of letting PostgreSQL reject it. (Fields inside inputs use @IsUUID.)
 */
@Injectable()
export class IdArgumentsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.data && ID_ARGUMENT.test(metadata.data) && typeof value === 'string' && !UUID.test(value)) {
      throw new InputValidationError([{ field: metadata.data, code: 'FIELD_INVALID' }]);
    }
    return value;
  }
}
