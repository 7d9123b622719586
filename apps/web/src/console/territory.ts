import { useQuery } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';
import { graphql } from '../gql';
import type { ConsoleTerritoryFieldsFragment } from '../gql/graphql';
import { useSession } from '../session/session';

// What every console page knows of a territory: its name and its Comuni (names, places on the map).
graphql(`
  fragment ConsoleTerritoryFields on Territory {
    id
    name
    comuni {
      istat
      name
      lat
      lon
    }
  }
`);

export const CONSOLE_TERRITORIES = graphql(`
  query ConsoleTerritories {
    myTerritories {
      ...ConsoleTerritoryFields
    }
  }
`);

// A platform administrator works in every territory: never all of them at once, only the chosen one
// (or the first by name), and the switch searches the rest a page at a time (TerritorySearch).
const CHOSEN_TERRITORY = graphql(`
  query ConsoleChosenTerritory($id: ID!) {
    territory(id: $id) {
      ...ConsoleTerritoryFields
    }
  }
`);

const FIRST_TERRITORY = graphql(`
  query ConsoleFirstTerritory {
    territories(first: 1) {
      items {
        ...ConsoleTerritoryFields
      }
    }
  }
`);

export type StaffTerritory = ConsoleTerritoryFieldsFragment;

// The territory a staff member with several territories is following: kept for the next visit.
const STORAGE_KEY = 'prossimo.console.territory';
const listeners = new Set<() => void>();
let chosen: string | null = readStored();

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function chooseTerritory(id: string): void {
  chosen = id;
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const chosenId = () => chosen;

/** Whether the signed-in person is a platform administrator (every territory is theirs). */
export function useIsPlatformAdmin(): boolean {
  const session = useSession();
  return (
    session.status === 'signedIn' && session.session.user.roles.some((role) => role.role === 'PLATFORM_ADMIN')
  );
}

/**
 * The staff member's territories and the one chosen (the first when nothing valid was chosen). For a
 * platform administrator `territories` holds the chosen one only and `searched` is true: the
 * switch then searches the api's pages instead of listing them all.
 */
export function useStaffTerritory() {
  const selectedId = useSyncExternalStore(subscribe, chosenId, chosenId);
  const admin = useIsPlatformAdmin();
  const mine = useQuery(CONSOLE_TERRITORIES, { skip: admin });
  const picked = useQuery(CHOSEN_TERRITORY, {
    variables: { id: selectedId ?? '' },
    skip: !admin || !selectedId,
  });
  // Nothing chosen, or the chosen one is gone: the first by name.
  const needFirst = admin && (!selectedId || Boolean(picked.error));
  const first = useQuery(FIRST_TERRITORY, { skip: !needFirst });
  if (admin) {
    const territory = needFirst ? first.data?.territories.items[0] : picked.data?.territory;
    return {
      territories: territory ? [territory] : [],
      territory,
      loading: picked.loading || first.loading,
      error: needFirst ? first.error : undefined,
      refetch: needFirst ? first.refetch : picked.refetch,
      searched: true,
    };
  }
  const territories = mine.data?.myTerritories ?? [];
  const territory = territories.find((candidate) => candidate.id === selectedId) ?? territories[0];
  return {
    territories,
    territory,
    loading: mine.loading,
    error: mine.error,
    refetch: mine.refetch,
    searched: false,
  };
}
