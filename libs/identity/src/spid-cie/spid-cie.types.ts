import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, Matches } from 'class-validator';
import { IdentityProviderKind } from './levels';
import { IntField, TextField } from '@prossimo/platform';

@InputType()
export class StartIdentityProviderSignInInput {
  @Field(() => IdentityProviderKind)
  @IsEnum(IdentityProviderKind)
  provider!: IdentityProviderKind;

  @TextField(512, {
    optional: true,
    description: 'Which SPID provider (an entityId from identityProviders); unset: the first offered.',
  })
  providerEntityId?: string;

  @IntField(
    { min: 1, max: 3 },
    {
      optional: true,
      description: 'The level asked for: 1, 2 (default) or 3 (SPID L1/L2/L3).',
    },
  )
  level?: number;

  @TextField(512, {
    optional: true,
    description: 'A path of the web app to come back to (default /area).',
  })
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
