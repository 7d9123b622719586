import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EntityManager } from 'typeorm';
import { AccountErasureArea, AccountErasureHandlers, AccountErasureStep } from './account-erasure-handlers';
import {
  PersonalDataExportArea,
  PersonalDataExportHandlers,
  PersonalDataExportPart,
  PersonalDataExportStep,
} from './personal-data-export-handlers';

/** A library's own repository, the only thing its handlers ask for in their constructors. */
@Injectable()
class LampsRepository {
  readonly erased: string[] = [];
}

@Injectable()
class LampsErasure extends AccountErasureArea {
  readonly area = 'lamps';

  constructor(private readonly lamps: LampsRepository) {
    super();
  }

  protected async erase({ userId }: AccountErasureStep): Promise<Record<string, number>> {
    this.lamps.erased.push(userId);
    return { lampsErased: 1 };
  }
}

@Injectable()
class LampsExport extends PersonalDataExportArea {
  readonly area = 'lamps';
  readonly sections = ['lamps'];
  readonly tables = ['lamps'];

  constructor(private readonly lamps: LampsRepository) {
    super();
  }

  async collect({ userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    return { sections: { lamps: [userId, ...this.lamps.erased] } };
  }
}

describe('the personal-data areas of a library', () => {
  it('register their erasure and their export at boot, with the registries injected by the base', async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        AccountErasureHandlers,
        PersonalDataExportHandlers,
        LampsRepository,
        LampsErasure,
        LampsExport,
      ],
    }).compile();
    const erasures = moduleRef.get(AccountErasureHandlers);
    const exports = moduleRef.get(PersonalDataExportHandlers);
    expect(erasures.areas()).toEqual([]);

    await moduleRef.init();

    expect(erasures.areas()).toEqual(['lamps']);
    const manager = {} as EntityManager;
    expect(await erasures.eraseAccount({ manager, userId: 'user-1', phone: null })).toEqual({
      lampsErased: 1,
    });
    expect(moduleRef.get(LampsRepository).erased).toEqual(['user-1']);

    expect(exports.areas()).toEqual(['lamps']);
    const part = await exports
      .handler('lamps')!
      .collect({ manager, userId: 'user-2', found: {}, decrypt: () => null });
    expect(part.sections).toEqual({ lamps: ['user-2', 'user-1'] });
    await moduleRef.close();
  });
});

/** An area whose rows hold an encrypted address and notes. */
class NotesExport extends LampsExport {
  override async collect({ decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const row = { id: 'n1', address_encrypted: 'c:Via Roma 1', status: 'open', notes_encrypted: null };
    const note = this.decryptColumns(
      row,
      { address: 'address_encrypted', notes: 'notes_encrypted' },
      decrypt,
    );
    return { sections: { notes: [note], stored: [row] } };
  }
}

describe('decryptColumns of an export area', () => {
  it('replaces each encrypted column by its text under the readable name, after the other columns', async () => {
    const area = new NotesExport(new LampsRepository());
    const { sections } = await area.collect({
      manager: {} as EntityManager,
      userId: 'user-1',
      found: {},
      decrypt: (value) => (typeof value === 'string' ? value.slice(2) : null),
    });
    const [note] = sections.notes as Record<string, unknown>[];
    expect(Object.entries(note)).toEqual([
      ['id', 'n1'],
      ['status', 'open'],
      ['address', 'Via Roma 1'],
      ['notes', null],
    ]);
    expect(sections.stored).toEqual([
      { id: 'n1', address_encrypted: 'c:Via Roma 1', status: 'open', notes_encrypted: null },
    ]);
  });
});
