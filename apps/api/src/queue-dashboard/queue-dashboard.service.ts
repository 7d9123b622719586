import { createHmac } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { JwtModuleOptions } from '@nestjs/jwt';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { AuthenticatedUser, Role, SessionService } from '@prossimo/identity';
import { APP_CONFIG, AppConfig, QUEUE_NAMES, QueueBackendService } from '@prossimo/platform';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

// express's own types are not installed; these are the parts used here.
type Request = IncomingMessage;
type Response = ServerResponse & { status(code: number): { json(body: unknown): void } };
type NextFunction = (error?: unknown) => void;
type Middleware = (req: Request, res: Response, next: NextFunction) => void;
export const QUEUE_DASHBOARD_COOKIE = 'prossimo_queue_dashboard';
/**
 * bull-board's page asks for Google Fonts: our pages load nothing from another origin, so the
 * browser is told to refuse it (the system font is used). Its scripts and styles are files of this
 * path; it styles elements inline.
 */
export const QUEUE_DASHBOARD_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
/** The cookie that opens the dashboard in a browser lasts this long. */
export const QUEUE_DASHBOARD_TICKET_SECONDS = 600;

interface TicketClaims {
  sub: string;
  sid: string;
}

/**
 * bull-board over every queue, on either backend (BullMQ's Redis or PostgreSQL queues), for
 * platform admins only. A request passes with the admin's access token as a Bearer header, or with
 * the short-lived HttpOnly cookie that the openQueueDashboard mutation sets (a browser cannot add
 * headers to a page it opens). The cookie's token is signed with a key derived from JWT_SECRET, so
 * it is not an access token for the api. Every request checks that the session is alive and that
 * the person still is a platform admin. Read-only: changes go through audited mutations
 * (replayNotification).
 */
@Injectable()
export class QueueDashboardService {
  private router?: Middleware;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly jwt: JwtService,
    private readonly queues: QueueBackendService,
  ) {}

  /** Express middleware: 401 without valid credentials, 403 for anyone but a platform admin. */
  handler(): Middleware {
    return (req, res, next) => {
      void this.admit(req)
        .then((outcome) => {
          if (outcome !== 'ok') {
            res.status(outcome).json({ error: outcome === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
            return;
          }
          res.setHeader('cache-control', 'no-store');
          res.setHeader('content-security-policy', QUEUE_DASHBOARD_CSP);
          this.board()(req, res, next);
        })
        .catch(next);
    };
  }

  /** A ticket for the signed-in admin's browser; the caller has checked the role. */
  async issueTicket(user: AuthenticatedUser): Promise<{ token: string; expiresAt: Date }> {
    const claims: TicketClaims = { sub: user.userId, sid: user.sessionId };
    const token = await this.jwt.signAsync(claims, { expiresIn: QUEUE_DASHBOARD_TICKET_SECONDS });
    return { token, expiresAt: new Date(Date.now() + QUEUE_DASHBOARD_TICKET_SECONDS * 1000) };
  }

  private async admit(req: Request): Promise<'ok' | 401 | 403> {
    const header = req.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const user = await this.sessions.authenticate(header.slice(7).trim());
      if (!user) return 401;
      return user.roles.some((grant) => grant.role === Role.PLATFORM_ADMIN) ? 'ok' : 403;
    }
    const ticket = readCookie(req.headers.cookie, QUEUE_DASHBOARD_COOKIE);
    if (!ticket) return 401;
    let claims: TicketClaims;
    try {
      claims = await this.jwt.verifyAsync<TicketClaims>(ticket);
    } catch {
      return 401;
    }
    // The ticket lives on only as long as the session and the role.
    const roles = await this.sessions.liveSessionRoles(claims.sid, claims.sub);
    if (!roles) return 401;
    return roles.some((grant) => grant.role === Role.PLATFORM_ADMIN) ? 'ok' : 403;
  }

  private board(): Middleware {
    if (!this.router) {
      const serverAdapter = new ExpressAdapter();
      serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
      createBullBoard({
        queues: QUEUE_NAMES.map(
          (name) => new BullMQAdapter(this.queues.queue(name), { readOnlyMode: true, description: name }),
        ),
        // @bull-board/express 9.10.1 is typed against @bull-board/api 9.10.1 (no 9.10.2 of it exists).
        serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
        options: { uiConfig: { boardTitle: `Prossimo (${this.config.QUEUE_BACKEND})` } },
      });
      this.router = serverAdapter.getRouter() as Middleware;
    }
    return this.router;
  }
}

/** Tickets are signed with a key of their own, derived from JWT_SECRET: not access tokens. */
export function queueDashboardJwtOptions(config: AppConfig): JwtModuleOptions {
  return {
    secret: createHmac('sha256', config.JWT_SECRET).update('prossimo queue dashboard').digest('hex'),
    signOptions: { algorithm: 'HS256', issuer: 'prossimo-queue-dashboard' },
    verifyOptions: { algorithms: ['HS256'], issuer: 'prossimo-queue-dashboard' },
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
