import { useQuery } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';
import { graphql } from '../gql';
import type { ConsoleTerritoriesQuery } from '../gql/graphql';

export const CONSOLE_TERRITORIES = graphql(`
  query ConsoleTerritories {
    myTerritories {
      id
      name
      comuni {
        istat
        name
        lat
        lon
      }
    }
  }
`);

export type StaffTerritory = ConsoleTerritoriesQuery['myTerritories'][number];

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

/** The staff member's territories and the one chosen (the first when nothing valid was chosen). */
export function useStaffTerritory() {
  const selectedId = useSyncExternalStore(subscribe, chosenId, chosenId);
  const { data, loading, error, refetch } = useQuery(CONSOLE_TERRITORIES);
  const territories = data?.myTerritories ?? [];
  const territory = territories.find((candidate) => candidate.id === selectedId) ?? territories[0];
  return { territories, territory, loading, error, refetch };
}
