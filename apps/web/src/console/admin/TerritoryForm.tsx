import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import { ChoiceGroup } from '../../forms/controls';
import { graphql } from '../../gql';
import { FIND_COMUNI } from '../comuni';
import type { TerritoryKind } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { showConsoleApiError } from '../api-problems';
import { SavedNotice, SaveButton } from '../fields';
import { QueryState } from '../organisation/states';
import '../comune.css';
import './messages';

const TERRITORY = graphql(`
  query AdminTerritory($id: ID!) {
    territory(id: $id) {
      id
      name
      kind
      comuni {
        istat
        name
        provinceCode
      }
    }
  }
`);

const CREATE = graphql(`
  mutation AdminCreateTerritory($input: CreateTerritoryInput!) {
    createTerritory(input: $input) {
      id
      name
    }
  }
`);

const SET_COMUNI = graphql(`
  mutation AdminSetTerritoryComuni($input: SetTerritoryComuniInput!) {
    setTerritoryComuni(input: $input) {
      id
      comuni {
        istat
        name
        provinceCode
      }
    }
  }
`);

interface ChosenComune {
  istat: string;
  name: string;
  provinceCode: string;
}

const KINDS: TerritoryKind[] = ['COMUNE', 'AMBITO'];
// The api's input fields, and the form's fields that show their errors.
const FIELD_IDS = { name: 'territoryName', kind: 'territoryKind', comuneIstatCodes: 'comuneSearch' };

/** A new territory (`/amministrazione/territori/nuovo`) or the Comuni of one (`/:territoryId`). */
export default function TerritoryForm() {
  const { territoryId } = useParams();
  return territoryId && territoryId !== 'nuovo' ? (
    <EditTerritory territoryId={territoryId} />
  ) : (
    <NewTerritory />
  );
}

function NewTerritory() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const errors = useServerErrors();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TerritoryKind>('COMUNE');
  const [comuni, setComuni] = useState<ChosenComune[]>([]);
  const [saving, setSaving] = useState(false);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const missing = [
      ...(name.trim() ? [] : [{ fieldId: FIELD_IDS.name, message: t('admin.form.nameRequired') }]),
      ...(comuni.length
        ? []
        : [{ fieldId: FIELD_IDS.comuneIstatCodes, message: t('admin.form.comuniRequired') }]),
    ];
    if (missing.length) {
      errors.show(missing);
      return;
    }
    setSaving(true);
    try {
      const result = await client.mutate({
        mutation: CREATE,
        variables: {
          input: { name: name.trim(), kind, comuneIstatCodes: comuni.map((comune) => comune.istat) },
        },
      });
      errors.clear();
      await client.refetchQueries({ include: ['AdminTerritories', 'ConsoleTerritories'] });
      void navigate('/amministrazione', {
        state: { created: result.data?.createTerritory.name ?? name.trim() },
      });
    } catch (error) {
      showConsoleApiError(errors, error, FIELD_IDS, 'admin.errors');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Page title={t('admin.form.createTitle')} lead={t('admin.form.createLead')} before={<BackLink />}>
      <form className="readable" noValidate onSubmit={(event) => void save(event)}>
        <ErrorSummary errors={errors} />
        {errors.unreachable ? <Unreachable onRetry={() => void save()} /> : null}
        <Field
          id={FIELD_IDS.name}
          type="text"
          autoComplete="off"
          maxLength={200}
          label={t('admin.form.name')}
          hint={t('admin.form.nameHint')}
          error={errors.byField[FIELD_IDS.name]}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <ChoiceGroup
          id={FIELD_IDS.kind}
          type="radio"
          legend={t('admin.form.kind')}
          error={errors.byField[FIELD_IDS.kind]}
          choices={KINDS.map((value) => ({ value, label: t(`admin.territories.kindLabel.${value}`) }))}
          selected={[kind]}
          onToggle={(value, checked) => checked && setKind(value as TerritoryKind)}
        />
        <ComuniPicker
          chosen={comuni}
          onChange={setComuni}
          error={errors.byField[FIELD_IDS.comuneIstatCodes]}
        />
        <SaveButton saving={saving} text={t('admin.form.create')} savingText={t('admin.form.saving')} />
      </form>
    </Page>
  );
}

