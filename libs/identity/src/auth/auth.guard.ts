import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@prossimo/platform';
import { AuthenticatedUser, SessionService } from '../sessions/session.service';

interface RequestWithUser {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

export function requestFromContext(context: ExecutionContext): RequestWithUser {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithUser }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithUser>();
}

/**
 * Signs the caller in from the request's Bearer access token, if it is one of a live session, and
 * returns them (or null). A caller already signed in earlier in the request is kept.
 */
export async function signInFromBearerToken(
  request: RequestWithUser,
  sessions: SessionService,
): Promise<AuthenticatedUser | null> {
  if (request.user) return request.user;
  const header = request.headers.authorization;
  const token =
    typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const user = token ? await sessions.authenticate(token) : null;
  if (user) request.user = user;
  return user;
}

/** Requires a valid Bearer access token of a live session. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = await signInFromBearerToken(requestFromContext(context), this.sessions);
    if (!user) throw new DomainError('UNAUTHENTICATED');
    return true;
  }
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = requestFromContext(context).user;
    if (!user) throw new DomainError('UNAUTHENTICATED');
    return user;
  },
);
