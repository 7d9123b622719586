import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type NotificationChannel = 'sms' | 'email' | 'in_app';
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'failed_permanent';

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
