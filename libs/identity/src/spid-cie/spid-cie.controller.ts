import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import type { Request, Response } from 'express';
import { setRefreshCookie } from '../sessions/web-session-cookie';
import { ENTITY_STATEMENT_MEDIA_TYPE } from './federation';
import { CALLBACK_PATH, RelyingPartyService } from './relying-party.service';

/**
 * The relying party's two HTTP endpoints: its entity configuration, and the redirect URI the
 * provider sends the person back to (a browser navigation, so plain HTTP, not GraphQL).
 */
@Controller()
export class SpidCieController {
  constructor(
    private readonly relyingParty: RelyingPartyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('.well-known/openid-federation')
  async entityConfiguration(@Res() response: Response): Promise<void> {
    if (!this.relyingParty.enabled) throw new NotFoundException();
    const statement = await this.relyingParty.entityConfiguration();
    response.type(ENTITY_STATEMENT_MEDIA_TYPE).setHeader('cache-control', 'max-age=300').send(statement);
  }

  @Get(CALLBACK_PATH.slice(1))
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.relyingParty.enabled) throw new NotFoundException();
    // The URL the provider redirected to, as registered (the host seen here may be a proxy's).
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    const outcome = await this.relyingParty.callback(new URL(`${this.relyingParty.redirectUri}${query}`));
    response.setHeader('cache-control', 'no-store');
    if (!outcome.ok) {
      // The sign-in page says what went wrong, in the person's language (apps/web), and a new
      // attempt from there comes back to the page that started this one (?dopo=, as RequireSignIn).
      const back = outcome.returnPath === '/' ? '' : `&dopo=${encodeURIComponent(outcome.returnPath)}`;
      response.redirect(303, `/accedi?identita=${encodeURIComponent(outcome.failure)}${back}`);
      return;
    }
    // The web app's session, as after the phone sign-in: the refresh token in the HttpOnly cookie;
    // the app exchanges it for an access token on load.
    setRefreshCookie(
      { req: request, res: response },
      outcome.tokens.refreshToken,
      outcome.tokens.refreshTokenExpiresAt,
      this.config.SESSION_COOKIE_SECURE,
    );
    const separator = outcome.returnPath.includes('?') ? '&' : '?';
    response.redirect(303, `${outcome.returnPath}${separator}accesso=${outcome.authLevel}`);
  }
}
