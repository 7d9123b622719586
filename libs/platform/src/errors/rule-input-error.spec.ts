import { RuleInputError } from './rule-input-error';

class LampInputError extends RuleInputError<'LAMP_INPUT_INVALID'> {}

describe('RuleInputError', () => {
  it('carries the code, the field and the message, under the subclass’s name', () => {
    const error = new LampInputError('LAMP_INPUT_INVALID', 'watts', 'watts must be positive');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'LAMP_INPUT_INVALID',
      field: 'watts',
      message: 'watts must be positive',
    });
    expect(error.name).toBe('LampInputError');
  });
});
