import fc from 'fast-check';
import { screenComment } from './comment-screening';

describe('screenComment', () => {
  it.each([
    ['Bravissimo, puntuale e gentile. Grazie!', []],
    ['Mi ha accompagnato in ospedale per la visita, molto disponibile', []],
    ['Il 12.05.2024 alle 10:30, pagato 30 euro', []],
    ['Ha dovuto battere alla porta due volte, poi tutto bene', []],
    ['Kind and on time', []],
  ])('lets %j through', (text, reasons) => {
    expect(screenComment(text)).toEqual(reasons);
  });

  it.each([
    ['È un idiota', 'insult'],
    ['Che stronzo, non è mai venuto', 'insult'],
    ['Vaffanculo', 'insult'],
    ['What an asshole', 'insult'],
    ['Chiamami al 347 123 4567', 'phone'],
    ['tel. +39 011.5551234', 'phone'],
    ['numero 0173-316000 dopo le 18', 'phone'],
    ['+44 20 7946 0958', 'phone'],
    ['scrivi a mario.rossi@gmail.com', 'email'],
    ['mario.rossi chiocciola libero.it', 'email'],
    ['Mia madre ha il diabete e la demenza', 'health'],
    ['accompagnato alla chemioterapia', 'health'],
    ['She has dementia', 'health'],
  ])('holds %j for %s', (text, reason) => {
    expect(screenComment(text)).toContain(reason);
  });

  it('gives every reason that applies', () => {
    expect(screenComment('Cretino! Chiamalo al 3331234567 o a x@y.it, ha il tumore')).toEqual([
      'insult',
      'phone',
      'email',
      'health',
    ]);
  });

  it('finds a mobile number however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom('', ' ', '.', '-'),
        fc.constantFrom('', '+39 ', '0039'),
        (digits, separator, prefix) => {
          const number = `3${digits.join('')}`;
          const spaced = `${number.slice(0, 3)}${separator}${number.slice(3, 6)}${separator}${number.slice(6)}`;
          expect(screenComment(`Il mio numero: ${prefix}${spaced}, grazie`)).toContain('phone');
        },
      ),
    );
  });
});
