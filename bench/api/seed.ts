import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { insertBenchTerritory } from '../support/territory';
import { connectSeeded } from '../support/postgres';
import { insertBenchUsers } from '../support/people';

/** Piedmont scale: every Comune of the region in one ambito, a busy catalogue, a town's worth of users. */
export const SCALE = {
  citizens: 2000,
  /** The first citizens also volunteer (they post availability in the mix). */
  volunteers: 500,
  organisations: 500,
  offers: 10_000,
  openNeeds: 3000,
  notificationsPerCitizen: 10,
};

export interface BenchSecrets {
  JWT_SECRET: string;
  OTP_HMAC_SECRET: string;
  FIELD_ENCRYPTION_KEY: string;
}

export interface Comune {
  istat: string;
  lat: number;
  lon: number;
}

export interface SeededWorld {
  territoryId: string;
  comuni: Comune[];
  /** Access tokens of every citizen, in a stable order. */
  citizenTokens: string[];
  /** Access tokens of the citizens who volunteer. */
  volunteerTokens: string[];
  /**
   * Pending proposals to volunteers (one per open need, never two on one helper's same day), for
   * the "accept a proposal" writes; each is taken once, whichever workload takes it.
   */
  pendingProposals: { token: string; proposalId: string }[];
  rows: Record<string, number>;
}

