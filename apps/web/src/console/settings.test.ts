import { describe, expect, it } from 'vitest';
import { type SettingsForm, settingsChanges, stepUpChoice, stepUpSetting } from './settings';

const stored: SettingsForm = {
  deskPhone: '+390173316000',
  deskHours: 'lun-ven 9-12',
  citizenConfirmationRequired: false,
  scheduledBatchAssignment: false,
  staffStepUp: 'DEFAULT',
  modes: { REVIEW: 'PRE', NEED: 'POST' },
};

describe('territory settings: what to save', () => {
  it('saves nothing when nothing changed, spaces aside', () => {
    expect(settingsChanges(stored, { ...stored, deskHours: ' lun-ven 9-12 ' })).toEqual({
      desk: false,
      matching: false,
      stepUp: false,
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
    ).toEqual({ desk: true, matching: true, stepUp: false, modes: [['REVIEW', 'POST']] });
    expect(settingsChanges(stored, { ...stored, staffStepUp: 'OFF' })).toEqual({
      desk: false,
      matching: false,
      stepUp: true,
      modes: [],
    });
  });

  it('maps the step-up choice to the api’s setting and back (null: the platform default)', () => {
    expect([true, false, null].map(stepUpChoice)).toEqual(['ON', 'OFF', 'DEFAULT']);
    expect((['ON', 'OFF', 'DEFAULT'] as const).map(stepUpSetting)).toEqual([true, false, null]);
  });
});
