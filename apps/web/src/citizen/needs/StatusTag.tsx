import { useCitizenTranslation } from '../i18n';

// Status in words and colour, never colour alone. Colours pass AA contrast with white text
// (Bootstrap Italia's badges on their own do not all do).
type Tone = 'info' | 'success' | 'warning' | 'neutral' | 'danger';

const NEED_TONES: Record<string, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  OPEN: 'info',
  MATCHED: 'success',
  IN_PROGRESS: 'success',
  COMPLETED: 'neutral',
  CANCELLED: 'neutral',
  EXPIRED: 'neutral',
  REJECTED: 'danger',
};

const ENGAGEMENT_TONES: Record<string, Tone> = {
  AWAITING_CONFIRMATION: 'warning',
  CONFIRMED: 'success',
  IN_PROGRESS: 'success',
  COMPLETED: 'neutral',
  CANCELLED: 'neutral',
  NO_SHOW: 'danger',
};

export function StatusTag({
  kind,
  status,
}: {
  kind: 'need' | 'engagement' | 'group' | 'member' | 'export' | 'review';
  status: string;
}) {
  const { t } = useCitizenTranslation();
  const tone =
    kind === 'need'
      ? NEED_TONES[status]
      : kind === 'engagement'
        ? ENGAGEMENT_TONES[status]
        : ['CONFIRMED', 'READY', 'PUBLISHED'].includes(status)
          ? 'success'
          : ['INVITED', 'PROPOSED', 'PENDING'].includes(status)
            ? 'warning'
            : ['FAILED', 'REJECTED'].includes(status)
              ? 'danger'
              : 'neutral';
  const key = {
    need: 'needStatus',
    engagement: 'engagementStatus',
    group: 'groupStatus',
    member: 'memberStatus',
    export: 'myData.exportStatus',
    review: 'reviews.visibility',
  }[kind];
  return (
    <strong className={`status-tag status-tag-${tone ?? 'neutral'}`} data-status={status}>
      {t(`${key}.${status}`)}
    </strong>
  );
}
