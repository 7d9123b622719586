import { describe, expect, it } from 'vitest';
import { MAX_COST, operationCost, operationsOf } from '../testing/operation-cost';
import * as operations from './operations';

describe("the helper's proposal and engagement actions", () => {
  it.each(operationsOf(operations))('%s costs at most what the api accepts', (_name, document) => {
    expect(operationCost(document)).toBeLessThanOrEqual(MAX_COST);
  });
});
