import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { MAX_COST, operationCost, operationsOf } from '../../testing/operation-cost';
import { etsEn, etsIt } from './messages';
import * as callOperations from '../calls/operations';
import * as operations from './operations';
import { messageKeys } from '../../testing/message-keys';

describe('the organisation pages', () => {
  // The calls' operations serve the Comune's calls page too.
  it.each([...operationsOf(operations), ...operationsOf(callOperations)])(
    '%s costs at most what the api accepts',
    (_name, document) => {
      expect(operationCost(document)).toBeLessThanOrEqual(MAX_COST);
    },
  );

  it('have every Italian message in English, and nothing else', () => {
    expect(messageKeys(etsEn).sort()).toEqual(messageKeys(etsIt).sort());
  });

  it('find their messages under "ets." once loaded', () => {
    expect(translate('ets.role.OPERATOR', {}, 'it')).toBe('Operatore');
    expect(translate('ets.role.ADMIN', {}, 'en')).toBe('Administrator');
  });
});
