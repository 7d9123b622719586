import { EngagementNoticesModule, EngagementSidesModule, NeedHelpersModule } from '@prossimo/matching';
import { OtpSenderModule } from '@prossimo/notifications';
import { PrivacyNoticesModule } from '@prossimo/privacy';
import { TerritoryCoverageModule } from '@prossimo/territory';

/**
 * The global modules that give one library another's port (identity its OTP sender, territory
 * coverage and privacy notices; notifications, reputation and requests their engagement queries).
 * Each must be imported once in each app's root module, so both apps spread this one list.
 */
export const PORT_MODULES = [
  OtpSenderModule,
  TerritoryCoverageModule,
  PrivacyNoticesModule,
  EngagementNoticesModule,
  EngagementSidesModule,
  NeedHelpersModule,
];