export function generateSecrets(): BenchSecrets {
  return {
    JWT_SECRET: randomBytes(32).toString('hex'),
    OTP_HMAC_SECRET: randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
}

const NEED_CATEGORIES = ['home_help', 'shopping_and_delivery', 'companionship', 'digital_help', 'other'];
const OFFER_CATEGORIES = [
  'rides_and_accompaniment',
  'shared_caregiver',
  'home_help',
  'shopping_and_delivery',
  'companionship',
  'digital_help',
  'childcare',
  'housing',
  'job_inclusion',
  'other',
];

/**
 * Seeds the territory with set-based statements (generate_series), one connection, one
 * transaction: a few seconds for ~50,000 rows. setseed() makes random() repeat run after run.
 */
export async function seedWorld(
  databaseUrl: string,
  secrets: BenchSecrets,
  seed: number,
): Promise<SeededWorld> {
  const client = await connectSeeded(databaseUrl, seed);
  try {
    await client.query(`
      CREATE TEMP TABLE bench_comuni ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY istat)::int AS n, istat, lat, lon FROM comuni WHERE region = 'Piemonte'`);
    const { rows: comuni } = await client.query<Comune>(
      `SELECT istat::text, lat, lon FROM bench_comuni ORDER BY n`,
    );
    if (comuni.length < 1000) throw new Error(`expected the Piedmont Comuni, found ${comuni.length}`);
    const comuneCount = comuni.length;

    const territoryId = await insertBenchTerritory(client, 'Piemonte (benchmark)');

    // People: citizens, the first of them volunteers too, one live session each.
    await insertBenchUsers(client, {
      phonePrefix: '+39347',
      name: 'Persona',
      count: SCALE.citizens,
      table: 'bench_users',
      englishEvery: 10,
    });
    await client.query(`INSERT INTO user_roles (user_id, role) SELECT id, 'citizen' FROM bench_users`);
    await client.query(
      `INSERT INTO user_roles (user_id, role) SELECT id, 'volunteer' FROM bench_users WHERE n <= $1`,
      [SCALE.volunteers],
    );
    await client.query(
      `INSERT INTO volunteer_profiles (user_id, display_name, bio, categories, languages, home_lat, home_lon,
         comune_istat, travel_radius_km, vehicle_seats, weekly_hour_limit)
       SELECT u.id, 'Volontario ' || u.n, 'Aiuto volentieri nel mio Comune.', ARRAY['companionship', 'rides'],
              ARRAY['it'], c.lat + (random() - 0.5) * 0.01, c.lon + (random() - 0.5) * 0.01, c.istat,
              10 + u.n % 20, CASE WHEN u.n % 3 = 0 THEN 3 END, 8
         FROM bench_users u JOIN bench_comuni c ON c.n = 1 + (u.n * 37) % $2
        WHERE u.n <= $1`,
      [SCALE.volunteers, comuneCount],
    );
    const { rows: sessions } = await client.query<{ id: string; userId: string; n: number }>(
      `WITH created AS (
         INSERT INTO sessions (user_id, family_id, refresh_token_hash, expires_at)
         SELECT id, gen_random_uuid(), digest(gen_random_uuid()::text, 'sha256'), now() + interval '1 day'
           FROM bench_users
         RETURNING id, user_id)
       SELECT created.id, created.user_id AS "userId", u.n FROM created JOIN bench_users u ON u.id = created.user_id
        ORDER BY u.n`,
    );

    // Organisations, each accredited in the ambito.
    await client.query(
      `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat,
         contact_email)
       SELECT CASE WHEN g % 3 = 0 THEN 'ets' ELSE 'social_cooperative' END, CASE WHEN g % 3 = 0 THEN 'b' END,
              'Cooperativa Sociale Prossima ' || g, lpad((90000000000 + g)::text, 11, '0'),
              'Servizi alla persona, trasporto sociale e assistenza domiciliare.', c.istat,
              'info' || g || '@coop.example.org'
         FROM generate_series(1, $1) g JOIN bench_comuni c ON c.n = 1 + (g * 7919) % $2`,
      [SCALE.organisations, comuneCount],
    );
    await client.query(`
      CREATE TEMP TABLE bench_organisations ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY codice_fiscale)::int AS n, id, home_comune_istat FROM organisations`);
    await client.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, decided_at)
       SELECT id, $1, 'accredited', now() FROM bench_organisations`,
      [territoryId],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary, decided_at)
       SELECT 'organisation', o.id, o.home_comune_istat, 'published', false, 'organisation', now()
         FROM bench_organisations o`,
    );

    // Service offers around Comune centres (a few km of jitter), a circle each; all published.
    await client.query(
      `WITH picks AS (
         SELECT g, 1 + floor(random() * $3)::int AS cn, random() AS dlat, random() AS dlon
           FROM generate_series(1, $1) g)
       INSERT INTO service_offers (organisation_id, title, category, target_groups, description, radius_km,
         comune_istat, lat, lon, schedule, capacity, languages, price_model, price_unit, price_cents,
         min_cents_per_hour, vouchers_accepted, created_at, updated_at)
       SELECT o.id, 'Servizio ' || g || ' a ' || c.istat, ($4::text[])[1 + g % 10],
              ARRAY['elderly', 'everyone'], 'Aiuto a domicilio, accompagnamento e compagnia per anziani e famiglie.',
              5 + g % 20, c.istat, c.lat + (p.dlat - 0.5) * 0.04, c.lon + (p.dlon - 0.5) * 0.05,
              jsonb_build_array(jsonb_build_object('dayOfWeek', 1 + g % 7, 'start', '09:00', 'end', '13:00')),
              CASE WHEN g % 5 = 0 THEN 10 END, ARRAY['it'],
              CASE WHEN g % 3 = 0 THEN 'free' ELSE 'fixed' END, CASE WHEN g % 3 = 0 THEN NULL ELSE 'hour' END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE 800 + (g % 20) * 100 END,
              CASE WHEN g % 3 = 0 THEN 0 ELSE 800 + (g % 20) * 100 END, g % 4 = 0,
              now() - g * interval '1 minute', now() - g * interval '1 minute'
         FROM picks p
         JOIN bench_comuni c ON c.n = p.cn
         JOIN bench_organisations o ON o.n = 1 + p.g % $2`,
      [SCALE.offers, SCALE.organisations, comuneCount, OFFER_CATEGORIES],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary, decided_at)
       SELECT 'service_offer', id, comune_istat, 'published', false, title, now() FROM service_offers`,
    );

    // Open needs of the first citizens, for themselves; published.
    await client.query(
      `INSERT INTO beneficiaries (kind, user_id, created_by_user_id) SELECT 'self', id, id FROM bench_users`,
    );
    await client.query(
      `WITH picks AS (
         SELECT g, 1 + (g - 1) % ($1 / 3) AS author, 1 + floor(random() * $2)::int AS cn FROM generate_series(1, $1) g)
       INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start,
         window_end, urgency, author_user_id, beneficiary_id, opened_at, created_at, updated_at)
       SELECT gen_random_uuid(), 'citizen', 'open', ($3::text[])[1 + p.g % 5],
              'Cerco qualcuno per la spesa e una chiacchierata.', c.istat, c.lat, c.lon,
              now() + (1 + p.g % 20) * interval '1 day', now() + (1 + p.g % 20) * interval '1 day' + interval '3 hours',
              'normal', u.id, b.id, now(), now() - p.g * interval '1 minute', now()
         FROM picks p
         JOIN bench_users u ON u.n = p.author
         JOIN beneficiaries b ON b.user_id = u.id AND b.kind = 'self'
         JOIN bench_comuni c ON c.n = p.cn`,
      [SCALE.openNeeds, comuneCount, NEED_CATEGORIES],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review,
         summary, decided_at)
       SELECT 'need', id, comune_istat, author_user_id, 'published', false, category || ': ' || description, now()
         FROM needs`,
    );
    await client.query(
      `INSERT INTO status_history (entity_type, entity_id, from_status, to_status, actor_user_id)
       SELECT 'need', id, NULL, 'open', author_user_id FROM needs`,
    );

    // One pending proposal per open need. Need g is on day 1 + g % 20; its helper is volunteer
    // 1 + (g - 1) % 499, so a helper's needs fall on different days (499 = -1 mod 20) and
    // accepting them never overlaps. Nobody is proposed their own need.
    const { rows: proposals } = await client.query<{ id: string; userId: string }>(
      `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown,
         status, expires_at)
       SELECT n.id, v.user_id, v.id, 1, 0.5, 1, $1::jsonb, 'pending', now() + interval '1 day'
         FROM (SELECT id, author_user_id, row_number() OVER (ORDER BY created_at DESC) AS g FROM needs) n
         JOIN bench_users h ON h.n = 1 + (n.g - 1) % 499
         JOIN volunteer_profiles v ON v.user_id = h.id
        WHERE h.id <> n.author_user_id
        ORDER BY n.g
       RETURNING id, helper_user_id AS "userId"`,
      [
        JSON.stringify({
          total: 0.5,
          components: [],
          summary: { it: 'Abita vicino ed è libero.', en: 'Lives nearby and is free.' },
        }),
      ],
    );

    // In-app notifications: a few distinct bodies, encrypted as the api does, shared by many rows.
    const bodies = [
      'La tua richiesta è stata pubblicata.',
      'Un volontario ha risposto alla tua richiesta.',
      'Promemoria: domani alle 10 arriva il passaggio.',
      'Your request was published.',
    ].map((text) => encryptField(secrets.FIELD_ENCRYPTION_KEY, text));
    await client.query(
      `INSERT INTO notifications (user_id, channel, recipient, event, language, body_encrypted, status,
         delivered_at, read_at, created_at, updated_at)
       SELECT u.id, 'in_app', u.id::text, 'need_published', 'it', ($2::text[])[1 + k % 4], 'delivered', now(),
              CASE WHEN k % 2 = 0 THEN now() END, now() - k * interval '1 hour', now()
         FROM bench_users u CROSS JOIN generate_series(1, $1) k`,
      [SCALE.notificationsPerCitizen, bodies],
    );
    await client.query('COMMIT');
    // VACUUM as well: otherwise autovacuum visits the freshly written tables during the first
    // measured phase and its CPU counts against the api.
    await client.query('VACUUM (ANALYZE)');

    const { rows: counts } = await client.query<{ table: string; count: number }>(
      `SELECT 'service_offers' AS table, count(*)::int AS count FROM service_offers
       UNION ALL SELECT 'organisations', count(*)::int FROM organisations
       UNION ALL SELECT 'users', count(*)::int FROM users
       UNION ALL SELECT 'needs', count(*)::int FROM needs
       UNION ALL SELECT 'notifications', count(*)::int FROM notifications
       UNION ALL SELECT 'match_proposals', count(*)::int FROM match_proposals
       UNION ALL SELECT 'territory_comuni', count(*)::int FROM territory_comuni`,
    );
    const tokens = sessions.map((session) => signAccessToken(secrets.JWT_SECRET, session.userId, session.id));
    const tokenOf = new Map(sessions.map((session, index) => [session.userId, tokens[index]]));
    return {
      territoryId,
      comuni,
      citizenTokens: tokens,
      volunteerTokens: tokens.slice(0, SCALE.volunteers),
      pendingProposals: proposals.map((row) => ({
        token: tokenOf.get(row.userId) as string,
        proposalId: row.id,
      })),
      rows: Object.fromEntries(counts.map((row) => [row.table, row.count])),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The claims SessionService signs (sub, sid; HS256, issuer prossimo), valid for the whole run. */
export function signAccessToken(secret: string, userId: string, sessionId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub: userId,
    sid: sessionId,
    iat: now,
    exp: now + 3600,
    iss: 'prossimo',
  })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** FieldCipher's format ("v1:<iv>:<tag>:<ciphertext>", AES-256-GCM) without loading the platform. */
function encryptField(base64Key: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(base64Key, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ciphertext.toString('base64'),
  ].join(':');
}
