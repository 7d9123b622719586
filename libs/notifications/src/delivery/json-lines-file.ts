import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * The file a development channel writes its messages to, one JSON line each, for the developer to
 * read. Readable by its owner only: the lines hold the texts, codes and numbers.
 */
export class JsonLinesFile {
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  async append(line: object): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, JSON.stringify(line) + '\n', { mode: 0o600 });
  }
}
