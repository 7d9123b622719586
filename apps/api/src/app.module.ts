import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { CommunityModule } from '@prossimo/community';
import { DirectoryModule } from '@prossimo/directory';
import { IdentityModule } from '@prossimo/identity';
import { InsightsModule } from '@prossimo/insights';
import { MatchingModule } from '@prossimo/matching';
import { ModerationModule } from '@prossimo/moderation';
import { PrivacyModule } from '@prossimo/privacy';
import { ReputationModule } from '@prossimo/reputation';
import { RequestsModule } from '@prossimo/requests';
import { TerritoryModule } from '@prossimo/territory';
import { NotificationsApiModule, NotificationsModule } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  ConfigModule,
  DatabaseModule,
  formatGraphQLError,
  HealthModule,
  aliasLimitRule,
  costLimitPlugin,
  depthLimitRule,
  LoggingModule,
  QueueModule,
  RateLimitModule,
} from '@prossimo/platform';
import { GraphQLSchema } from 'graphql';
import { PERSONAL_DATA_MODULES } from './personal-data-modules';
import { PORT_MODULES } from './port-modules';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    HealthModule,
    RateLimitModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const development = config.NODE_ENV !== 'production';
        let schema: GraphQLSchema | undefined;
        return {
          transformSchema: (built: GraphQLSchema) => (schema = built),
          // A document of thousands of fragments cost 0.3 s of CPU to refuse: stop parsing early.
          parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
          validationRules: [
            depthLimitRule(config.GRAPHQL_MAX_DEPTH),
            aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
          ],
          // Field suggestions ("did you mean ...") reveal the schema; off where introspection is off.
          hideSchemaDetailsFromClientErrors: !(config.GRAPHQL_PLAYGROUND ?? development),
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: config.GRAPHQL_PLAYGROUND ?? development,
          plugins: [
            costLimitPlugin(() => schema as GraphQLSchema, config.GRAPHQL_MAX_COST),
            // Apollo's defaults do work on every request that we never use: cache-control hints
            // (we send no cache headers for personal data), traces and usage reports for Apollo
            // Studio, and a landing page in production. The bench showed them on the hot path.
            ApolloServerPluginCacheControlDisabled(),
            ApolloServerPluginInlineTraceDisabled(),
            ApolloServerPluginUsageReportingDisabled(),
            // Apollo's landing page loads from its CDN: our own sandbox answers GET /graphql instead.
            ApolloServerPluginLandingPageDisabled(),
          ],
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          formatError: formatGraphQLError,
          // HTTP requests carry req; graphql-ws subscriptions carry the token in connectionParams.
          context: (ctx: {
            req?: unknown;
            res?: unknown;
            connectionParams?: Record<string, unknown>;
            extra?: { request?: { socket?: { remoteAddress?: string } } };
          }) =>
            ctx.req
              ? { req: ctx.req, res: ctx.res }
              : {
                  req: {
                    headers: { authorization: ctx.connectionParams?.authorization },
                    ip: ctx.extra?.request?.socket?.remoteAddress,
                  },
                  res: {},
                },
          subscriptions: { 'graphql-ws': { path: '/graphql' } },
        };
      },
    }),
    NotificationsModule,
    NotificationsApiModule,
    ...PORT_MODULES,
    IdentityModule,
    TerritoryModule,
    ModerationModule,
    CommunityModule,
    DirectoryModule,
    RequestsModule,
    MatchingModule,
    PrivacyModule,
    ReputationModule,
    InsightsModule,
    QueueDashboardModule,
    ...PERSONAL_DATA_MODULES,
  ],
})
export class AppModule {}
