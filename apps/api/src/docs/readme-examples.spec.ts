import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, DocumentNode, Kind, parse, validate } from 'graphql';

const root = join(__dirname, '..', '..', '..', '..');
const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

describe('GraphQL examples in the README', () => {
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
