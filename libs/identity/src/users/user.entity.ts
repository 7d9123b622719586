import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Language } from '@prossimo/platform';
import { UserRole } from './user-role.entity';

@ObjectType({ description: 'A person who uses Prossimo.' })
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { nullable: true, description: 'E.164, shown only to the person themselves.' })
  @Column({ type: 'text', nullable: true })
  phoneE164!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  displayName!: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  language!: Language;

  @Column({ type: 'text' })
  status!: 'active' | 'suspended' | 'erased';

  @Column({ type: 'timestamptz', nullable: true })
  phoneVerifiedAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => [UserRole])
  @OneToMany(() => UserRole, (role) => role.user)
  roles!: UserRole[];
}
