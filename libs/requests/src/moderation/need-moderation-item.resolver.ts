import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ContentType, ModerationItem } from '@prossimo/moderation';
import { oneByKey, RequestLoader } from '@prossimo/platform';
import { NeedsRepository } from '../needs/needs.repository';
import { NeedCategory } from '../requests.types';

/**
 * A need's category on its moderation item, as the enum: the queue names it in the reader's language
 * (the item's summary is the need's public description only). Moderation cannot know needs, so the
 * field is added here, where needs live.
 */
@Resolver(() => ModerationItem)
export class NeedModerationItemResolver {
  /** Per request: a page of the queue loads its needs' categories in one query. */
  private readonly categories = new RequestLoader<string, NeedCategory | null>(async (needIds) => {
    const rows = await this.needs.findCategoriesOf(needIds);
    return oneByKey(
      needIds,
      rows,
      (row) => row.id,
      null,
      (row) => row.category,
    );
  });

  constructor(private readonly needs: NeedsRepository) {}

  @ResolveField('category', () => NeedCategory, {
    nullable: true,
    description: 'For a need: its category (the summary is its description). Null for other content.',
  })
  category(@Parent() item: ModerationItem, @Context('req') request: object): Promise<NeedCategory | null> {
    if (item.contentType !== ContentType.NEED) return Promise.resolve(null);
    return this.categories.for(request).load(item.contentId);
  }
}
