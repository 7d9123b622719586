import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

const root = join(__dirname, '..', '..', '..');

describe('API_NODE_FLAGS', () => {
  it('are the flags of every way the api is started outside the launcher and the bench', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['start:api']).toBe(`node ${API_NODE_FLAGS.join(' ')} dist/apps/api/src/main.js`);
    const dockerfile = readFileSync(join(root, 'infra', 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(
      `CMD ${JSON.stringify(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js']).replace(/,/g, ', ')}`,
    );
  });
});