function EditTerritory({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const errors = useServerErrors();
  const territory = useQuery(TERRITORY, { variables: { id: territoryId } });
  const stored = territory.data?.territory;
  const [comuni, setComuni] = useState<ChosenComune[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (stored && comuni === null) setComuni(stored.comuni);
  }, [stored, comuni]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!comuni) return;
    setSaved(null);
    if (!comuni.length) {
      errors.show([{ fieldId: FIELD_IDS.comuneIstatCodes, message: t('admin.form.comuniRequired') }]);
      return;
    }
    setSaving(true);
    try {
      const result = await client.mutate({
        mutation: SET_COMUNI,
        variables: { input: { territoryId, comuneIstatCodes: comuni.map((comune) => comune.istat) } },
      });
      errors.clear();
      const now = result.data?.setTerritoryComuni.comuni ?? comuni;
      setComuni(now);
      setSaved(t('admin.form.saved', { count: now.length }));
    } catch (error) {
      showConsoleApiError(errors, error, FIELD_IDS, 'admin.errors');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Page
      title={stored ? t('admin.form.editTitle', { name: stored.name }) : t('admin.territories.title')}
      lead={t('admin.form.editLead')}
      before={<BackLink />}
    >
      <QueryState query={territory} />
      {stored && comuni ? (
        <form className="readable" noValidate onSubmit={(event) => void save(event)}>
          <ErrorSummary errors={errors} />
          {errors.unreachable ? <Unreachable onRetry={() => void save()} /> : null}
          <p>
            {t('admin.territories.kind')}: <strong>{t(`admin.territories.kindLabel.${stored.kind}`)}</strong>
          </p>
          <ComuniPicker
            chosen={comuni}
            onChange={(next) => {
              setSaved(null);
              setComuni(next);
            }}
            error={errors.byField[FIELD_IDS.comuneIstatCodes]}
          />
          <SaveButton saving={saving} text={t('admin.form.save')} savingText={t('admin.form.saving')} />
          <SavedNotice saved={saved} />
        </form>
      ) : null}
    </Page>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="mb-2">
      <Link to="/amministrazione">{t('admin.form.back')}</Link>
    </p>
  );
}

/**
 * The Comuni chosen, each with "Togli", and a search (on the server, by name) whose results each
 * have "Aggiungi": buttons, so that the keyboard and a screen reader use it as any other form.
 */
function ComuniPicker({
  chosen,
  onChange,
  error,
}: {
  chosen: ChosenComune[];
  onChange: (comuni: ChosenComune[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<ChosenComune[] | null>(null);
  const [failed, setFailed] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const id = FIELD_IDS.comuneIstatCodes;

  async function find() {
    if (typed.trim().length < 2) return;
    setFailed(false);
    try {
      const answer = await client.query({
        query: FIND_COMUNI,
        variables: { search: typed.trim() },
        fetchPolicy: 'network-only',
      });
      setResults(answer.data?.comuni.items ?? []);
    } catch {
      setFailed(true);
    }
  }

  const shown = (results ?? []).filter((comune) => !chosen.some((c) => c.istat === comune.istat));
  return (
    // The error shows at the search field (Field), which the summary's link focuses.
    <fieldset className="mb-4" aria-describedby={`${id}-group-hint`}>
      <legend className="form-field__label">{t('admin.form.comuniLegend')}</legend>
      <p id={`${id}-group-hint`} className="form-field__hint">
        {t('admin.form.comuniHint')}
      </p>
      <p className="mb-1">
        {chosen.length ? t('admin.form.chosen', { count: chosen.length }) : t('admin.form.chosenNone')}
      </p>
      {chosen.length ? (
        <ul className="list-unstyled chosen-comuni">
          {chosen.map((comune) => (
            <li key={comune.istat} className="d-flex align-items-center gap-2 mb-1">
              <span>
                {comune.name} ({comune.provinceCode})
              </span>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => {
                  onChange(chosen.filter((c) => c.istat !== comune.istat));
                  searchRef.current?.focus();
                }}
              >
                {t('admin.form.remove', { name: comune.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="d-flex flex-wrap align-items-end gap-3">
        <Field
          ref={searchRef}
          id={id}
          type="search"
          autoComplete="off"
          label={t('admin.form.comuneSearch')}
          hint={t('admin.form.comuneSearchHint')}
          error={error}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches here instead of submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="btn btn-outline-primary mb-4" onClick={() => void find()}>
          {t('admin.form.comuneSearchButton')}
        </button>
      </div>
      <div aria-live="polite">
        {failed ? <p className="text-danger">{t('console.common.loadFailed')}</p> : null}
        {results && !results.length && !failed ? <p>{t('admin.form.noResults')}</p> : null}
      </div>
      {shown.length ? (
        <ul className="list-unstyled" aria-label={t('admin.form.results')}>
          {shown.map((comune) => (
            <li key={comune.istat} className="mb-1">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => {
                  // Added: the search starts afresh for the next Comune.
                  onChange([...chosen, comune]);
                  setTyped('');
                  setResults(null);
                  searchRef.current?.focus();
                }}
              >
                {t('admin.form.add', { name: comune.name, province: comune.provinceCode })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
