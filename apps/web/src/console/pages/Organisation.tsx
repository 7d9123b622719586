import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiForm, ErrorSummary, Field, type FormError, useServerErrors } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import { FIND_COMUNI } from '../comuni';
import type {
  MyOrganisationsConsoleQuery,
  OrganisationKind,
  RegisterOrganisationInput,
  RuntsSection,
} from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { ACCREDITATION_STATUS_TONE, AccreditationHistoryTable } from '../AccreditationHistory';
import { ConsoleLoadState, SelectField, StatusTag, TextAreaField } from '../fields';
import { OrganisationFacts } from '../OrganisationFacts';
import { MyInvitations } from '../organisation/MyInvitations';
import { organisationPath, SECTIONS } from '../organisation/paths';

const MY_ORGANISATIONS = graphql(`
  query MyOrganisationsConsole {
    myOrganisations {
      id
      name
      ...OrganisationFacts
      homeComuneIstat
      accreditations {
        id
        territoryId
        status
        reason
        updatedAt
      }
    }
  }
`);

const REGISTER = graphql(`
  mutation RegisterOrganisationConsole($input: RegisterOrganisationInput!) {
    registerOrganisation(input: $input) {
      id
      name
    }
  }
`);

const TERRITORIES_OF_COMUNE = graphql(`
  query TerritoriesOfComune($istat: String!) {
    territoriesOfComune(istat: $istat) {
      id
      name
    }
  }
`);

const REQUEST_ACCREDITATION = graphql(`
  mutation RequestAccreditationConsole($input: RequestAccreditationInput!) {
    requestAccreditation(input: $input) {
      id
      status
    }
  }
`);

const ORGANISATION_HISTORY = graphql(`
  query OrganisationAccreditationHistory($organisationId: ID!) {
    accreditationHistory(organisationId: $organisationId) {
      ...AccreditationHistoryFields
    }
  }
`);

const KINDS: OrganisationKind[] = ['ETS', 'SOCIAL_COOPERATIVE', 'COMPANY', 'PUBLIC_BODY'];
const RUNTS_SECTIONS: RuntsSection[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

// The api's field names -> this form's inputs (they are the same).
const FIELD_IDS = Object.fromEntries(
  [
    'name',
    'kind',
    'codiceFiscale',
    'partitaIva',
    'runtsSection',
    'runtsNumber',
    'description',
    'homeComuneIstat',
    'contactEmail',
    'contactPhone',
  ].map((field) => [field, field]),
);

interface OrganisationForm {
  name: string;
  kind: OrganisationKind;
  codiceFiscale: string;
  partitaIva: string;
  runtsSection: RuntsSection | '';
  runtsNumber: string;
  description: string;
  comuneSearch: string;
  homeComuneIstat: string;
  contactEmail: string;
  contactPhone: string;
}

const EMPTY: OrganisationForm = {
  name: '',
  kind: 'ETS',
  codiceFiscale: '',
  partitaIva: '',
  runtsSection: '',
  runtsNumber: '',
  description: '',
  comuneSearch: '',
  homeComuneIstat: '',
  contactEmail: '',
  contactPhone: '',
};

function checkForm(form: OrganisationForm, t: (key: string) => string): FormError[] {
  const errors: FormError[] = [];
  const need = (ok: boolean, fieldId: string, key: string) => {
    if (!ok) errors.push({ fieldId, message: t(`console.organisation.${key}`) });
  };
  need(form.name.trim().length > 0, 'name', 'missingName');
  need(form.codiceFiscale.trim().length > 0, 'codiceFiscale', 'missingCodiceFiscale');
  need(form.kind !== 'ETS' || Boolean(form.runtsSection), 'runtsSection', 'missingRunts');
  need(form.description.trim().length > 0, 'description', 'missingDescription');
  need(Boolean(form.homeComuneIstat), 'homeComuneIstat', 'missingComune');
  return errors;
}

function toInput(form: OrganisationForm): RegisterOrganisationInput {
  const optional = (value: string) => value.trim() || null;
  return {
    name: form.name.trim(),
    kind: form.kind,
    codiceFiscale: form.codiceFiscale.trim(),
    partitaIva: optional(form.partitaIva),
    runtsSection: form.runtsSection || null,
    runtsNumber: optional(form.runtsNumber),
    description: form.description.trim(),
    homeComuneIstat: form.homeComuneIstat,
    contactEmail: optional(form.contactEmail),
    contactPhone: optional(form.contactPhone),
  };
}

/** A Third Sector organisation's own page: register it, ask the territories for accreditation, follow the history. */
export default function Organisation() {
  const { t } = useTranslation();
  const organisations = useQuery(MY_ORGANISATIONS, { fetchPolicy: 'cache-and-network' });
  const [registering, setRegistering] = useState(false);
  const list = organisations.data?.myOrganisations ?? [];
  return (
    <Page title={t('console.organisation.title')} lead={t('console.organisation.lead')}>
      <ConsoleLoadState
        loading={organisations.loading && !organisations.data}
        error={organisations.error}
        onRetry={() => void organisations.refetch()}
      />
      <MyInvitations onAccepted={() => void organisations.refetch()} />
      {list.map((organisation) => (
        <OrganisationCard
          key={organisation.id}
          organisation={organisation}
          onChanged={() => void organisations.refetch()}
        />
      ))}
      {organisations.data && !list.length && !registering ? <p>{t('console.organisation.none')}</p> : null}
      {registering ? (
        <RegisterForm
          onRegistered={() => {
            setRegistering(false);
            void organisations.refetch();
          }}
        />
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => setRegistering(true)}>
          {t('console.organisation.registerButton')}
        </button>
      )}
    </Page>
  );
}

