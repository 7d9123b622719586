import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '../errors/domain-error';

/**
 * Domain errors are answers, not faults: hand them to GraphQL as they are, so that Nest does not
 * log each one with a stack trace at error level. The formatter renders them for the caller.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
