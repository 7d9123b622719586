import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { myAreaEn, myAreaIt } from './my-area-messages';
import { messageKeys } from '../testing/message-keys';

describe('"La mia area" messages', () => {
  it('has every Italian message in English, and nothing else', () => {
    expect(messageKeys(myAreaEn).sort()).toEqual(messageKeys(myAreaIt).sort());
  });

  it('are found under "myArea." once the page has loaded, with plurals and the organisation named', () => {
    expect(
      translate('myArea.toDo.commitments', { count: 1, when: 'martedì 15 dicembre 2026, 09:30' }, 'it'),
    ).toBe('Hai un impegno: martedì 15 dicembre 2026, 09:30');
    expect(
      translate('myArea.toDo.organisationRequests', { count: 2, organisation: 'Auser Alba' }, 'en'),
    ).toBe('Auser Alba: 2 requests proposed, to accept or decline');
  });
});
