import { DomainError } from '../errors/domain-error';
import { illFormedStringPath, WellFormedStringsPipe } from './well-formed-strings.pipe';

describe('WellFormedStringsPipe', () => {
  const pipe = new WellFormedStringsPipe();
  const graphqlArgument = (data: string) => ({ type: 'body', data }) as const;

  it('lets well-formed text through, pairs of surrogates (emoji) included', () => {
    const input = {
      name: 'Caffè ☕ 😀',
      tags: ['a', 'b'],
      nested: { list: [{ x: 'ok' }] },
      n: 3,
      none: null,
    };
    expect(pipe.transform(input, graphqlArgument('input'))).toBe(input);
  });

  it('names the path of a lone surrogate inside inputs, lists and nested inputs', () => {
    expect(illFormedStringPath({ email: 'a\ud800@b.it' }, '')).toBe('email');
    expect(illFormedStringPath({ list: [{ ok: 'x' }, { text: '\udc00' }] }, '')).toBe('list.1.text');
    expect(illFormedStringPath(['x', 'y\ud83d'], 'tags')).toBe('tags.1');
    expect(illFormedStringPath('\ud800', 'search')).toBe('search');
    expect(illFormedStringPath({ fine: 'x' }, '')).toBeUndefined();
    expect(illFormedStringPath({ istat: '\u0000' }, '')).toBe('istat');
  });

  it('refuses with FIELD_INVALID naming the field, and leaves server-made parameters alone', () => {
    let thrown: unknown;
    try {
      pipe.transform('x\udfffy', graphqlArgument('search'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'FIELD_INVALID', field: 'search' });
    const user = { name: '\ud800' };
    expect(pipe.transform(user, { type: 'custom' })).toBe(user);
  });
});
