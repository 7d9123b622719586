import './identity.css';
import './messages';
import { useMutation, useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { isNetworkProblem, messageOf, problemsOf } from '../../api/errors';
import type { IdentityProviderKind, IdentityProvidersQuery } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { CieMark, SpidMark } from './marks';
import { IDENTITY_PROVIDERS, START_IDENTITY_SIGN_IN } from './operations';

type Provider = IdentityProvidersQuery['identityProviders'][number];

// SPID level 2 (password and a second factor) unless a page asks otherwise: what a Comune's
// services ask of citizens, and what the staff step-up needs.
const DEFAULT_LEVEL = 2;

/** The providers the api offers, by kind; empty while loading, on failure or when SPID/CIE is off. */
export function useIdentityProviders(): { spid: Provider[]; cie: Provider[]; loaded: boolean } {
  const { data } = useQuery(IDENTITY_PROVIDERS, { fetchPolicy: 'cache-first' });
  const providers = data?.identityProviders ?? [];
  return {
    spid: providers.filter((provider) => provider.kind === 'SPID'),
    cie: providers.filter((provider) => provider.kind === 'CIE'),
    loaded: data !== undefined,
  };
}

/**
 * "Entra con SPID" and "Entra con CIE", after the official buttons (blue #06c, the mark, the text).
 * SPID's opens the list of providers, a disclosure (as the official button's menu); choosing one,
 * or CIE, asks the api for the provider's address and leaves for it: the provider sends the person
 * back to `returnPath` signed in (?accesso=) or to the sign-in page with the reason (?identita=).
 */
export function IdentityButtons({
  spid,
  cie,
  returnPath,
  level = DEFAULT_LEVEL,
}: {
  spid: Provider[];
  cie: Provider[];
  returnPath: string;
  level?: number;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [leavingFor, setLeavingFor] = useState<string>();
  const [error, setError] = useState<string>();
  const [start] = useMutation(START_IDENTITY_SIGN_IN);
  const toggle = useRef<HTMLButtonElement>(null);

  // Back from the provider with the browser's Back button, the page may come from the back/forward
  // cache as it was left: "taking you to…" and disabled buttons. Start afresh.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setLeavingFor(undefined);
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, []);

  async function signIn(kind: IdentityProviderKind, provider: Provider) {
    setError(undefined);
    setLeavingFor(provider.name);
    try {
      const result = await start({
        variables: { input: { provider: kind, providerEntityId: provider.entityId, level, returnPath } },
      });
      const url = result.data?.startIdentityProviderSignIn.authorizationUrl;
      if (!url) throw new Error('startIdentityProviderSignIn answered no URL');
      // A full-page navigation: the provider's own pages, then back to us through the api's callback.
      window.location.assign(url);
    } catch (caught) {
      setLeavingFor(undefined);
      const problems = problemsOf(caught);
      setError(
        isNetworkProblem(problems)
          ? t('errors.NETWORK')
          : messageOf(
              problems[0],
              (key, options) => t(key, options),
              (key) => i18n.exists(key),
            ),
      );
    }
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  }

  const busy = leavingFor !== undefined;
  const listId = `${id}-spid-providers`;
  return (
    <div className="identity">
      <div className="identity-buttons">
        {spid.length ? (
          <div className="identity-spid" onKeyDown={closeOnEscape}>
            <button
              ref={toggle}
              type="button"
              className="identity-button"
              aria-expanded={open}
              aria-controls={listId}
              disabled={busy}
              onClick={() => setOpen(!open)}
            >
              <span className="identity-button__mark">
                <SpidMark />
              </span>
              <span className="identity-button__text">{t('identity.spid')}</span>
            </button>
            <div id={listId} className="identity-menu" hidden={!open}>
              <p id={`${listId}-title`} className="identity-menu__title">
                {t('identity.chooseProvider')}
              </p>
              <ul className="identity-menu__providers" aria-labelledby={`${listId}-title`}>
                {spid.map((provider) => (
                  <li key={provider.entityId}>
                    <button
                      type="button"
                      className="identity-menu__provider"
                      disabled={busy}
                      onClick={() => void signIn('SPID', provider)}
                    >
                      {provider.name}
                    </button>
                  </li>
                ))}
              </ul>
              <p className="identity-menu__level">{t('identity.level')}</p>
              {/* The official button's three links; they lead to spid.gov.it, nothing is loaded from it. */}
              <ul className="identity-menu__links">
                <li>
                  <a href="https://www.spid.gov.it" hrefLang="it">
                    {t('identity.spidMore')}
                  </a>
                </li>
                <li>
                  <a href="https://www.spid.gov.it/richiedi-spid" hrefLang="it">
                    {t('identity.spidNone')}
                  </a>
                </li>
                <li>
                  <a href="https://www.spid.gov.it/serve-aiuto" hrefLang="it">
                    {t('identity.spidHelp')}
                  </a>
                </li>
              </ul>
            </div>
          </div>
        ) : null}
        {cie.length ? (
          <button
            type="button"
            className="identity-button"
            disabled={busy}
            onClick={() => void signIn('CIE', cie[0])}
          >
            <span className="identity-button__mark">
              <CieMark />
            </span>
            <span className="identity-button__text">{t('identity.cie')}</span>
          </button>
        ) : null}
      </div>
      <div role="status" className="identity-status">
        {leavingFor ? t('identity.leaving', { provider: leavingFor }) : null}
      </div>
      {error ? (
        <div className="alert alert-danger mt-3" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
