import { describe, expect, it } from 'vitest';
import { AUDIT_GROUPS, detailPairs, isAuditGroup, shortId } from './audit';
import { holdsRoleIn } from './staff-roles';

describe('the audit page', () => {
  it('asks for whole families with a trailing dot and exact actions otherwise', () => {
    expect(AUDIT_GROUPS.accreditation).toEqual(['accreditation.']);
    expect(AUDIT_GROUPS.personalData).toContain('desk.person_read');
    // The api takes at most 20 per request.
    for (const actions of Object.values(AUDIT_GROUPS)) expect(actions.length).toBeLessThanOrEqual(20);
    expect(isAuditGroup('moderation')).toBe(true);
    expect(isAuditGroup('toString')).toBe(false);
    expect(isAuditGroup('')).toBe(false);
  });

  it('reads details as key: value pairs, and nothing for an empty object', () => {
    expect(detailPairs('{}')).toEqual([]);
    expect(detailPairs('{"contentType":"review","mode":"post"}')).toEqual([
      ['contentType', 'review'],
      ['mode', 'post'],
    ]);
    expect(detailPairs('{"redactions":[{"start":1,"end":4}]}')).toEqual([
      ['redactions', '[{"start":1,"end":4}]'],
    ]);
    expect(detailPairs('not json')).toEqual([['', 'not json']]);
  });

  it('shortens an id to its first eight characters', () => {
    expect(shortId('0b0e4f5e-1111-2222-3333-444455556666')).toBe('0b0e4f5e…');
    expect(shortId('42')).toBe('42');
  });

  it('opens the moderator’s pages only where the person moderates', () => {
    const grants = [
      { role: 'COMUNE_OPERATOR' as const, territoryId: 'a' },
      { role: 'COMUNE_MODERATOR' as const, territoryId: 'b' },
    ];
    expect(holdsRoleIn(grants, 'b', ['COMUNE_MODERATOR'])).toBe(true);
    expect(holdsRoleIn(grants, 'a', ['COMUNE_MODERATOR'])).toBe(false);
    expect(holdsRoleIn(grants, undefined, ['COMUNE_MODERATOR'])).toBe(false);
    expect(holdsRoleIn([{ role: 'PLATFORM_ADMIN', territoryId: null }], 'a', ['COMUNE_MODERATOR'])).toBe(
      true,
    );
  });
});
