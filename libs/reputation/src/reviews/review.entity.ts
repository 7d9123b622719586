import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ReviewAuthorSide = 'citizen' | 'helper';
export type ReviewSubjectKind = 'volunteer' | 'organisation' | 'offer' | 'citizen';
export type ReviewCriteriaSet = 'person' | 'service';
export type ReviewStatus = 'pending' | 'published' | 'rejected' | 'hidden';

/** Who a review is about and its stars, as the services read them from SQL (c1-c3: criteria 1-3). */
export interface ReviewSubjectAndStars {
  subjectKind: ReviewSubjectKind;
  subjectUserId: string | null;
  subjectOrganisationId: string | null;
  subjectOfferId: string | null;
  criteriaSet: ReviewCriteriaSet;
  c1: number;
  c2: number;
  c3: number;
}

/**
 * One side's review of the other after a completed engagement (table `reviews`). Criteria 1-3
 * depend on `criteriaSet`: person = punctuality, respect and kindness, quality of help;
 * service = quality, clarity of the price, reliability. `status` mirrors moderation: only
 * 'published' reviews are public and counted in the aggregates.
 */
@Entity('reviews')
export class ReviewRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  /** The Comune's territory (first by id when several cover it); null if none covers it. */
  @Column({ type: 'uuid', nullable: true })
  territoryId!: string | null;

  @Column({ type: 'char', length: 6 })
  comuneIstat!: string;

  @Column({ type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @Column({ type: 'text' })
  authorSide!: ReviewAuthorSide;

  @Column({ type: 'text' })
  subjectKind!: ReviewSubjectKind;

  /** The volunteer or citizen reviewed. */
  @Column({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /** The organisation reviewed, or the offer's organisation. */
  @Column({ type: 'uuid', nullable: true })
  subjectOrganisationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectOfferId!: string | null;

  @Column({ type: 'text' })
  criteriaSet!: ReviewCriteriaSet;

  @Column({ type: 'smallint' })
  criterion1Stars!: number;

  @Column({ type: 'smallint' })
  criterion2Stars!: number;

  @Column({ type: 'smallint' })
  criterion3Stars!: number;

  /** Mean of the three criteria, rounded to 2 decimals (a generated column). */
  @Column({ type: 'numeric', precision: 3, scale: 2, insert: false, update: false })
  overallStars!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', array: true })
  heldReasons!: string[];

  @Column({ type: 'text' })
  status!: ReviewStatus;

  @Column({ type: 'jsonb', nullable: true })
  countedCriteria!: Record<string, number> | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
