// The audit page's pure parts: what each "Cosa" choice asks the api for, and how an entry reads.

/** Each choice of "Cosa": actions, or families of actions ending with a dot (as the api takes them). */
export const AUDIT_GROUPS = {
  personalData: [
    'need.sensitive_notes_read',
    'need.beneficiary_read',
    'desk.person_read',
    'desk.person_searched',
    'user.codice_fiscale_read',
    'review.held_health_read',
  ],
  desk: [
    'need.posted_at_desk',
    'need.helper_assigned',
    'need.cancelled_by_staff',
    'need.flag_accepted',
    'need.flag_rejected',
    'matching.',
  ],
  moderation: [
    'moderation.approve',
    'moderation.reject',
    'moderation.hide',
    'moderation.restore',
    'moderation.redact',
    'user.suspended',
  ],
  accreditation: ['accreditation.'],
  settings: ['territory.', 'moderation.mode_set', 'staff_role.'],
  privacy: ['consent.', 'account.erased', 'beneficiary.erased', 'retention.purged', 'notifications.'],
  community: ['call_to_action.', 'call_answer.', 'care_group.'],
} as const;

export type AuditGroup = keyof typeof AUDIT_GROUPS;

export function isAuditGroup(value: string): value is AuditGroup {
  return Object.hasOwn(AUDIT_GROUPS, value);
}

/** The entry's details (ids and codes, as JSON) as "key: value" pairs; nothing for "{}" or unreadable text. */
export function detailPairs(details: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details ? [['', details]] : [];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
  return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);
}

/** The first characters of an id: enough to tell entries apart, short enough for a table cell. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
