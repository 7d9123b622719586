import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, CodiceFiscaleService } from '@prossimo/identity';
import { FieldCipher, oneByKey, RequestLoader, writeAudit } from '@prossimo/platform';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { BeneficiariesRepository } from '../beneficiaries/beneficiaries.repository';
import { Beneficiary, Need } from '../requests.types';

/**
 * A need's personal fields, resolved per field so that they are read (and decrypted, and staff
 * reads audited) only when asked for: the address, the sensitive notes, the person it is for.
 */
@Injectable()
export class NeedPersonalFieldsService {
  constructor(
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly codiciFiscali: CodiceFiscaleService,
    private readonly beneficiaryRows: BeneficiariesRepository,
  ) {}

  readAddress(need: Need): string | null {
    if (need.access === 'none' || !need.addressEncrypted) return null;
    return this.cipher.decrypt(need.addressEncrypted);
  }

  /** Sensitive notes: the people the need is for, staff of the territory (audited), the confirmed helper. */
  async readSensitiveNotes(need: Need, viewer?: AuthenticatedUser): Promise<string | null> {
    if (need.access === 'none' || !need.sensitiveNotesEncrypted) return null;
    if (need.access === 'staff') {
      // Health data: staff read it only from a SPID level 2+ or CIE session where step-up is on (issue 20).
      await this.access.requireStepUp(viewer, { comuneIstats: [need.comuneIstat] });
      // The audit entry is written before the notes are decrypted: no read goes unrecorded.
      await writeAudit(this.dataSource.manager, {
        actorUserId: need.viewerUserId,
        action: 'need.sensitive_notes_read',
        entityType: 'need',
        entityId: need.id,
        territoryId: await firstTerritoryOf(this.dataSource.manager, need.comuneIstat),
      });
    }
    return this.cipher.decrypt(need.sensitiveNotesEncrypted);
  }

  /** The person a need is for: the people concerned and staff of the territory (staff reads audited). */
  async readBeneficiary(need: Need, request: object): Promise<Beneficiary | null> {
    if ((need.access !== 'owner' && need.access !== 'staff') || !need.beneficiaryId) return null;
    const beneficiary = await this.beneficiaries.for(request).load(need.beneficiaryId);
    if (
      need.access === 'staff' &&
      (beneficiary?.fullName || beneficiary?.phone || beneficiary?.codiceFiscale)
    ) {
      await writeAudit(this.dataSource.manager, {
        actorUserId: need.viewerUserId,
        action: 'need.beneficiary_read',
        entityType: 'need',
        entityId: need.id,
        territoryId: await firstTerritoryOf(this.dataSource.manager, need.comuneIstat),
        details: { beneficiaryId: need.beneficiaryId },
      });
    }
    return beneficiary;
  }

  /** Per request: a page of needs loads its beneficiaries in one query. */
  private readonly beneficiaries = new RequestLoader<string, Beneficiary | null>(async (ids) => {
    const rows = await this.beneficiaryRows.findBeneficiaries(ids);
    return oneByKey(
      ids,
      rows,
      (row) => row.id,
      null,
      (row) => ({
        id: row.id,
        kind: row.kind,
        fullName: row.full_name_encrypted ? this.cipher.decrypt(row.full_name_encrypted) : null,
        phone: row.phone_encrypted ? this.cipher.decrypt(row.phone_encrypted) : null,
        codiceFiscale: this.codiciFiscali.open(row.codice_fiscale_encrypted),
        relationship: row.relationship,
        consentRecordedAt: row.consent_recorded_at,
      }),
    );
  });
}
