import { describe, expect, it } from 'vitest';
import { MAX_COST, operationCost, operationsOf } from '../testing/operation-cost';
import * as operations from './my-area-operations';

describe('"La mia area"', () => {
  // One query over the limit and the api refuses it whole: its lines would all be missing.
  it.each(operationsOf(operations))('%s costs at most what the api accepts', (_name, document) => {
    expect(operationCost(document)).toBeLessThanOrEqual(MAX_COST);
  });
});
