import { Seeder } from '@prossimo/platform';

/**
 * People a newcomer can sign in as: request a code for the number, read it from the SMS file.
 * Staff roles come from the demo territory, granted through the API (see demo/demo-territory.ts).
 */
export const DEMO_PEOPLE = [
  { phone: '+393331000001', name: 'Maria Rossi', roles: ['citizen'] },
  { phone: '+393331000002', name: 'Luca Bianchi', roles: ['citizen', 'volunteer'] },
  { phone: '+393331000003', name: 'Giulia Verdi', roles: ['citizen'] },
  { phone: '+393331000004', name: 'Sara Gallo', roles: ['citizen'] },
  { phone: '+393331000005', name: 'Paolo Neri', roles: ['citizen'] },
  { phone: '+393331000009', name: 'Amministratore Prossimo', roles: ['platform_admin'] },
] as const;

export const demoPeopleSeeder: Seeder = {
  name: 'demo-people-v2',
  async run(manager) {
    for (const person of DEMO_PEOPLE) {
      const [user]: { id: string }[] = await manager.query(
        `INSERT INTO users (phone_e164, display_name, phone_verified_at) VALUES ($1, $2, now())
         ON CONFLICT (phone_e164) DO UPDATE SET display_name = excluded.display_name RETURNING id`,
        [person.phone, person.name],
      );
      for (const role of person.roles) {
        await manager.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          user.id,
          role,
        ]);
      }
    }
  },
};

export const DEMO_SEEDERS: Seeder[] = [demoPeopleSeeder];
