import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLauncherSettings } from './launcher-config';

describe('readLauncherSettings', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'prossimo-launcher-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('puts the development SMS and e-mail files in PROSSIMO_DATA_DIR, not the working folder', () => {
    const settings = readLauncherSettings({ PROSSIMO_DATA_DIR: dataDir });
    expect(settings.childEnvironment.EMAIL_FILE_PATH).toBe(join(dataDir, 'email-outbox.log'));
    expect(settings.childEnvironment.SMS_FILE_PATH).toBe(join(dataDir, 'sms-outbox.log'));
    expect(settings.childEnvironment.PROSSIMO_DATA_DIR).toBe(dataDir);
  });
});
