import { useApolloClient } from '@apollo/client/react';
import { type KeyboardEvent, useState } from 'react';
import { describedBy, FieldFrame } from '../../forms/controls';
import { useCitizenTranslation } from '../i18n';
import { COMUNI } from '../operations';
import type { ChosenComune } from './need-draft';

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .trim()
    .toLowerCase();
}

/**
 * A Comune by name, without a script-heavy combobox: type it and press "Cerca" (or Enter); a name
 * that is not unique gives a short list to choose from. The Comune's centre stands for the place.
 */
export function ComunePicker(props: {
  id: string;
  label: string;
  hint: string;
  value: ChosenComune | undefined;
  onChange: (comune: ChosenComune | undefined) => void;
  error?: string;
}) {
  const { t } = useCitizenTranslation();
  const client = useApolloClient();
  const [query, setQuery] = useState(props.value?.name ?? '');
  const [results, setResults] = useState<ChosenComune[] | undefined>();
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const { id } = props;

  async function search() {
    const typed = query.trim();
    if (!typed) return;
    setSearching(true);
    setFailed(false);
    try {
      const { data } = await client.query({
        query: COMUNI,
        variables: { search: typed },
        fetchPolicy: 'network-only',
      });
      const found: ChosenComune[] = (data?.comuni.items ?? []).map((comune) => ({
        istat: comune.istat,
        name: comune.name,
        provinceCode: comune.provinceCode,
        lat: comune.lat,
        lon: comune.lon,
      }));
      const exact = found.filter((comune) => plain(comune.name) === plain(typed));
      const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
      props.onChange(only);
      if (only) setQuery(only.name);
      setResults(only && exact.length === 1 ? undefined : found);
    } catch {
      setFailed(true);
    } finally {
      setSearching(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  }

  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <div className="comune-search">
        <input
          id={id}
          type="text"
          autoComplete="address-level2"
          className={`form-control${props.error ? ' is-invalid' : ''}`}
          value={query}
          aria-describedby={describedBy(id, props.hint, props.error)}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            setResults(undefined);
            if (props.value) props.onChange(undefined);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={searching}
          onClick={() => void search()}
        >
          {t('new.luogo.search')}
        </button>
      </div>
      <div aria-live="polite">
        {failed ? <p className="form-field__error mt-2">{t('errors.network')}</p> : null}
        {props.value ? (
          <p className="mt-2 mb-0 fw-semibold">
            {t('new.luogo.chosen', { name: props.value.name, province: props.value.provinceCode })}
          </p>
        ) : null}
        {results && results.length === 0 ? <p className="mt-2 mb-0">{t('new.luogo.noMatch')}</p> : null}
      </div>
      {results && results.length > 1 ? (
        <fieldset className="mt-3">
          <legend className="form-field__label">{t('new.luogo.choose')}</legend>
          {results.map((comune) => {
            const optionId = `${id}-${comune.istat}`;
            return (
              <div className="form-check" key={comune.istat}>
                <input
                  type="radio"
                  id={optionId}
                  name={`${id}-choice`}
                  checked={props.value?.istat === comune.istat}
                  onChange={() => props.onChange(comune)}
                />
                <label htmlFor={optionId}>
                  {comune.name} ({comune.provinceCode})
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </FieldFrame>
  );
}
