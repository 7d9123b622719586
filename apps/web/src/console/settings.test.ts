import { describe, expect, it } from 'vitest';
import { type SettingsForm, settingsChanges } from './settings';

const stored: SettingsForm = {
  deskPhone: '+390173316000',
  deskHours: 'lun-ven 9-12',
  citizenConfirmationRequired: false,
  scheduledBatchAssignment: false,
  modes: { REVIEW: 'PRE', NEED: 'POST' },
};

describe('territory settings: what to save', () => {
  it('saves nothing when nothing changed, spaces aside', () => {
    expect(settingsChanges(stored, { ...stored, deskHours: ' lun-ven 9-12 ' })).toEqual({
      desk: false,
      matching: false,
      modes: [],
    });
  });

  it('saves each part that changed, and only the modes that changed', () => {
    expect(
      settingsChanges(stored, {
        ...stored,
        deskPhone: '',
        scheduledBatchAssignment: true,
        modes: { REVIEW: 'POST', NEED: 'POST' },
      }),
    ).toEqual({ desk: true, matching: true, modes: [['REVIEW', 'POST']] });
  });
});
