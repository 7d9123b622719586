import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import './i18n';
import { volunteerEn, volunteerIt } from './messages';
import { messageKeys } from '../testing/message-keys';

describe('volunteer messages', () => {
  it('has every Italian message in English, and nothing else', () => {
    expect(messageKeys(volunteerEn).sort()).toEqual(messageKeys(volunteerIt).sort());
  });

  it('are found under "volunteer." once the area has loaded, with plurals', () => {
    expect(translate('volunteer.proposals.passengers', { count: 1 }, 'it')).toBe('1 passeggero');
    expect(translate('volunteer.proposals.passengers', { count: 2 }, 'en')).toBe('2 passengers');
  });
});
