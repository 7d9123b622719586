import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import './i18n';
import { volunteerEn, volunteerIt } from './messages';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('volunteer messages', () => {
  it('has every Italian message in English, and nothing else', () => {
    expect(keys(volunteerEn).sort()).toEqual(keys(volunteerIt).sort());
  });

  it('are found under "volunteer." once the area has loaded, with plurals', () => {
    expect(translate('volunteer.proposals.passengers', { count: 1 }, 'it')).toBe('1 passeggero');
    expect(translate('volunteer.proposals.passengers', { count: 2 }, 'en')).toBe('2 passengers');
  });
});
