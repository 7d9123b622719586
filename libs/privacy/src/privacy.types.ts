import {
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  IntersectionType,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IdField, PageArgs, PageOf, TextField } from '@prossimo/platform';
import { Role } from '@prossimo/identity';
import {
  ArrayMaxSize,
  Equals,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

export enum ConsentKind {
  PRIVACY_NOTICE = 'privacy_notice',
  HEALTH_DATA = 'health_data',
  FAMILY_CONTACT = 'family_contact',
}
registerEnumType(ConsentKind, {
  name: 'ConsentKind',
  description:
    'PRIVACY_NOTICE: a version of the notice accepted. HEALTH_DATA: explicit consent to process health notes ' +
    '(GDPR art. 9). FAMILY_CONTACT: a family member receives updates (given with updateNotificationPreferences).',
});

export enum DataExportStatus {
  PENDING = 'pending',
  READY = 'ready',
  EXPIRED = 'expired',
  FAILED = 'failed',
}
registerEnumType(DataExportStatus, { name: 'DataExportStatus' });

@ObjectType({ description: 'A version of the privacy notice, in one language.' })
export class PrivacyNotice {
  @Field()
  version!: string;

  @Field()
  language!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  publishedAt!: Date;
}

@ObjectType({ description: 'A consent given, and when it was withdrawn if it was.' })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentKind)
  kind!: ConsentKind;

  @Field(() => String, { nullable: true, description: 'PRIVACY_NOTICE: the version accepted.' })
  noticeVersion!: string | null;

  @Field()
  grantedAt!: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

@ObjectType({
  description: 'Where the signed-in person stands: notice accepted, consents in force, history.',
})
export class PrivacyStatus {
  @Field({ description: 'The version of the privacy notice in force.' })
  currentNoticeVersion!: string;

  @Field(() => String, { nullable: true, description: 'The newest version the person accepted.' })
  acceptedNoticeVersion!: string | null;

  @Field({ description: 'True when the app should show the current notice and call acceptPrivacyNotice.' })
  noticeAcceptanceRequired!: boolean;

  @Field()
  healthDataConsent!: boolean;

  @Field()
  familyContactConsent!: boolean;

  @Field(() => [Consent], { description: 'Every consent given and withdrawn, oldest first.' })
  consents!: Consent[];
}

@ObjectType({ description: 'What withdrawing a consent did.' })
export class ConsentWithdrawal {
  @Field(() => ConsentKind)
  kind!: ConsentKind;

  @Field({ description: 'False when no consent of this kind was in force.' })
  withdrawn!: boolean;

  @Field(() => Int, { description: 'HEALTH_DATA: needs whose health notes were erased.' })
  sensitiveNotesPurged!: number;

  @Field(() => Int, { description: 'FAMILY_CONTACT: messages to the family contact that will not be sent.' })
  familyNotificationsCancelled!: number;
}

@InputType()
export class AcceptPrivacyNoticeInput {
  @Field({ description: 'The version shown to the person (privacyNotice.version).' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/)
  version!: string;
}

@InputType()
export class ConsentInput {
  @Field(() => ConsentKind)
  @IsEnum(ConsentKind)
  kind!: ConsentKind;
}

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

@InputType()
export class DeleteMyAccountInput {
  @Field({ description: 'Must be true: the person confirms that the account and its data are to be erased.' })
  @IsBoolean()
  @Equals(true, { message: 'confirm must be true' })
  confirm!: boolean;
}

/** Why staff erased someone's data: a closed list, so that the audit log holds no free text about the person. */
export enum StaffErasureReason {
  /** The person asked the Comune (at the desk, by letter or by phone). */
  PERSON_ASKED = 'person_asked',
  /** A relative or legal guardian asked for a person who cannot (deceased, incapacitated). */
  GUARDIAN_ASKED = 'guardian_asked',
  /** The person withdrew the consent their data rested on. */
  CONSENT_WITHDRAWN = 'consent_withdrawn',
  /** An order of the Garante or a court. */
  LEGAL_ORDER = 'legal_order',
}
registerEnumType(StaffErasureReason, {
  name: 'StaffErasureReason',
  description: 'Why staff erased the data (recorded in the audit log).',
});

/** What every erasure by staff states: why, and that the operator confirms it. */
@InputType({ isAbstract: true })
abstract class StaffErasureInput {
  @Field(() => StaffErasureReason)
  @IsEnum(StaffErasureReason)
  reason!: StaffErasureReason;

  @Field({ description: 'Must be true: the operator confirms the erasure, which cannot be undone.' })
  @IsBoolean()
  @Equals(true, { message: 'confirm must be true' })
  confirm!: boolean;
}

@InputType()
export class EraseAccountInput extends StaffErasureInput {
  @IdField({ description: 'The account to erase.' })
  userId!: string;
}

@InputType()
export class EraseBeneficiaryInput extends StaffErasureInput {
  @IdField({ description: 'A person without an account: registered at the desk, or a relative.' })
  beneficiaryId!: string;
}

@ObjectType({ description: 'What erasing a desk-registered person did; no personal data.' })
export class BeneficiaryErasure {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => Int, {
    description: 'Needs whose personal data was erased (kept anonymous for the indicators).',
  })
  needsAnonymised!: number;

