import { Injectable, OnModuleInit } from '@nestjs/common';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { NeedLifecycleService } from '../lifecycle/need-lifecycle.service';

/** A moderator's decision on a pre-moderated need opens or rejects it in the same transaction. */
@Injectable()
export class NeedModerationLink implements OnModuleInit {
  constructor(
    private readonly moderation: ModerationService,
    private readonly lifecycle: NeedLifecycleService,
  ) {}

  onModuleInit(): void {
    this.moderation.onDecision(ContentType.NEED, async (manager, needId) => {
      await this.lifecycle.applyModerationDecision(manager, needId);
    });
  }
}
