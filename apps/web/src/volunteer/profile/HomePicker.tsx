import { useLazyQuery } from '@apollo/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('volunteer');
  const id = useId();
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
    <fieldset className="mb-4" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="h5" id="homeLat">
        {t('profile.home')}
      </legend>
      <small id={`${id}-hint`} className="form-text d-block mb-2">
        {t('profile.homeHint')}
      </small>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
      {value && (
        <p className="fw-semibold" data-testid="home-chosen">
          {value.comuneIstat ? t('profile.comuneChosen', { name: value.label }) : value.label}
        </p>
      )}
      <div className="d-flex flex-wrap align-items-end gap-2 mb-2">
        <div className="form-group mb-0 flex-grow-1">
          <label htmlFor={`${id}-search`} className="active">
            {t('profile.comune')}
          </label>
          <input
            id={`${id}-search`}
            name="comune"
            className={error ? 'form-control is-invalid' : 'form-control'}
            autoComplete="address-level2"
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
        </div>
        <button type="button" className="btn btn-outline-primary" onClick={runSearch}>
          {t('profile.searchComune')}
        </button>
      </div>
      <div aria-live="polite">
        {loading && <p>{t('common.loading')}</p>}
        {called && !loading && results.length === 0 && <p>{t('profile.comuneNone')}</p>}
      </div>
      {results.length > 0 && (
        <fieldset className="mb-2">
          <legend className="visually-hidden">{t('profile.comuneResults')}</legend>
          {results.map((comune) => (
            <div className="form-check" key={comune.istat}>
              <input
                className="form-check-input"
                type="radio"
                name={`${id}-comune`}
                id={`${id}-${comune.istat}`}
                checked={value?.comuneIstat === comune.istat}
                onChange={() =>
                  onChange({ lat: comune.lat, lon: comune.lon, comuneIstat: comune.istat, label: comune.name })
                }
              />
              <label className="form-check-label" htmlFor={`${id}-${comune.istat}`}>
                {comune.name} ({comune.provinceCode})
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <button type="button" className="btn btn-link px-0" onClick={usePosition}>
        {t('profile.usePosition')}
      </button>
      {positionFailed && <p role="alert">{t('profile.positionFailed')}</p>}
    </fieldset>
  );
}
