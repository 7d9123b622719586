import { graphql } from '../gql';
import type { OrganisationFactsFragment } from '../gql/graphql';
import { useTranslation } from '../i18n';

// What the console shows of an organisation's registration: the fields its list of facts reads.
export const ORGANISATION_FACTS = graphql(`
  fragment OrganisationFacts on Organisation {
    kind
    codiceFiscale
    partitaIva
    runtsSection
    runtsNumber
  }
`);

/**
 * An organisation's kind, codice fiscale, partita IVA (where `withPartitaIva`: the moderator deciding
 * an accreditation reads it, the organisation's own card leaves it to the edit form) and RUNTS entry.
 */
export function OrganisationFacts({
  organisation,
  withPartitaIva = false,
  className = 'facts',
}: {
  organisation: OrganisationFactsFragment;
  withPartitaIva?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <dl className={className}>
      <dt>{t('console.accreditation.kind')}</dt>
      <dd>{t(`console.accreditation.kindName.${organisation.kind}`)}</dd>
      {organisation.codiceFiscale ? (
        <>
          <dt>{t('console.accreditation.codiceFiscale')}</dt>
          <dd>{organisation.codiceFiscale}</dd>
        </>
      ) : null}
      {withPartitaIva && organisation.partitaIva ? (
        <>
          <dt>{t('console.accreditation.partitaIva')}</dt>
          <dd>{organisation.partitaIva}</dd>
        </>
      ) : null}
      {organisation.runtsSection ? (
        <>
          <dt>{t('console.accreditation.runts')}</dt>
          <dd>
            {t('console.accreditation.runtsValue', {
              section: organisation.runtsSection,
              number: organisation.runtsNumber ?? '—',
            })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
