import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { ServerResponse } from 'node:http';
import { RequestContext } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { renderMessage } from '../i18n/messages';

/**
 * Domain errors are answers, not faults: hand them to GraphQL as they are, so that Nest does not
 * log each one with a stack trace at error level. The formatter renders them for the caller. A REST
 * route (the SMS webhooks) gets the same code, field and message as a JSON answer (400 unless the
 * error says otherwise).
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType() !== 'http') return error;
    const status = error.options.httpStatus ?? 400;
    const response = host.switchToHttp().getResponse<ServerResponse>();
    if (response.headersSent) return;
    response.statusCode = status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(
      JSON.stringify({
        statusCode: status,
        code: error.code,
        field: error.field,
        message: renderMessage(error.code, RequestContext.language(), {
          field: error.field ?? '',
          ...error.options.params,
        }),
      }),
    );
  }
}
