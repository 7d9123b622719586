/**
 * The metadata policy language of OpenID Federation 1.0 (section 6.1): the policies of a trust
 * chain's subordinate statements are merged from the trust anchor down, then applied to the leaf's
 * metadata. A policy that conflicts with a superior's, or metadata that breaks a policy, makes the
 * chain unusable: PolicyError, which the resolver turns into an untrusted provider.
 */

type Json = unknown;
type Values = Json[];

/** One metadata parameter's operators. Unknown operators are ignored unless listed as critical. */
export interface PolicyEntry {
  value?: Json;
  add?: Values;
  default?: Json;
  one_of?: Values;
  subset_of?: Values;
  superset_of?: Values;
  essential?: boolean;
}

/** Parameter name → its operators, for one entity type (e.g. openid_provider). */
export type MetadataPolicy = Record<string, PolicyEntry>;

export class PolicyError extends Error {}

export const STANDARD_OPERATORS = [
  'value',
  'add',
  'default',
  'one_of',
  'subset_of',
  'superset_of',
  'essential',
] as const;

const same = (a: Json, b: Json): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Arrays compare as sets and objects by key, so that ["a","b"] equals ["b","a"]. */
function canonical(value: Json): Json {
  if (Array.isArray(value))
    return value.map(canonical).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, Json>)[key])]),
    );
  return value;
}

const has = (values: Values, item: Json): boolean => values.some((value) => same(value, item));
const intersection = (a: Values, b: Values): Values => a.filter((item) => has(b, item));
const union = (a: Values, b: Values): Values => [...a, ...b.filter((item) => !has(a, item))];
const isSubset = (a: Values, b: Values): boolean => a.every((item) => has(b, item));
const asValues = (value: Json): Values => (Array.isArray(value) ? value : [value]);

function checkEntry(name: string, entry: PolicyEntry): void {
  for (const operator of ['add', 'one_of', 'subset_of', 'superset_of'] as const) {
    if (entry[operator] !== undefined && !Array.isArray(entry[operator]))
      throw new PolicyError(`${name}: ${operator} must be an array`);
  }
  if (entry.essential !== undefined && typeof entry.essential !== 'boolean')
    throw new PolicyError(`${name}: essential must be true or false`);
}

/**
 * The combinations the specification forbids within one (merged) entry: a value outside the
 * checks, additions the subset would remove, one_of beside array checks, subset_of narrower than
 * superset_of, a required parameter a superior removes.
 */
function checkCombination(name: string, entry: PolicyEntry): void {
  const { value, add, one_of, subset_of, superset_of } = entry;
  if (value !== undefined) {
    if (value === null && entry.essential)
      throw new PolicyError(`${name}: value null conflicts with essential`);
    if (value === null && entry.default !== undefined)
      throw new PolicyError(`${name}: value null conflicts with default`);
    if (value !== null) {
      if (add && !isSubset(add, asValues(value))) throw new PolicyError(`${name}: add is not within value`);
      if (one_of && !has(one_of, value)) throw new PolicyError(`${name}: value is not one of one_of`);
      if (subset_of && !isSubset(asValues(value), subset_of))
        throw new PolicyError(`${name}: value is not a subset of subset_of`);
      if (superset_of && !isSubset(superset_of, asValues(value)))
        throw new PolicyError(`${name}: value is not a superset of superset_of`);
    }
  }
  if (one_of && (add || subset_of || superset_of))
    throw new PolicyError(`${name}: one_of cannot be combined with add, subset_of or superset_of`);
  if (add && subset_of && !isSubset(add, subset_of))
    throw new PolicyError(`${name}: add is not within subset_of`);
  if (subset_of && superset_of && !isSubset(superset_of, subset_of))
    throw new PolicyError(`${name}: subset_of does not contain superset_of`);
}

