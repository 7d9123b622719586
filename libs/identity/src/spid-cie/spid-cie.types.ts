import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IdentityProviderKind } from './levels';

@InputType()
export class StartIdentityProviderSignInInput {
  @Field(() => IdentityProviderKind)
  @IsEnum(IdentityProviderKind)
  provider!: IdentityProviderKind;

  @Field(() => String, {
    nullable: true,
    description: 'Which SPID provider (an entityId from identityProviders); unset: the first offered.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  providerEntityId?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The level asked for: 1, 2 (default) or 3 (SPID L1/L2/L3).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: number;

  @Field(() => String, {
    nullable: true,
    description: 'A path of the web app to come back to (default /area).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  // A path of ours: not another origin ("//host") nor a backslash trick.
  @Matches(/^\/(?![/\\])[^\\\s]*$/)
  returnPath?: string;
}

@ObjectType()
export class IdentityProviderRedirect {
  @Field({
    description:
      'Send the browser here (a full-page navigation). On return the web app is signed in through its ' +
      'HttpOnly refresh cookie and sent to returnPath.',
  })
  authorizationUrl!: string;
}

@ObjectType({ description: 'A SPID or CIE identity provider this Comune offers.' })
export class IdentityProvider {
  @Field(() => IdentityProviderKind)
  kind!: IdentityProviderKind;

  @Field()
  entityId!: string;

  @Field()
  name!: string;
}
