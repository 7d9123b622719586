import { useVolunteerTranslation } from '../i18n';
import type { EngagementStatusName } from './engagement-rules';

// Status in words and colour (never colour alone); the colours keep AA contrast with their text.
const TONE: Record<EngagementStatusName, string> = {
  AWAITING_CONFIRMATION: 'bg-warning text-dark',
  CONFIRMED: 'bg-primary',
  IN_PROGRESS: 'bg-info text-dark',
  COMPLETED: 'bg-success',
  CANCELLED: 'bg-secondary',
  NO_SHOW: 'bg-danger',
};

export function EngagementStatusTag({ status }: { status: EngagementStatusName }) {
  const { t } = useVolunteerTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-testid="engagement-status">
      {t(`engagements.status.${status}`)}
    </span>
  );
}
