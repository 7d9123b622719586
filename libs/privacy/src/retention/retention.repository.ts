import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The retention purge's statement on privacy's own table (personal_data_exports). The other
 * libraries' tables are purged by their owners' steps, which RetentionService calls in its order.
 */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async expireExports(): Promise<number> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE personal_data_exports SET status = 'expired', content_encrypted = NULL
          WHERE status = 'ready' AND expires_at <= now()`,
      [],
    );
    return affected;
  }
}
