import { BlindIndex, nameTokens } from './blind-index';

describe('blind index', () => {
  it('compares names by whole words, without case, accents, punctuation or order', () => {
    expect(nameTokens("  D'Àngelo   Maria-Grazia ")).toEqual(['angelo', 'maria', 'grazia']);
    expect(nameTokens('ROSSI maria')).toEqual(['rossi', 'maria']);
    expect(nameTokens('Rossi Rossi')).toEqual(['rossi']);
  });

  it('hashes with its own key: the same words match, another key does not', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const index = new BlindIndex(key);
    expect(index.name('Maria Rossi')).toEqual(index.name('rossi MARIA').reverse());
    expect(index.phone('+393471234567').equals(index.phone('+393471234567'))).toBe(true);
    const other = new BlindIndex(Buffer.alloc(32, 8).toString('base64'));
    expect(other.name('Maria Rossi')).not.toEqual(index.name('Maria Rossi'));
    expect(index.name('Maria')[0]).toMatch(/^[0-9a-f]{32}$/);
  });
});
