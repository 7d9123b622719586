import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageOf, registerGraphqlEnums } from '@prossimo/platform';

export enum DataExportStatus {
  PENDING = 'pending',
  READY = 'ready',
  EXPIRED = 'expired',
  FAILED = 'failed',
}
registerGraphqlEnums({ DataExportStatus });

@ObjectType({ description: '"Download my data": a JSON copy of everything Prossimo holds about the person.' })
export class DataExport {
  @Field(() => ID)
  id!: string;

  @Field(() => DataExportStatus)
  status!: DataExportStatus;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'After this the copy is deleted.' })
  expiresAt!: Date | null;

  @Field(() => Int, { nullable: true })
  sizeBytes!: number | null;

  userId!: string;
}
export const DataExportPage = PageOf(DataExport, 'DataExportPage');
