/**
 * The people the development SPID/CIE provider can sign in as. Their codici fiscali are valid (the
 * check character is right) but invented; phone numbers are in the range of the demo people.
 */
export interface TestIdentity {
  id: string;
  givenName: string;
  familyName: string;
  codiceFiscale: string;
  phone: string;
  email: string;
}

export const TEST_IDENTITIES: readonly TestIdentity[] = [
  {
    id: 'mario-rossi',
    givenName: 'Mario',
    familyName: 'Rossi',
    codiceFiscale: 'RSSMRA80A01H501U',
    phone: '+393331000101',
    email: 'mario.rossi@example.invalid',
  },
  {
    id: 'giulia-bianchi',
    givenName: 'Giulia',
    familyName: 'Bianchi',
    codiceFiscale: 'BNCGLI85M41L219Q',
    phone: '+393331000102',
    email: 'giulia.bianchi@example.invalid',
  },
  {
    id: 'luca-verdi',
    givenName: 'Luca',
    familyName: 'Verdi',
    codiceFiscale: 'VRDLCU70T10A662Z',
    phone: '+393331000103',
    email: 'luca.verdi@example.invalid',
  },
  {
    id: 'anna-neri',
    givenName: 'Anna',
    familyName: 'Neri',
    codiceFiscale: 'NREANN52E55D969Q',
    phone: '+393331000104',
    email: 'anna.neri@example.invalid',
  },
];
