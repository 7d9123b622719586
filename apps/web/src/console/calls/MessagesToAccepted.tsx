import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { CALL_MESSAGES, SEND_CALL_MESSAGE } from '../../calls/call-messages-operations';
import { ApiForm, useServerErrors } from '../../forms';
import { useTranslation } from '../../i18n';
import { SuccessNotice } from '../../layout/ActionStatus';
import { showConsoleApiError } from '../api-problems';
import { TextAreaField } from '../fields';
import { formatDateTime } from '../format';
import { MoreOf, QueryState } from '../organisation/states';

/** The api keeps a message to 280 characters: it goes by SMS too. */
const MESSAGE_MAX_LENGTH = 280;

/**
 * The publisher writes once to every volunteer it accepted for a call (where to meet, what to
 * bring); they get it in the app and on their channels. What was sent stays listed below.
 */
export function MessagesToAccepted({ call }: { call: { id: string; title: string; acceptedCount: number } }) {
  const { t, language } = useTranslation();
  const messages = useQuery(CALL_MESSAGES, {
    variables: { callId: call.id },
    fetchPolicy: 'cache-and-network',
  });
  const [sendMessage, sending] = useMutation(SEND_CALL_MESSAGE, { refetchQueries: ['CallMessages'] });
  const errors = useServerErrors();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const fieldId = `call-${call.id}-message`;
  const list = messages.data?.callMessages.items ?? [];

  async function submit() {
    setSent(null);
    const text = body.trim();
    if (!text) {
      errors.show([{ fieldId, message: t('ets.calls.messageMissing') }]);
      return;
    }
    try {
      const result = await sendMessage({ variables: { input: { callId: call.id, body: text } } });
      errors.clear();
      setBody('');
      setSent(t('ets.calls.messageSent', { count: result.data?.sendCallMessage.recipientCount ?? 0 }));
    } catch (error) {
      showConsoleApiError(errors, error, { body: fieldId, callId: fieldId }, 'ets.errors');
    }
  }

  return (
    <section aria-labelledby={`${fieldId}-title`} className="mt-4 readable">
      <h4 id={`${fieldId}-title`} className="h5">
        {t('ets.calls.messagesTitle')}
      </h4>
      <p>{t('ets.calls.messagesLead', { count: call.acceptedCount })}</p>
      <SuccessNotice text={sent} />
      <ApiForm
        errors={errors}
        onSubmit={submit}
        aria-label={t('ets.calls.messagesOf', { title: call.title })}
      >
        <TextAreaField
          id={fieldId}
          label={t('ets.calls.messageField')}
          hint={t('ets.calls.messageHint', { max: MESSAGE_MAX_LENGTH })}
          maxLength={MESSAGE_MAX_LENGTH}
          error={errors.byField[fieldId]}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        <button type="submit" className="btn btn-primary btn-sm" disabled={sending.loading}>
          {t('ets.calls.messageSend', { count: call.acceptedCount })}
        </button>
      </ApiForm>
      <QueryState query={messages} />
      {list.length ? (
        <>
          <h5 className="h6 mt-4">{t('ets.calls.messagesSent')}</h5>
          <ul className="list-unstyled" data-testid="call-messages-sent">
            {list.map((message) => (
              <li key={message.id} className="call-message mb-2">
                <p className="mb-1">{message.body}</p>
                <p className="small mb-0">
                  {t('ets.calls.messageSentOn', {
                    date: formatDateTime(message.createdAt, language),
                    count: message.recipientCount,
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <MoreOf query={messages} field="callMessages" />
    </section>
  );
}
