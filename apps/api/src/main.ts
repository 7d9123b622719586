import 'reflect-metadata';
import { ConfigError, loadConfigFromEnvironment } from '@prossimo/platform';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  const app = await createApiApp();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app.get(Logger).log(`Prossimo api listening: GraphQL at ${await app.getUrl()}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Prossimo api failed to start:', error);
  }
  process.exit(1);
});
