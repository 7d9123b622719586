import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildSchema, DocumentNode, Kind, parse, validate } from 'graphql';

const root = join(__dirname, '..', '..', '..', '..');
const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
// The README and the area docs it links to (docs/<area>.md): the examples moved there with their areas.
const files = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
];
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const blocks = [...texts.values()].flatMap((text) =>
  [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]),
);

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])));
}

describe('GraphQL examples in the README and docs/', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  // Each operation of each block is checked on its own: blocks hold several anonymous ones.
  const operations = blocks.flatMap((block) =>
    parse(block).definitions.map(
      (definition) => ({ kind: Kind.DOCUMENT, definitions: [definition] }) as DocumentNode,
    ),
  );
  it.each(operations.map((document, index) => [index + 1, document]))(
    'example operation %i is valid against schema.graphql',
    (_index, document) => {
      expect(validate(schema, document as DocumentNode).map((error) => error.message)).toEqual([]);
    },
  );
});

describe('links in the README and docs/', () => {
  it('lead to files and headings that exist', () => {
    const broken: string[] = [];
    for (const [file, text] of texts) {
      const prose = text.replace(/```[\s\S]*?```/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue; // http(s), mailto: not ours to check offline
        const [path, anchor] = target.split('#');
        const targetFile = path === '' ? file : join(dirname(file), path);
        const where = `${relative(root, file)}: ${target}`;
        if (!existsSync(targetFile)) broken.push(`${where} (no such file)`);
        else if (anchor !== undefined && targetFile.endsWith('.md')) {
          if (!anchorsOf(readFileSync(targetFile, 'utf8')).has(anchor))
            broken.push(`${where} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('are checked at all (the README links to every file in docs/)', () => {
    const readme = texts.get(join(root, 'README.md')) ?? '';
    const docs = files.filter((file) => file.includes(`${join(root, 'docs')}`));
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) expect(readme).toContain(`](${relative(root, doc)})`);
  });
});
