import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IdField } from '@prossimo/platform';
import { IsEnum } from 'class-validator';

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
