import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BLIND_INDEX_VERSION, BlindIndex, FieldCipher, inLockedBatches } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { BeneficiariesRepository } from '../beneficiaries/beneficiaries.repository';

const BATCH = 500;

/**
 * Fills the blind index of beneficiaries written before it existed (or under an older version):
 * the migration cannot, since only the api holds the key. Runs at start-up, batch by batch; rows
 * locked by another process starting at the same time are left to it (SKIP LOCKED).
 */
@Injectable()
export class DeskPeopleIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeskPeopleIndexer.name);

  constructor(
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const indexed = await this.backfill();
    if (indexed) this.logger.log(`Indexed ${indexed} beneficiaries for the desk's search`);
  }

  /** Indexes every row still to index; returns how many it did. */
  backfill(): Promise<number> {
    return inLockedBatches(
      this.dataSource,
      BATCH,
      (manager, limit) => this.beneficiaries.lockBeneficiariesToIndex(manager, BLIND_INDEX_VERSION, limit),
      (manager, row) => {
        const name = row.full_name_encrypted ? this.cipher.decrypt(row.full_name_encrypted) : '';
        const phone = row.phone_encrypted ? this.cipher.decrypt(row.phone_encrypted) : null;
        return this.beneficiaries.writeSearchIndex(
          manager,
          row.id,
          phone ? this.blindIndex.phone(phone) : null,
          this.blindIndex.name(name),
          BLIND_INDEX_VERSION,
        );
      },
    );
  }
}
