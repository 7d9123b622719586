import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { DataExportService } from './data-export.service';
import { DataExport, DataExportPage } from '../privacy.types';

@Resolver()
export class DataExportsResolver {
  constructor(private readonly exports: DataExportService) {}

  @Mutation(() => DataExport, {
    description: 'Asks for a copy of your data; it is prepared in the background (see myDataExports).',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  requestDataExport(@CurrentUser() user: AuthenticatedUser): Promise<DataExport> {
    return this.exports.request(user);
  }

  @Query(() => DataExportPage, { description: 'Your copies, newest first.' })
  @UseGuards(AuthGuard)
  myDataExports(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<DataExport>> {
    return this.exports.mine(user, args);
  }

  @Query(() => DataExport)
  @UseGuards(AuthGuard)
  dataExport(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DataExport> {
    return this.exports.one(user, id);
  }
}

/** The parent query is signed in (AuthGuard), so the viewer is on the request here. */
@Resolver(() => DataExport)
export class DataExportResolver {
  constructor(private readonly exports: DataExportService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The JSON copy while READY; every download is audited. DATA_EXPORT_EXPIRED after expiresAt.',
  })
  content(@CurrentUser() user: AuthenticatedUser, @Parent() dataExport: DataExport): Promise<string | null> {
    return this.exports.download(user, dataExport);
  }
}
