import { ArgsType, Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { EnumField, IdField, PageArgs, PageOf, TextField, registerGraphqlEnums } from '@prossimo/platform';
import { Role } from '@prossimo/identity';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, Length, Matches } from 'class-validator';

export enum TerritoryKind {
  COMUNE = 'comune',
  AMBITO = 'ambito',
}
registerGraphqlEnums({ TerritoryKind });

@ObjectType({ description: 'An Italian Comune (ISTAT list), with the centre used for distances.' })
export class Comune {
  @Field({ description: 'ISTAT code, 6 digits.' })
  istat!: string;

  @Field()
  name!: string;

  @Field({ description: 'Province abbreviation, e.g. CN.' })
  provinceCode!: string;

  @Field()
  province!: string;

  @Field()
  region!: string;

  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lon!: number;

  @Field({ description: 'How the centre was found: geonames, fuzzy, geonames_code, predecessor, manual.' })
  coordinatesPrecision!: string;
}

export const ComunePage = PageOf(Comune, 'ComunePage');

@ObjectType({ description: 'The tenant boundary: one Comune, or an ambito or consortium of several.' })
export class Territory {
  @Field(() => ID)
  id!: string;

  @Field(() => TerritoryKind)
  kind!: TerritoryKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'The desk people call (E.164); messages give it.' })
  deskPhone!: string | null;

  @Field(() => String, { nullable: true, description: 'When the desk answers, e.g. "lun-ven 9-12".' })
  deskHours!: string | null;
}

@InputType({ description: 'The desk people call to change or cancel; null fields clear it.' })
export class SetTerritoryDeskInput {
  @IdField()
  territoryId!: string;

  @TextField(32, {
    optional: true,
    description: 'A phone number (landline or mobile), e.g. 0173 316000.',
  })
  phone?: string | null;

  @TextField(40, { optional: true, description: 'When it answers, up to 40 characters.' })
  hours?: string | null;
}

@ObjectType({
  description:
    "Whether the territory's staff must sign in with SPID level 2 or above or CIE before reading health data, erasing accounts or deciding accreditation.",
})
export class TerritoryStaffStepUp {
  @Field(() => ID)
  territoryId!: string;

  @Field({ description: "In effect: the territory's setting, or the platform default where it has none." })
  required!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "The territory's own setting; null: the platform default.",
  })
  setting!: boolean | null;

  @Field({ description: 'The platform default (STAFF_STEP_UP; on in production).' })
  platformDefault!: boolean;
}

@InputType()
export class SetTerritoryStaffStepUpInput {
  @IdField()
  territoryId!: string;

  @Field(() => Boolean, { nullable: true, description: 'On or off; null: follow the platform default.' })
  @IsOptional()
  @IsBoolean()
  required?: boolean | null;
}

@ArgsType()
export class ComuneSearchArgs extends PageArgs {
  @TextField(100, { optional: true, description: 'Part of the name; accents and case are ignored.' })
  search?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  provinceCode?: string;
}

@InputType()
export class CreateTerritoryInput {
  @TextField(200)
  name!: string;

  @EnumField(TerritoryKind)
  kind!: TerritoryKind;

  @Field(() => [String], { description: 'ISTAT codes of the Comuni it covers.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Length(6, 6, { each: true })
  comuneIstatCodes!: string[];
}

@InputType()
export class SetTerritoryComuniInput {
  @IdField()
  territoryId!: string;

  @Field(() => [String], {
    description: 'ISTAT codes of every Comune it covers from now on (replaces the list).',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Length(6, 6, { each: true })
  comuneIstatCodes!: string[];
}

@ArgsType()
export class TerritoriesArgs extends PageArgs {
  @TextField(100, { optional: true, description: 'Part of the name; accents and case are ignored.' })
  search?: string;
}

@ArgsType()
export class TerritoryStaffArgs extends PageArgs {
  @IdField()
  territoryId!: string;
}

export const STAFF_ROLES = [Role.COMUNE_OPERATOR, Role.COMUNE_MODERATOR] as const;

@InputType()
export class GrantStaffRoleInput {
  @TextField(32, { description: 'Phone number of the person; they must have signed up.' })
  phone!: string;

  @Field(() => Role, { description: 'COMUNE_OPERATOR or COMUNE_MODERATOR.' })
  @IsIn(STAFF_ROLES)
  role!: Role;

  @IdField()
  territoryId!: string;
}

@ObjectType({ description: 'A person who holds a staff role in a territory.' })
export class StaffMember {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, { nullable: true, description: 'The name they gave (null if none).' })
  displayName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Their number (E.164): moderators grant and revoke staff roles by it.',
  })
  phoneE164!: string | null;

  @Field(() => [Role], { description: 'Their roles in this territory (operator, moderator).' })
  roles!: Role[];
}

@ObjectType()
export class StaffGrant {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  territoryId!: string;
}

export const TerritoryPage = PageOf(Territory, 'TerritoryPage');
export const StaffMemberPage = PageOf(StaffMember, 'StaffMemberPage');
