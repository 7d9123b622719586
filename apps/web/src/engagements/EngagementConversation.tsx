import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ApiForm, Unreachable, useServerErrors } from '../forms';
import { TextAreaField } from '../forms/controls';
import { formatDateTime } from '../format';
import { registerMessages, useTranslation, type TranslateOptions } from '../i18n';
import type { EngagementStatusName } from '../volunteer/engagements/engagement-rules';
import {
  conversationOpen,
  FIRST_PAGE,
  LONGEST_PAGE,
  MESSAGE_MAX_LENGTH,
  messageProblem,
  oldestFirst,
} from './conversation';
import { conversationEn, conversationIt } from './conversation-messages';
import { ENGAGEMENT_MESSAGES, SEND_ENGAGEMENT_MESSAGE } from './operations';

registerMessages('conversation', { it: conversationIt, en: conversationEn });

/** A new message from the other side shows within this while the page is open. */
const POLL_MS = 30_000;

interface EngagementConversationProps {
  /** Its status and completion decide whether the form is offered (the api has the last word). */
  engagement: { id: string; status: EngagementStatusName; completedAt?: string | null };
  /** The helper's name, when the person helped is the one reading. */
  helperName?: string;
  /** 2 on a page of its own; 3 inside a list of engagements (an organisation's requests). */
  headingLevel?: 2 | 3;
}

/**
 * The messages between the helper and the person helped (and the Comune's desk), oldest first, and
 * a form to write one: contact stays in Prossimo, and each message also reaches the other by SMS.
 */
export function EngagementConversation({
  engagement,
  helperName,
  headingLevel = 2,
}: EngagementConversationProps) {
  const { t: tApp, language } = useTranslation();
  const t = (key: string, options?: TranslateOptions) => tApp(`conversation.${key}`, options);
  const engagementId = engagement.id;
  const canWrite = conversationOpen(engagement.status, engagement.completedAt, new Date());
  const [first, setFirst] = useState(FIRST_PAGE);
  const thread = useQuery(ENGAGEMENT_MESSAGES, {
    variables: { engagementId, first },
    pollInterval: POLL_MS,
  });
  const [send, { loading: sending }] = useMutation(SEND_ENGAGEMENT_MESSAGE);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const errors = useServerErrors();
  // Several conversations may share a page (an organisation's engagements): ids of their own.
  const titleId = headingLevel === 2 ? 'conversation-title' : `conversation-title-${engagementId}`;
  const bodyId = headingLevel === 2 ? 'message-body' : `message-body-${engagementId}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const items = thread.data ? oldestFirst(thread.data.engagementMessages.items) : [];
  if (!canWrite && thread.data && items.length === 0) return null;

  const submit = async () => {
    setSent(null);
    const problem = messageProblem(body);
    if (problem) {
      const message =
        problem.kind === 'required'
          ? t('required')
          : t('tooLong', { count: problem.over, max: MESSAGE_MAX_LENGTH });
      errors.show([{ fieldId: bodyId, message }]);
      return;
    }
    errors.clear();
    try {
      const result = await send({ variables: { input: { engagementId, body: body.trim() } } });
      // The list shows the message when the page says it was sent (a failed reload leaves it to the poll).
      await thread.refetch().catch(() => undefined);
      setBody('');
      setSent(result.data?.sendEngagementMessage.moderationStatus === 'PENDING' ? t('sentHeld') : t('sent'));
    } catch (caught) {
      errors.showApiError(caught, { body: bodyId });
    }
  };

  const remaining = MESSAGE_MAX_LENGTH - body.trim().length;
  return (
    <section className="mb-5 readable" aria-labelledby={titleId}>
      <Heading id={titleId} className={headingLevel === 3 ? 'h5 mt-3' : undefined}>
        {t('title')}
      </Heading>
      {canWrite && <p>{helperName ? t('leadCitizen', { name: helperName }) : t('leadHelper')}</p>}

      {!thread.data && thread.loading && <p role="status">{t('loading')}</p>}
      {!thread.data && thread.error && <Unreachable onRetry={() => void thread.refetch()} />}
      {thread.data && (
        <>
          {thread.data.engagementMessages.pageInfo.hasNextPage && first < LONGEST_PAGE && (
            <button type="button" className="btn btn-link px-0" onClick={() => setFirst(LONGEST_PAGE)}>
              {t('older')}
            </button>
          )}
          {items.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ol className="list-unstyled conversation" data-testid="conversation">
              {items.map((message) => (
                <li
                  key={message.id}
                  className={`border-start border-4 ps-3 py-1 mb-3${message.mine ? ' border-primary' : ''}`}
                >
                  <p className="mb-1">
                    <strong>{message.mine ? t('you') : message.senderName}</strong>
                    {' · '}
                    <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, language)}</time>
                    {message.viaSms ? ` · ${t('viaSms')}` : ''}
                  </p>
                  <p className="mb-0 text-break">{message.body}</p>
                  {message.moderationStatus === 'PENDING' && (
                    <p className="mb-0 mt-1 fw-semibold">{t('held')}</p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}

      <div aria-live="polite">
        {sent && (
          <div className="alert alert-success" role="status">
            {sent}
          </div>
        )}
      </div>

      {canWrite && (
        <ApiForm errors={errors} onSubmit={submit}>
          <TextAreaField
            id={bodyId}
            label={t('body')}
            hint={`${t('bodyHint', { max: MESSAGE_MAX_LENGTH })} ${
              remaining >= 0 ? t('remaining', { count: remaining }) : ''
            }`}
            error={errors.byField[bodyId]}
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={sending}>
            {t('send')}
          </button>
        </ApiForm>
      )}
    </section>
  );
}
