import { useLazyQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ChoiceGroup } from '../../forms/controls';
import { useVolunteerTranslation } from '../i18n';
import { SEARCH_COMUNI } from '../operations';
import type { ProfileFormValues } from './profile-form';

type Home = NonNullable<ProfileFormValues['home']>;

interface HomePickerProps {
  value: Home | null;
  error?: string;
  onChange: (home: Home) => void;
}

/**
 * Where the volunteer lives, without an address: a Comune found by name (its centre is used), or
 * the device's position. Results are radio buttons, so keyboard and screen readers need nothing special.
 */
export function HomePicker({ value, error, onChange }: HomePickerProps) {
  const { t } = useVolunteerTranslation();
  const [search, setSearch] = useState('');
  const [positionFailed, setPositionFailed] = useState(false);
  const [find, { data, loading, called }] = useLazyQuery(SEARCH_COMUNI);
  const results = data?.comuni.items ?? [];

  const runSearch = () => {
    if (search.trim().length >= 2) void find({ variables: { search: search.trim() } });
  };

  const usePosition = () => {
    setPositionFailed(false);
    if (!('geolocation' in navigator)) {
      setPositionFailed(true);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        onChange({
          lat: position.coords.latitude,
          lon: position.coords.longitude,
          comuneIstat: null,
          label: t('profile.positionUsed'),
        }),
      () => setPositionFailed(true),
      { timeout: 10000 },
    );
  };

  return (
    <fieldset className={`mb-4${error ? ' form-field--error' : ''}`} aria-describedby="comune-home-hint">
      <legend className="form-field__label">{t('profile.home')}</legend>
      <p id="comune-home-hint" className="form-field__hint">
        {t('profile.homeHint')}
      </p>
      {value && (
        <p className="fw-semibold" data-testid="home-chosen">
          {value.comuneIstat ? t('profile.comuneChosen', { name: value.label }) : value.label}
        </p>
      )}
      <div className="form-field mb-2">
        <label htmlFor="comune" className="form-field__label fs-6">
          {t('profile.comune')}
        </label>
        {error ? (
          <p id="comune-error" className="form-field__error">
            {error}
          </p>
        ) : null}
        <div className="d-flex flex-wrap gap-2">
          <input
            id="comune"
            className={`form-control${error ? ' is-invalid' : ''}`}
            autoComplete="address-level2"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'comune-error' : undefined}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches instead of submitting the whole profile.
              if (event.key === 'Enter') {
                event.preventDefault();
                runSearch();
              }
            }}
          />
          <button type="button" className="btn btn-outline-primary" onClick={runSearch}>
            {t('profile.searchComune')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {loading && <p>{t('common.loading')}</p>}
        {called && !loading && results.length === 0 && <p>{t('profile.comuneNone')}</p>}
      </div>
      {results.length > 0 && (
        <ChoiceGroup
          id="comune-result"
          type="radio"
          legend={t('profile.comuneResults')}
          choices={results.map((comune) => ({
            value: comune.istat,
            label: `${comune.name} (${comune.provinceCode})`,
          }))}
          selected={value?.comuneIstat ? [value.comuneIstat] : []}
          onToggle={(istat) => {
            const comune = results.find((candidate) => candidate.istat === istat);
            if (comune)
              onChange({ lat: comune.lat, lon: comune.lon, comuneIstat: comune.istat, label: comune.name });
          }}
        />
      )}
      <button type="button" className="btn btn-link px-0" onClick={usePosition}>
        {t('profile.usePosition')}
      </button>
      {positionFailed && <p role="alert">{t('profile.positionFailed')}</p>}
    </fieldset>
  );
}
