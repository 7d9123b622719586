import { describe, expect, it } from 'vitest';
import { loadLanguage, registerMessages, translate } from './index';

describe('registerMessages (lazy areas)', () => {
  it('adds a namespace in both languages without passing for English being loaded', async () => {
    registerMessages('area', { it: { title: 'Area' }, en: { title: 'Area (en)' } });
    expect(translate('area.title', {}, 'en')).toBe('Area (en)');
    await loadLanguage('en');
    expect(translate('home.title', {}, 'en')).toBe('Help near you');
    expect(translate('area.title', {}, 'it')).toBe('Area');
  });
});
