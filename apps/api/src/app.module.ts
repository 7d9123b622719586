import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { IdentityModule } from '@prossimo/identity';
import { ModerationModule } from '@prossimo/moderation';
import { TerritoryModule } from '@prossimo/territory';
import { NotificationsModule } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  ConfigModule,
  DatabaseModule,
  formatGraphQLError,
  HealthModule,
  LoggingModule,
  QueueModule,
} from '@prossimo/platform';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    HealthModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const development = config.NODE_ENV !== 'production';
        return {
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: config.GRAPHQL_PLAYGROUND ?? development,
          plugins:
            (config.GRAPHQL_PLAYGROUND ?? development) ? [ApolloServerPluginLandingPageLocalDefault()] : [],
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          formatError: formatGraphQLError,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        };
      },
    }),
    NotificationsModule,
    IdentityModule,
    TerritoryModule,
    ModerationModule,
  ],
})
export class AppModule {}
