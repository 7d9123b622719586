import type { EntityManager } from 'typeorm';

/**
 * What a repository method runs its SQL on: the data source (a statement of its own) or the
 * caller's transaction manager, so that a service keeps its transaction boundaries.
 */
export type Queryable = Pick<EntityManager, 'query'>;
