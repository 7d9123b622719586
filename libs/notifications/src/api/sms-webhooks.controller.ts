import {
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Req,
  ServiceUnavailableException,
  BadRequestException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, recordStatusChange } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { InboundResult, SmsReplyService } from '../replies/sms-reply.service';
import { NotificationCenterRepository } from './notification-center.repository';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../webhooks/webhook-signature';

interface RawBodyRequest {
  rawBody?: Buffer;
}

const DELIVERED = new Set(['delivered', 'DELIVRD']);
const FAILED = new Set(['failed', 'undeliverable', 'rejected', 'expired', 'UNDELIV', 'REJECTD', 'EXPIRED']);

/** Delivery receipts and replies from the SMS gateway, signed with SMS_WEBHOOK_SECRET. */
@Controller('webhooks/sms')
export class SmsWebhooksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationCenterRepository,
    private readonly replies: SmsReplyService,
  ) {}

  /** { id: gateway message id, status, error? }. 404 for an unknown id so the gateway retries later. */
  @Post('status')
  @HttpCode(200)
  async status(
    @Req() request: RawBodyRequest,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Body() body: { id?: unknown; status?: unknown; error?: unknown },
  ): Promise<{ status: string }> {
    this.verify(request, signature);
    if (typeof body.id !== 'string' || typeof body.status !== 'string') throw new BadRequestException();
    const to = DELIVERED.has(body.status) ? 'delivered' : FAILED.has(body.status) ? 'failed' : null;
    if (!to) return { status: 'ignored' };
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockByGatewayMessageId(manager, body.id as string);
      if (!row) throw new NotFoundException();
      // Receipts can arrive twice or out of order: only a sent message moves on.
      if (row.status !== 'sent') return { status: row.status };
      const error = typeof body.error === 'string' ? body.error.slice(0, 200) : body.status;
      await this.repository.recordReceipt(manager, row.id, to, `gateway: ${error}`);
      if (to === 'failed') {
        await recordStatusChange(manager, {
          entityType: 'notification',
          entityId: row.id,
          from: row.status,
          to,
          actorUserId: null,
          reason: `gateway receipt: ${error}`,
        });
      }
      return { status: to };
    });
  }

  /** { from: E.164, text }: "SI <code>" / "NO <code>" answers a proposal or anything registered. */
  @Post('inbound')
  @HttpCode(200)
  async inbound(
    @Req() request: RawBodyRequest,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Body() body: { from?: unknown; text?: unknown },
  ): Promise<InboundResult> {
    this.verify(request, signature);
    if (typeof body.from !== 'string' || typeof body.text !== 'string' || body.text.length > 1600) {
      throw new BadRequestException();
    }
    return this.replies.handleInbound(body.from, body.text);
  }

  private verify(request: RawBodyRequest, signature: string | undefined): void {
    const secret = this.config.SMS_WEBHOOK_SECRET;
    if (!secret) throw new ServiceUnavailableException('SMS webhooks are not configured');
    if (!request.rawBody || !verifyWebhookSignature(secret, request.rawBody, signature)) {
      throw new ForbiddenException();
    }
  }
}
