// What the SPID/CIE return adds to a page's address: never carried into the next return path.
const RETURN_PARAMETERS = ['accesso', 'identita'];

/** The path and query of a page without the SPID/CIE return's parameters ("/moderazione?x=1"). */
export function withoutReturnParameters(pathname: string, search: string): string {
  const parameters = new URLSearchParams(search);
  for (const name of RETURN_PARAMETERS) parameters.delete(name);
  const query = parameters.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}

/** "SPID_L2" → SPID, level 2 (what the api's redirect says in ?accesso=); anything else: undefined. */
export function parseAuthLevel(value: string | null): { method: 'SPID' | 'CIE'; level: number } | undefined {
  const match = /^(SPID|CIE)_L([123])$/.exec(value ?? '');
  return match ? { method: match[1] as 'SPID' | 'CIE', level: Number(match[2]) } : undefined;
}

/**
 * The sign-in page for a signed-out person on this page, coming back here afterwards (?dopo=). Sent
 * here signed in by SPID/CIE (?accesso=) yet without a session, the page says the sign-in was lost.
 */
export function signInPathFor(pathname: string, search: string): string {
  const back = encodeURIComponent(withoutReturnParameters(pathname, search));
  return new URLSearchParams(search).has('accesso')
    ? `/accedi?identita=session_lost&dopo=${back}`
    : `/accedi?dopo=${back}`;
}
