import { Role, UserRolesRepository, UsersRepository } from '@prossimo/identity';
import { Seeder } from '@prossimo/platform';

/**
 * People a newcomer can sign in as: request a code for the number, read it from the SMS file.
 * Staff roles come from the demo territory, granted through the API (see demo/demo-territory.ts).
 */
export const DEMO_PEOPLE = [
  { phone: '+393331000001', name: 'Maria Rossi', roles: [Role.CITIZEN] },
  { phone: '+393331000002', name: 'Luca Bianchi', roles: [Role.CITIZEN, Role.VOLUNTEER] },
  { phone: '+393331000003', name: 'Giulia Verdi', roles: [Role.CITIZEN] },
  { phone: '+393331000004', name: 'Sara Gallo', roles: [Role.CITIZEN] },
  { phone: '+393331000005', name: 'Paolo Neri', roles: [Role.CITIZEN] },
  { phone: '+393331000009', name: 'Amministratore Prossimo', roles: [Role.PLATFORM_ADMIN] },
] as const;

export const demoPeopleSeeder: Seeder = {
  name: 'demo-people-v2',
  async run(manager) {
    // Identity's own statements: the launcher writes no table of a library itself.
    const users = new UsersRepository();
    const roles = new UserRolesRepository(manager.connection);
    for (const person of DEMO_PEOPLE) {
      const userId = await users.upsertVerifiedPerson(manager, person.phone, person.name);
      for (const role of person.roles) await roles.grantRole(manager, userId, role);
    }
  },
};

export const DEMO_SEEDERS: Seeder[] = [demoPeopleSeeder];