type MyOrganisation = MyOrganisationsConsoleQuery['myOrganisations'][number];

function OrganisationCard({
  organisation,
  onChanged,
}: {
  organisation: MyOrganisation;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const territories = useQuery(TERRITORIES_OF_COMUNE, { variables: { istat: organisation.homeComuneIstat } });
  const history = useQuery(ORGANISATION_HISTORY, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  const [requestAccreditation, { loading }] = useMutation(REQUEST_ACCREDITATION);
  const [territoryId, setTerritoryId] = useState('');
  const [sent, setSent] = useState(false);
  const errors = useServerErrors();
  const names = new Map((territories.data?.territoriesOfComune ?? []).map((item) => [item.id, item.name]));
  const id = `org-${organisation.id}`;
  const requested = new Set(organisation.accreditations.map((accreditation) => accreditation.territoryId));
  const open = (territories.data?.territoriesOfComune ?? []).filter((item) => !requested.has(item.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!territoryId) {
      errors.show([{ fieldId: `${id}-territory`, message: t('console.organisation.missingTerritory') }]);
      return;
    }
    try {
      await requestAccreditation({ variables: { input: { organisationId: organisation.id, territoryId } } });
      errors.clear();
      setSent(true);
      setTerritoryId('');
      onChanged();
      await history.refetch();
    } catch (error) {
      errors.showApiError(error, { territoryId: `${id}-territory` });
    }
  }

  return (
    <section className="card card-bg mb-4" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h3">
          {organisation.name}
        </h2>
        <nav aria-label={t('ets.frame.sectionsOf', { name: organisation.name })} className="mb-3">
          <ul className="console-nav">
            {SECTIONS.map((section) => (
              <li key={section}>
                <Link to={organisationPath(organisation.id, section)}>{t(`ets.section.${section}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <OrganisationFacts organisation={organisation} />
        <h3 className="h4 mt-3">{t('console.organisation.accreditationsTitle')}</h3>
        {organisation.accreditations.length ? (
          <ul className="list-unstyled">
            {organisation.accreditations.map((accreditation) => (
              <li key={accreditation.id} className="mb-2">
                {names.get(accreditation.territoryId) ?? accreditation.territoryId}:{' '}
                <StatusTag tone={ACCREDITATION_STATUS_TONE[accreditation.status]}>
                  {t(`console.accreditation.status.${accreditation.status}`)}
                </StatusTag>
                {accreditation.reason ? <span className="small"> — {accreditation.reason}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('console.organisation.noAccreditations')}</p>
        )}
        {sent ? (
          <p className="alert alert-success" role="status">
            {t('console.organisation.requested')}
          </p>
        ) : null}
        <ErrorSummary errors={errors} />
        {open.length ? (
          <form
            className="filters d-flex flex-wrap align-items-end gap-3"
            noValidate
            onSubmit={(event) => void submit(event)}
          >
            <SelectField
              id={`${id}-territory`}
              label={t('console.organisation.territory')}
              hint={t('console.organisation.territoryHint')}
              error={errors.byField[`${id}-territory`]}
              value={territoryId}
              onChange={(event) => setTerritoryId(event.target.value)}
            >
              <option value="">—</option>
              {open.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn btn-primary mb-4" disabled={loading}>
              {t('console.organisation.requestButton')}
            </button>
          </form>
        ) : null}
        {history.data?.accreditationHistory.length ? (
          <AccreditationHistoryTable
            name={organisation.name}
            entries={history.data.accreditationHistory}
            second={{
              heading: t('console.organisation.territory'),
              cellOf: (entry) => names.get(entry.territoryId) ?? entry.territoryId,
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<OrganisationForm>(EMPTY);
  const errors = useServerErrors();
  const [register, { loading }] = useMutation(REGISTER);
  const [findComuni, comuni] = useLazyQuery(FIND_COMUNI);
  const set = <K extends keyof OrganisationForm>(key: K, value: OrganisationForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const text = (key: keyof OrganisationForm) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });
  const matches = comuni.data?.comuni.items ?? [];

  async function submit() {
    const problems = checkForm(form, t);
    if (problems.length) {
      errors.show(problems);
      return;
    }
    try {
      await register({ variables: { input: toInput(form) } });
      errors.clear();
      onRegistered();
    } catch (error) {
      errors.showApiError(error, FIELD_IDS);
    }
  }

  return (
    <section aria-labelledby="register-title" className="readable">
      <h2 id="register-title">{t('console.organisation.registerTitle')}</h2>
      <ApiForm errors={errors} onSubmit={submit}>
        <Field
          id="name"
          label={t('console.organisation.name')}
          error={errors.byField.name}
          {...text('name')}
        />
        <SelectField
          id="kind"
          label={t('console.accreditation.kind')}
          value={form.kind}
          onChange={(event) => set('kind', event.target.value as OrganisationKind)}
        >
          <Options values={KINDS} labelOf={(kind) => t(`console.accreditation.kindName.${kind}`)} />
        </SelectField>
        <Field
          id="codiceFiscale"
          label={t('console.accreditation.codiceFiscale')}
          hint={t('console.organisation.codiceFiscaleHint')}
          inputMode="text"
          autoComplete="off"
          error={errors.byField.codiceFiscale}
          {...text('codiceFiscale')}
        />
        <Field
          id="partitaIva"
          label={`${t('console.accreditation.partitaIva')} ${t('console.common.optional')}`}
          hint={t('console.organisation.partitaIvaHint')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.byField.partitaIva}
          {...text('partitaIva')}
        />
        <SelectField
          id="runtsSection"
          label={t('console.organisation.runtsSection')}
          hint={t('console.organisation.runtsHint')}
          error={errors.byField.runtsSection}
          {...text('runtsSection')}
        >
          <option value="">—</option>
          <Options
            values={RUNTS_SECTIONS}
            labelOf={(section) => t(`console.organisation.runtsSections.${section}`)}
          />
        </SelectField>
        <Field
          id="runtsNumber"
          label={`${t('console.organisation.runtsNumber')} ${t('console.common.optional')}`}
          autoComplete="off"
          error={errors.byField.runtsNumber}
          {...text('runtsNumber')}
        />
        <TextAreaField
          id="description"
          label={t('console.organisation.description')}
          error={errors.byField.description}
          {...text('description')}
        />
        <div className="d-flex flex-wrap align-items-end gap-3">
          <Field
            id="comuneSearch"
            label={t('console.organisation.comuneSearch')}
            autoComplete="address-level2"
            {...text('comuneSearch')}
          />
          <button
            type="button"
            className="btn btn-outline-primary mb-4"
            onClick={() => {
              if (form.comuneSearch.trim())
                void findComuni({ variables: { search: form.comuneSearch.trim() } });
            }}
          >
            {t('console.organisation.comuneFind')}
          </button>
        </div>
        <SelectField
          id="homeComuneIstat"
          label={t('console.organisation.homeComune')}
          error={errors.byField.homeComuneIstat}
          {...text('homeComuneIstat')}
        >
          <option value="">{matches.length ? '—' : t('console.organisation.comuneFirst')}</option>
          {matches.map((comune) => (
            <option key={comune.istat} value={comune.istat}>
              {comune.name} ({comune.provinceCode})
            </option>
          ))}
        </SelectField>
        <Field
          id="contactEmail"
          type="email"
          autoComplete="email"
          label={`${t('console.organisation.contactEmail')} ${t('console.common.optional')}`}
          error={errors.byField.contactEmail}
          {...text('contactEmail')}
        />
        <Field
          id="contactPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          label={`${t('console.organisation.contactPhone')} ${t('console.common.optional')}`}
          error={errors.byField.contactPhone}
          {...text('contactPhone')}
        />
        <button type="submit" className="btn btn-primary" disabled={loading}>
          {t('console.organisation.registerSubmit')}
        </button>
      </ApiForm>
    </section>
  );
}
