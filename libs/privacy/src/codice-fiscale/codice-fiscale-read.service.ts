import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  CodiceFiscaleService,
  COMUNE_STAFF_ROLES,
} from '@prossimo/identity';
import { DomainError, writeAudit } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { StaffCodiceFiscaleInput } from '../privacy.types';
import { comuniOfPerson, staffTerritoryCovering } from '../staff-scope/staff-scope.repository';

/**
 * Staff read a person's codice fiscale only with a reason, and every read is audited before the
 * code is decrypted (as staff reads of health notes): platform admins any person, Comune staff a
 * person with a need or a volunteer profile in their territory.
 */
@Injectable()
export class CodiceFiscaleReadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly codiciFiscali: CodiceFiscaleService,
  ) {}

  async readAsStaff(staff: AuthenticatedUser, input: StaffCodiceFiscaleInput): Promise<string | null> {
    this.access.requireRole(staff, COMUNE_STAFF_ROLES);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.codiciFiscali.sealedWithStatus(manager, input.userId);
      if (!person || person.status === 'erased')
        throw new DomainError('ACCOUNT_NOT_FOUND', { field: 'input.userId' });
      const territoryId = await staffTerritoryCovering(
        this.access,
        manager,
        staff,
        await comuniOfPerson(manager, input.userId),
        'input.userId',
      );
      await writeAudit(manager, {
        actorUserId: staff.userId,
        action: 'user.codice_fiscale_read',
        entityType: 'user',
        entityId: input.userId,
        territoryId,
        details: { reason: input.reason, present: person.codice_fiscale_encrypted !== null },
      });
      return this.codiciFiscali.open(person.codice_fiscale_encrypted);
    });
  }
}
