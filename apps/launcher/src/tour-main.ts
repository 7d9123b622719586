import { readLauncherSettings } from './launcher-config';
import { GraphQLCallError, GraphQLClient } from './demo/graphql-client';
import { playTour } from './demo/tour';
import { complain, say } from './terminal';

/** The whole tour must end by then, whatever hangs (CI runs it). */
const TOUR_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * `npm run demo:tour`: plays the newcomer's story against the Prossimo that `npm start` runs in
 * this folder (same .data/: the SMS file and the webhook secret). Exit code 1 on any failure.
 */
async function main(): Promise<void> {
  const settings = readLauncherSettings();
  const environment = settings.childEnvironment;
  const host =
    !environment.HTTP_HOST || environment.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : environment.HTTP_HOST;
  const baseUrl = `http://${host}:${environment.HTTP_PORT ?? '3000'}`;
  const smsFile = environment.SMS_FILE_PATH;
  const webhookSecret = environment.SMS_WEBHOOK_SECRET;
  if (!smsFile || (environment.SMS_CHANNEL ?? 'file') !== 'file') {
    throw new Error(
      'The tour reads the codes from the development SMS file: run it against `npm start` without SMS_CHANNEL=http',
    );
  }
  if (!webhookSecret) throw new Error('SMS_WEBHOOK_SECRET is not set: the tour signs the SMS reply with it');
  const ready = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(5000) })
    .then((response) => response.ok)
    .catch(() => false);
  if (!ready)
    throw new Error(
      `Prossimo is not running at ${baseUrl} (start it with \`npm start\` in another terminal)`,
    );

  say(`Prossimo tour: the story of a ride, through the public GraphQL API at ${baseUrl}/graphql`);
  say(`(SMS messages are read from ${smsFile}, as the development channel writes them)`);
  let number = 0;
  const narrator = {
    step: (title: string) => say(`\n${String(++number).padStart(2)}. ${title}`),
    say: (line: string) => say(`    ${line}`),
  };
  const tour = playTour(
    { client: new GraphQLClient(`${baseUrl}/graphql`, smsFile), baseUrl, webhookSecret },
    narrator,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The tour did not finish within ${TOUR_TIMEOUT_MS / 1000} s`)),
      TOUR_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([tour, timeout]);
  } catch (error) {
    throw Object.assign(error as Error, { step: number });
  } finally {
    clearTimeout(timer);
  }
  say('\nThe tour is complete: every step answered as expected.');
}

main().catch((error: unknown) => {
  const step = (error as { step?: number }).step;
  const detail =
    error instanceof GraphQLCallError
      ? `the call ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  complain(`\nTOUR FAILED${step ? ` at step ${step}` : ''}: ${detail}`);
  process.exit(1);
});
