import type { Request, Response } from 'express';

/**
 * The web app's refresh token lives in this cookie: HttpOnly (no script reads it), SameSite=Strict
 * (no other site's page sends it), limited to /graphql. Only requests that say they come from the
 * web app (a custom header, so never a "simple" cross-site request) get or use it.
 */
export const REFRESH_COOKIE = 'prossimo_refresh';
export const WEB_CLIENT_HEADER = 'x-prossimo-client';
const COOKIE_PATH = '/graphql';

export interface CookieContext {
  req?: Request;
  res?: Response;
}

export function isWebClient(context: CookieContext): boolean {
  return context.req?.headers?.[WEB_CLIENT_HEADER] === 'web' && typeof context.res?.cookie === 'function';
}

export function readRefreshCookie(context: CookieContext): string | undefined {
  const value = (context.req?.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value ? value : undefined;
}

/** secure: the configured value, or (unset) whether this request came over https. */
export function setRefreshCookie(
  context: CookieContext,
  token: string,
  expiresAt: Date,
  secure: boolean | undefined,
): void {
  context.res?.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secure ?? context.req?.secure ?? false,
    path: COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(context: CookieContext, secure: boolean | undefined): void {
  context.res?.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secure ?? context.req?.secure ?? false,
    path: COOKIE_PATH,
  });
}
