import { constantTimeEqual, FieldCipher, maskPhone } from './field-encryption';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(Buffer.alloc(32, 3).toString('base64'));

  it('round-trips and never stores the plaintext', () => {
    const stored = cipher.encrypt('Dializzato, martedì ore 8');
    expect(stored).not.toContain('Dializzato');
    expect(cipher.decrypt(stored)).toBe('Dializzato, martedì ore 8');
  });

  it('uses a fresh IV each time and rejects tampering', () => {
    const a = cipher.encrypt('x');
    expect(cipher.encrypt('x')).not.toBe(a);
    const parts = a.split(':');
    parts[3] = Buffer.from('y').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => new FieldCipher(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('helpers', () => {
  it('compares in constant time, also for different lengths', () => {
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
  });

  it('masks phone numbers', () => {
    expect(maskPhone('+393471234567')).toBe('+39******4567');
  });
});
