import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import request from 'supertest';
import { requestCode } from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

// The web app as the api serves it (a stand-in build, so that this file needs no `npm run build`)
// and the web client's session: the refresh token only in an HttpOnly, SameSite=Strict cookie.
const VERIFY = `mutation ($phone: String!, $code: String!) {
  verifyPhone(input: { phone: $phone, code: $code }) { accessToken refreshToken user { id } }
}`;
const REFRESH_FROM_COOKIE = `mutation { refreshSession { accessToken refreshToken user { id } } }`;
const WEB = { 'x-prossimo-client': 'web' };

function refreshCookieOf(setCookie: string[] | string | undefined): string | undefined {
  return [setCookie ?? []].flat().find((cookie) => cookie.startsWith('prossimo_refresh='));
}

describe('the web app served by the api', () => {
  let webDir: string;

  beforeAll(() => {
    webDir = mkdtempSync(join(tmpdir(), 'prossimo-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html lang="it"><title>Prossimo</title></html>',
    );
    writeFileSync(join(webDir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    // The build's precompressed copy (apps/web/vite.config.ts).
    writeFileSync(join(webDir, 'assets', 'index-AbC123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  const stack = startStackForFile(() => ({ env: { WEB_APP_DIR: webDir } }));
  afterAll(() => {
    rmSync(webDir, { recursive: true, force: true });
  });

  const http = () => request(stack.api.getHttpServer());

  it('serves index.html at / and at client routes, uncached, with a same-origin CSP', async () => {
    for (const path of ['/', '/accedi', '/servizi/offerta/123']) {
      const page = await http().get(path).set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Prossimo</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
      const csp = page.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("font-src 'self'");
      expect(csp).not.toMatch(/https?:/);
    }
  });

  it('caches hashed assets for a year and answers 404 for missing ones', async () => {
    const asset = await http().get('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await http().get('/assets/index-missing.js').set('accept', 'text/html')).status).toBe(404);
  });

  it('sends the precompressed copy to browsers that accept brotli, the plain file to others', async () => {
    const brotli = await http()
      .get('/assets/index-AbC123.js')
      .set('accept-encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.vary).toContain('Accept-Encoding');
    const plain = await http().get('/assets/index-AbC123.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log(1)');
  });

  it('leaves the api paths alone', async () => {
    const ready = await http().get('/ready').set('accept', 'text/html');
    expect(ready.status).toBe(200);
    expect(ready.text).not.toContain('<title>Prossimo</title>');
    // Outside production the sandbox answers GET /graphql (with its own policy).
    const sandbox = await http().get('/graphql').set('accept', 'text/html');
    expect(sandbox.text).not.toContain('<title>Prossimo</title>');
    expect((await http().post('/webhooks/sms/none').set('accept', 'text/html')).status).toBe(404);
  });

  async function signInAsWeb(phone = uniquePhone()) {
    const code = await requestCode(stack, phone);
    return http()
      .post('/graphql')
      .set(WEB)
      .set('content-type', 'application/json')
      .send({ query: VERIFY, variables: { phone, code } });
  }

  it('gives the web client its refresh token only as an HttpOnly, SameSite=Strict cookie', async () => {
    const signedIn = await signInAsWeb();
    expect(signedIn.body.data.verifyPhone.accessToken).toEqual(expect.any(String));
    expect(signedIn.body.data.verifyPhone.refreshToken).toBeNull();
    const cookie = refreshCookieOf(signedIn.headers['set-cookie']);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/graphql/);
    // Plain http here: Secure only over https (or SESSION_COOKIE_SECURE=true).
    expect(cookie).not.toMatch(/; Secure/);

    // Other clients keep the token API.
    const phone = uniquePhone();
    const code = await requestCode(stack, phone);
    const app = await http().post('/graphql').set('content-type', 'application/json').send({
      query: VERIFY,
      variables: { phone, code },
    });
    expect(app.body.data.verifyPhone.refreshToken).toEqual(expect.any(String));
    expect(refreshCookieOf(app.headers['set-cookie'])).toBeUndefined();
  });

  it('refreshes from the cookie, rotating it; signOut clears it', async () => {
    const signedIn = await signInAsWeb();
    const cookie = (refreshCookieOf(signedIn.headers['set-cookie']) as string).split(';')[0];
    const refreshed = await http()
      .post('/graphql')
      .set(WEB)
      .set('cookie', cookie)
      .set('content-type', 'application/json')
      .send({ query: REFRESH_FROM_COOKIE });
    expect(refreshed.body.errors).toBeUndefined();
    expect(refreshed.body.data.refreshSession.user.id).toBe(signedIn.body.data.verifyPhone.user.id);
    const rotated = (refreshCookieOf(refreshed.headers['set-cookie']) as string).split(';')[0];
    expect(rotated).not.toBe(cookie);

    // The old cookie is single use.
    const replayed = await http()
      .post('/graphql')
      .set(WEB)
      .set('cookie', cookie)
      .set('content-type', 'application/json')
      .send({ query: REFRESH_FROM_COOKIE });
    expect(replayed.body.errors[0].extensions.code).toBe('SESSION_INVALID');

    // Replaying it ends the whole session (the api's reuse detection); sign out a fresh one.
    const again = await signInAsWeb();
    const againCookie = (refreshCookieOf(again.headers['set-cookie']) as string).split(';')[0];
    const signedOut = await http()
      .post('/graphql')
      .set(WEB)
      .set('cookie', againCookie)
      .set('authorization', `Bearer ${again.body.data.verifyPhone.accessToken}`)
      .set('content-type', 'application/json')
      .send({ query: 'mutation { signOut }' });
    expect(signedOut.body.data.signOut).toBe(true);
    expect(refreshCookieOf(signedOut.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('refuses a cross-site style simple POST with the cookie (CSRF), and ignores the cookie without the header', async () => {
    const signedIn = await signInAsWeb();
    const cookie = (refreshCookieOf(signedIn.headers['set-cookie']) as string).split(';')[0];

    // What a form on another site can send: no custom header, a "simple" content type.
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const forged = await http()
        .post('/graphql')
        .set('cookie', cookie)
        .set('content-type', contentType)
        .send(JSON.stringify({ query: REFRESH_FROM_COOKIE }));
      expect(forged.status).toBe(400);
      expect(forged.text).not.toContain('accessToken');
      expect(refreshCookieOf(forged.headers['set-cookie'])).toBeUndefined();
    }

    // A JSON POST (preflighted across sites) without the web header does not use the cookie.
    const noHeader = await http()
      .post('/graphql')
      .set('cookie', cookie)
      .set('content-type', 'application/json')
      .send({ query: REFRESH_FROM_COOKIE });
    expect(noHeader.body.errors[0].extensions.code).toBe('SESSION_INVALID');

    // The cookie still works for the web app itself: the forged requests consumed nothing.
    const genuine = await http()
      .post('/graphql')
      .set(WEB)
      .set('cookie', cookie)
      .set('content-type', 'application/json')
      .send({ query: REFRESH_FROM_COOKIE });
    expect(genuine.body.data.refreshSession.accessToken).toEqual(expect.any(String));
  });
});
