import { describe, expect, it } from 'vitest';
import { parseAuthLevel, signInPathFor, withoutReturnParameters } from './return-path';

describe('the SPID/CIE return parameters', () => {
  it('are taken off a page address, its other parameters kept', () => {
    expect(withoutReturnParameters('/area', '?accesso=SPID_L2')).toBe('/area');
    expect(withoutReturnParameters('/moderazione', '?stato=1&accesso=CIE_L3')).toBe('/moderazione?stato=1');
    expect(withoutReturnParameters('/accedi', '?identita=cancelled&dopo=%2Farea')).toBe(
      '/accedi?dopo=%2Farea',
    );
    expect(withoutReturnParameters('/servizi', '')).toBe('/servizi');
  });

  it('lead a signed-out person to the sign-in page and back; sent back signed in, without a session, it says so', () => {
    expect(signInPathFor('/area', '')).toBe('/accedi?dopo=%2Farea');
    expect(signInPathFor('/richieste', '?pagina=2')).toBe('/accedi?dopo=%2Frichieste%3Fpagina%3D2');
    expect(signInPathFor('/area', '?accesso=SPID_L2')).toBe('/accedi?identita=session_lost&dopo=%2Farea');
  });

  it('read the level the api puts in ?accesso=', () => {
    expect(parseAuthLevel('SPID_L2')).toEqual({ method: 'SPID', level: 2 });
    expect(parseAuthLevel('CIE_L3')).toEqual({ method: 'CIE', level: 3 });
    expect(parseAuthLevel('SPID_L4')).toBeUndefined();
    expect(parseAuthLevel('<script>')).toBeUndefined();
    expect(parseAuthLevel(null)).toBeUndefined();
  });
});
