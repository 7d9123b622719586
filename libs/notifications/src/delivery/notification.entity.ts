import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type NotificationChannel = 'sms' | 'email' | 'in_app' | 'io';
export type NotificationStatus =
  | 'pending'
  | 'held'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'failed'
  | 'failed_permanent'
  | 'cancelled'
  | 'unknown';

@Entity('notifications')
export class NotificationRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text', nullable: true })
  bodyEncrypted!: string | null;

  @Column({ type: 'boolean' })
  sensitive!: boolean;

  @Column({ type: 'text' })
  status!: NotificationStatus;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  gatewayMessageId!: string | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** Which SMS gateway accepted it (primary or fallback): receipts come from that one. */
  @Column({ type: 'text', nullable: true })
  gateway!: string | null;

  @Column({ type: 'text', nullable: true })
  replyCode!: string | null;

  /** What the notification is about (e.g. 'engagement:<id>'), to cancel scheduled ones. */
  @Column({ type: 'text', nullable: true })
  ref!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
