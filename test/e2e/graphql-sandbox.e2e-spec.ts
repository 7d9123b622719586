import { Script } from 'node:vm';
import request from 'supertest';
import { startStackForFile } from '../support/stack';

describe('the developer sandbox at GET /graphql', () => {
  const stack = startStackForFile({ startWorker: false });

  it('is served whole from our origin, under a policy that allows nothing else', async () => {
    const server = stack.api.getHttpServer();
    const page = await request(server)
      .get('/graphql')
      .set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    // No third-party address anywhere in the page (the old one loaded Apollo's CDN).
    expect(page.text).not.toMatch(/https?:\/\//);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toHaveLength(2);
    for (const path of assets) {
      expect(path).toMatch(/^\/graphql-sandbox\//);
      const asset = await request(server).get(path);
      expect(asset.status).toBe(200);
      expect(asset.headers['content-security-policy']).toBe(policy);
      expect(asset.text).not.toMatch(/https?:\/\//);
      if (path.endsWith('.js')) {
        expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
        // It parses (a broken script would leave the page blank).
        expect(() => new Script(asset.text)).not.toThrow();
      } else {
        expect(asset.headers['content-type']).toMatch(/^text\/css/);
      }
    }
  });

  it('leaves POST /graphql to the api', async () => {
    const answer = await stack.graphql<{ __typename: string }>('{ __typename }');
    expect(answer.data).toEqual({ __typename: 'Query' });
  });
});
