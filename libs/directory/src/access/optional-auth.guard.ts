import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  requestFromContext,
  SessionService,
  signInFromBearerToken,
} from '@prossimo/identity';

/**
 * For public queries that show more to the people concerned: signs the caller in when a valid
 * token comes with the request, and lets anonymous callers through.
 */
@Injectable()
export class OptionalAuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await signInFromBearerToken(requestFromContext(context), this.sessions);
    return true;
  }
}

/** The signed-in caller, or null for anonymous callers (with OptionalAuthGuard). */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | null =>
    requestFromContext(context).user ?? null,
);
