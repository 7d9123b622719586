import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonLinesFile } from './json-lines-file';

describe('JsonLinesFile', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'json-lines-'));
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('creates its folder and appends one JSON line per call, readable by its owner only', async () => {
    const file = new JsonLinesFile(join(directory, 'dev', 'sms.jsonl'));
    await file.append({ id: 'a', text: 'Codice 123456' });
    await file.append({ id: 'b' });
    expect(await readFile(file.path, 'utf8')).toBe('{"id":"a","text":"Codice 123456"}\n{"id":"b"}\n');
    expect((await stat(file.path)).mode & 0o777).toBe(0o600);
  });
});