  @Field(() => Int, { description: 'Engagements cancelled; the helpers were told.' })
  engagementsCancelled!: number;

  @Field(() => Int, { description: 'Needs still open that were cancelled.' })
  needsCancelled!: number;
}

@ObjectType({ description: 'The record of an erasure: no personal data, only what was done.' })
export class AccountErasure {
  @Field(() => ID)
  id!: string;

  @Field()
  erasedAt!: Date;

  @Field(() => Int, { description: 'Engagements cancelled; the other parties were told.' })
  engagementsCancelled!: number;

  @Field(() => Int, { description: 'Needs still open that were cancelled.' })
  needsCancelled!: number;

  @Field(() => Int, {
    description:
      "Open engagements of an organisation the person was the contact for, handed to another of the organisation's admins or operators.",
  })
  engagementsHandedOver!: number;
}

@ObjectType({ description: 'One entry of the append-only audit log.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field()
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID, { nullable: true })
  entityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who did it (an id; null for the system).' })
  actorUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name the actor gave (null for the system, or a person who gave none).',
  })
  actorName!: string | null;

  @Field(() => [Role], {
    description:
      'The roles the actor holds now in this territory (operator, moderator) or platform-wide (admin); empty for anyone else.',
  })
  actorRoles!: Role[];

  @Field(() => ID, { nullable: true })
  territoryId!: string | null;

  @Field({ description: 'Ids and codes only, as JSON.' })
  details!: string;

  @Field()
  createdAt!: Date;
}
export const AuditEntryPage = PageOf(AuditEntry, 'AuditEntryPage');

/** A calendar day as the Comune reads it. */
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class AuditFilterArgs {
  @IdField()
  territoryId!: string;

  @TextField(80, { optional: true, description: 'Only this action, e.g. "need.sensitive_notes_read".' })
  action?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only these actions: each an action ("desk.person_read") or a family ending with a dot ("moderation."). At most 20.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  actions?: string[];

  @IdField({
    optional: true,
    description: 'Only what was done to this record (its id, e.g. a need, a person, an offer).',
  })
  entityId?: string;

  @IdField({ optional: true, description: 'Only what this person did.' })
  actorUserId?: string;

  @Field(() => String, { nullable: true, description: 'From this day, YYYY-MM-DD (Europe/Rome), included.' })
  @IsOptional()
  @Matches(LOCAL_DAY)
  from?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Up to this day, YYYY-MM-DD (Europe/Rome), included. AUDIT_PERIOD_REVERSED before `from`.',
  })
  @IsOptional()
  @Matches(LOCAL_DAY)
  to?: string;
}

/** The filters and a page of the trail. */
@ArgsType()
export class AuditTrailArgs extends IntersectionType(PageArgs, AuditFilterArgs, ArgsType) {}

@ObjectType()
export class AuditTrailCsv {
  @Field({ description: 'A suggested file name.' })
  fileName!: string;

  @Field({ description: 'RFC 4180 CSV, UTF-8, comma separated, header row first, newest first.' })
  csv!: string;

  @Field(() => Int)
  rowCount!: number;
}

@ArgsType()
export class PrivacyNoticeArgs {
  @Field(() => String, { nullable: true, description: '"it" (default: the request language) or "en".' })
  @IsOptional()
  @IsIn(['it', 'en'])
  language?: string;
}

/** Why staff read a person's codice fiscale: a closed list, as for erasures (no free text in the audit log). */
export enum CodiceFiscaleReadReason {
  /** The person is at the desk or on the phone and asks for it, or to check it. */
  PERSON_ASKED = 'person_asked',
  /** An application for a service, contribution or voucher that requires it. */
  SERVICE_APPLICATION = 'service_application',
  /** Taking the person in charge with the social services (presa in carico). */
  CASE_INTAKE = 'case_intake',
  /** An order of an authority, or a legal obligation of the Comune. */
  LEGAL_OBLIGATION = 'legal_obligation',
}
registerEnumType(CodiceFiscaleReadReason, {
  name: 'CodiceFiscaleReadReason',
  description: "Why staff read a person's codice fiscale (recorded in the audit log).",
});

@InputType()
export class StaffCodiceFiscaleInput {
  @IdField({ description: 'The person whose codice fiscale you need.' })
  userId!: string;

  @Field(() => CodiceFiscaleReadReason, {
    description: 'Why you need it: kept in the audit log that the territory’s moderators read.',
  })
  @IsEnum(CodiceFiscaleReadReason)
  reason!: CodiceFiscaleReadReason;
}
