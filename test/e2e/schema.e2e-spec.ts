import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startStackForFile } from '../support/stack';

const schemaPath = join(__dirname, '..', '..', 'schema.graphql');
const header =
  '# Generated from the code by `npm run schema:write`. Do not edit: CI fails when it is out of date.\n\n';

describe('schema.graphql', () => {
  const stack = startStackForFile({ startWorker: false });

  it('schema.graphql matches the schema generated from the code', () => {
    const generated =
      header + printSchema(lexicographicSortSchema(stack.api.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaPath, generated);
    const committed = readFileSync(schemaPath, 'utf8');
    expect(committed).toBe(generated);
  });
});
