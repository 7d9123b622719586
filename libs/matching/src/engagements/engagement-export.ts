import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { HelperBlocksRepository } from '../blocks/helper-blocks.repository';
import { MatchingPersonalDataRepository } from './personal-data.repository';

/**
 * "Download my data", matching's part: engagements as helper or on the person's needs (found by
 * requests), care groups of their needs, proposals received, messages sent, helpers blocked.
 */
@Injectable()
export class EngagementExport extends PersonalDataExportArea {
  readonly area = 'matching';

  readonly sections = [
    'engagements',
    'careGroupMemberships',
    'proposalsReceived',
    'engagementMessagesSent',
    'blockedHelpers',
  ];
  readonly tables = [
    'engagements',
    'match_proposals',
    'care_group_members',
    'user_blocks',
    'engagement_messages',
  ];

  constructor(
    private readonly rows: MatchingPersonalDataRepository,
    private readonly blocks: HelperBlocksRepository,
  ) {
    super();
  }

  async collect({
    manager,
    userId,
    found,
    decrypt,
  }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const needIds = found.need ?? [];
    const engagements = await this.rows.engagements(manager, userId, needIds);
    const careGroupMemberships = await this.rows.careGroupMemberships(manager, needIds);
    const proposalsReceived = await this.rows.proposalsReceived(manager, userId);
    const messages = await this.rows.messagesSent(manager, userId);
    const blockedHelpers = await this.blocks.blockedBy(manager, userId);
    return {
      sections: {
        engagements,
        careGroupMemberships,
        proposalsReceived,
        engagementMessagesSent: messages.map((row) =>
          this.decryptColumns(row, { text: 'body_encrypted' }, decrypt),
        ),
        blockedHelpers,
      },
      found: { engagement: engagements.map((engagement) => engagement.id as string) },
    };
  }
}
