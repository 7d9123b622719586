import { describe, expect, it } from 'vitest';
import { canOpen, workAreasOf } from './access';

const paths = (roles: Parameters<typeof workAreasOf>[0]) => workAreasOf(roles).map((work) => work.to);

describe('workAreasOf', () => {
  it('gives a citizen or a volunteer no place of work', () => {
    expect(paths(['CITIZEN', 'VOLUNTEER'])).toEqual([]);
  });

  it('opens the organisation to its members only, though anyone may open its page to register one', () => {
    expect(canOpen('organisation', ['CITIZEN'])).toBe(true);
    expect(paths(['CITIZEN'])).not.toContain('/ente');
    expect(paths(['CITIZEN', 'ORGANISATION_OPERATOR'])).toEqual(['/ente']);
    expect(paths(['ORGANISATION_ADMIN'])).toEqual(['/ente']);
  });

  it('gives a desk operator the desk, the follow-up list, the Comune’s calls and the indicators, in the order of the menu', () => {
    expect(paths(['CITIZEN', 'COMUNE_OPERATOR'])).toEqual([
      '/sportello',
      '/sportello/da-seguire',
      '/sportello/chiamate',
      '/indicatori',
    ]);
  });

  it('gives a moderator the follow-up list, the Comune’s calls, the moderation and the indicators, and no desk', () => {
    expect(paths(['COMUNE_MODERATOR'])).toEqual([
      '/sportello/da-seguire',
      '/sportello/chiamate',
      '/moderazione',
      '/indicatori',
    ]);
  });

  it('gives a platform administrator the indicators and the administration', () => {
    expect(paths(['PLATFORM_ADMIN'])).toEqual(['/indicatori', '/amministrazione']);
  });
});
