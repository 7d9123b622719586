/** A notification's text as stored: rendered from its templates in the recipient's language. */
import { Language, MessageParams, renderMessage } from '@prossimo/platform';
import { joinEmail } from '../email/email-channel';
import { ioContent } from '../io/io-content';
import { NotificationRequest, UserNotificationRequest } from '../delivery/notification-requests';
import { isLocalisedText } from './ride-times';
import { prepareSmsParams } from './sms-params';

/** The request's params with its localised texts rendered in the recipient's language. */
export function localiseParams(
  request: Pick<UserNotificationRequest, 'params' | 'localisedParams'>,
  language: Language,
): MessageParams {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(request.params)) {
    params[name] = isLocalisedText(value) ? renderMessage(value.key, language, value.params) : value;
  }
  for (const [name, key] of Object.entries(request.localisedParams ?? {})) {
    params[name] = renderMessage(key, language);
  }
  return params;
}

/** The stored text: SMS and in-app as rendered; e-mail and IO as a subject line and a body. */
export function renderText(request: NotificationRequest, params: MessageParams): string {
  const key = `notification.${request.event}`;
  if (request.channel === 'io') {
    const content = ioContent(
      renderMessage(`${key}.email_subject`, request.language, params),
      renderMessage(`${key}.in_app`, request.language, params),
      request.language,
    );
    return joinEmail(content.subject, content.markdown);
  }
  const rendered = renderMessage(
    `${key}.${request.channel}`,
    request.language,
    request.channel === 'sms' ? prepareSmsParams(params) : params,
  );
  return request.channel === 'email'
    ? joinEmail(renderMessage(`${key}.email_subject`, request.language, params), rendered)
    : rendered;
}