/** The superior's entry with the subordinate's: each operator's merge rule, conflicts refused. */
function mergeEntry(name: string, superior: PolicyEntry, subordinate: PolicyEntry): PolicyEntry {
  checkEntry(name, subordinate);
  const merged: PolicyEntry = { ...superior };
  for (const [operator, operand] of Object.entries(subordinate) as [keyof PolicyEntry, Json][]) {
    const current = merged[operator];
    if (current === undefined) {
      (merged as Record<string, Json>)[operator] = operand;
      continue;
    }
    switch (operator) {
      case 'value':
      case 'default':
        if (!same(current, operand))
          throw new PolicyError(`${name}: ${operator} differs from the superior's`);
        break;
      case 'add':
      case 'superset_of':
        merged[operator] = union(current as Values, operand as Values);
        break;
      case 'one_of':
        merged.one_of = intersection(current as Values, operand as Values);
        if (!merged.one_of.length) throw new PolicyError(`${name}: one_of leaves no value`);
        break;
      case 'subset_of':
        merged.subset_of = intersection(current as Values, operand as Values);
        break;
      case 'essential':
        // A superior's essential: true stays; a subordinate may add it.
        merged.essential = Boolean(current) || Boolean(operand);
        break;
      default:
        // An operator we do not know and nobody marked critical: kept as the superior set it.
        break;
    }
  }
  checkCombination(name, merged);
  return merged;
}

/**
 * Merges the policies of a chain's subordinate statements, given from the trust anchor's down to
 * the one about the leaf. Operators named in any statement's metadata_policy_crit must be known.
 */
export function mergePolicies(
  policies: (MetadataPolicy | undefined)[],
  critical: string[] = [],
): MetadataPolicy {
  const unknown = critical.filter(
    (operator) => !(STANDARD_OPERATORS as readonly string[]).includes(operator),
  );
  if (unknown.length) throw new PolicyError(`Critical policy operators not supported: ${unknown.join(', ')}`);
  const merged: MetadataPolicy = {};
  for (const policy of policies) {
    for (const [name, entry] of Object.entries(policy ?? {})) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry))
        throw new PolicyError(`${name}: a policy entry must be an object`);
      checkEntry(name, entry);
      merged[name] = mergeEntry(name, merged[name] ?? {}, entry);
    }
  }
  return merged;
}

/**
 * Applies a merged policy to metadata, in the specification's order: value, add, default (which
 * shape the parameter), then one_of, subset_of, superset_of, essential (which check it; subset_of
 * also narrows it). Answers new metadata; the input is left as it was.
 */
export function applyPolicy(metadata: Record<string, Json>, policy: MetadataPolicy): Record<string, Json> {
  const result: Record<string, Json> = { ...metadata };
  for (const [name, entry] of Object.entries(policy)) {
    if (entry.value !== undefined) {
      if (entry.value === null) delete result[name];
      else result[name] = entry.value;
    }
    if (entry.add !== undefined)
      result[name] = result[name] === undefined ? [...entry.add] : union(asValues(result[name]), entry.add);
    if (entry.default !== undefined && result[name] === undefined) result[name] = entry.default;
    const present = result[name] !== undefined;
    if (entry.one_of !== undefined && present && !has(entry.one_of, result[name]))
      throw new PolicyError(`${name}: ${JSON.stringify(result[name])} is not one of the allowed values`);
    if (entry.subset_of !== undefined && present) {
      const kept = intersection(asValues(result[name]), entry.subset_of);
      // Nothing allowed is left: the parameter goes (essential, below, refuses that if required).
      if (kept.length) result[name] = kept;
      else delete result[name];
    }
    if (entry.superset_of !== undefined && result[name] !== undefined) {
      if (!isSubset(entry.superset_of, asValues(result[name])))
        throw new PolicyError(`${name}: does not contain all of ${JSON.stringify(entry.superset_of)}`);
    }
    if (entry.essential && result[name] === undefined)
      throw new PolicyError(`${name} is required by the policy`);
  }
  return result;
}
