import { describe, expect, it } from 'vitest';
import { MAX_COST, operationCost, operationsOf } from '../testing/operation-cost';
import * as operations from './operations';

describe('the volunteer pages’ operations', () => {
  // Fragments are costed inside the operations that use them.
  it.each(operationsOf(operations))('%s costs at most what the api accepts', (_name, document) => {
    expect(operationCost(document)).toBeLessThanOrEqual(MAX_COST);
  });
});
