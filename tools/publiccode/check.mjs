// Checks publiccode.yml (repository root) offline: against the standard's rules
// (publiccode.schema.json, written from the standard's documentation), and against the project
// itself, so that the catalogue entry stays true: version and licence as in package.json, the
// languages the web app speaks. Exit 1 with one line per problem. Usage: node tools/publiccode/check.mjs [file]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const file = resolve(process.argv[2] ?? join(root, 'publiccode.yml'));
const problems = [];

let document;
try {
  // YAML 1.2 core schema: "yes"/"no" stay strings, as the standard's parser reads them.
  document = parse(readFileSync(file, 'utf8'), { schema: 'core', uniqueKeys: true });
} catch (error) {
  console.error(`${file}: ${error.message}`);
  process.exit(1);
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(here, 'publiccode.schema.json'), 'utf8')));
if (!validate(document)) {
  for (const error of validate.errors ?? []) {
    const extra = error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : '';
    problems.push(`${error.instancePath || '/'} ${error.message}${extra}`);
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (document?.softwareVersion !== undefined && document.softwareVersion !== pkg.version)
  problems.push(`/softwareVersion is ${document.softwareVersion}, package.json says ${pkg.version}`);
if (document?.legal?.license !== pkg.license)
  problems.push(`/legal/license is ${document?.legal?.license}, package.json says ${pkg.license}`);
for (const language of ['it', 'en']) {
  if (!document?.description?.[language]) problems.push(`/description has no "${language}" section`);
  if (!document?.localisation?.availableLanguages?.includes(language))
    problems.push(`/localisation/availableLanguages lacks "${language}"`);
}

if (problems.length) {
  console.error(`${file} is not a valid publiccode.yml:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`${file}: valid publiccode.yml`);
