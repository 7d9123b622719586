import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's text search made fast again (issue 21, item 9). The stemmed search had to rank
 * every offer that matched (a common word: a fifth of the catalogue) and ran the typo match, a
 * word_similarity over every offer's whole text, on every search. Now:
 *
 * - offer_search_terms: each offer's lexemes with the offer's ts_rank for that lexeme alone,
 *   indexed by (lexeme, rank DESC, offer_id). A one-word search walks that index best first and
 *   stops at the page, instead of ranking and sorting all the offers that contain the word.
 * - offer_search_words: every distinct word (unaccented, lower case) of the catalogue, with a
 *   trigram index. A typo or a part of a word is matched against these few thousand short words,
 *   not against each offer's text, and turned into the real words' stems (offer_search_expand),
 *   which the stored tsvector's GIN index then answers.
 * - both are kept by statement triggers on service_offers; a word stays once seen (a word no offer
 *   uses any more only expands to a stem that finds nothing).
 *
 * The trigram index over title and description is no longer used (the words table replaces it) and
 * goes. The GIN indexes get fastupdate off: a search would otherwise read the pending list of
 * recent writes in full, and the catalogue is written far less often than it is read.
 */
export class OfferSearchTerms1763702980000 implements MigrationInterface {
  name = 'OfferSearchTerms1763702980000';

  async up(db: QueryRunner): Promise<void> {
    // The lexeme of a one-lexeme query (no weight, no prefix), else NULL: the key of the walk.
    // tsquery's text form quotes the lexeme, doubling quotes and backslashes. One expression, not
    // STRICT, so that the planner inlines it (a SQL function it cannot inline is planned again on
    // every search).
    await db.query(`
      CREATE FUNCTION offer_search_lexeme(query tsquery) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $f$
        SELECT CASE WHEN numnode(query) = 1 THEN
          regexp_replace((regexp_match(query::text, $p$^'((?:[^'\\\\]|''|\\\\.)*)'$$p$))[1],
                         $p$'(')|\\\\(.)$p$, '\\1\\2', 'g')
        END
      $f$`);
    // The inverse: a query of one lexeme, taken as it is (to_tsquery would parse and stem it again).
    await db.query(`
      CREATE FUNCTION offer_search_lexeme_query(lexeme text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $f$
        SELECT ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery
      $f$`);

    await db.query(`
      CREATE TABLE offer_search_terms (
        offer_id uuid NOT NULL REFERENCES service_offers(id) ON DELETE CASCADE,
        lexeme text COLLATE "C" NOT NULL,
        rank real NOT NULL,
        PRIMARY KEY (offer_id, lexeme)
      )`);
    await db.query(`
      INSERT INTO offer_search_terms (offer_id, lexeme, rank)
      SELECT o.id, t.lexeme, ts_rank(o.search_vector, offer_search_lexeme_query(t.lexeme))
        FROM service_offers o, unnest(o.search_vector) AS t`);
    await db.query(
      `CREATE INDEX offer_search_terms_rank_idx ON offer_search_terms (lexeme, rank DESC, offer_id)`,
    );

    await db.query(`CREATE TABLE offer_search_words (word text COLLATE "C" PRIMARY KEY)`);
    await db.query(`
      INSERT INTO offer_search_words (word)
      SELECT DISTINCT w FROM service_offers o,
             unnest(tsvector_to_array(to_tsvector('simple', f_unaccent(o.title || ' ' || o.description)))) AS w`);
    await db.query(`
      CREATE INDEX offer_search_words_trgm_idx ON offer_search_words
        USING gin (word gin_trgm_ops) WITH (fastupdate = off)`);

    // Statement-level, on the transition tables: a bulk insert (a seed, an import) indexes all its
    // offers in a few statements, not a few per offer. An UPDATE that leaves the text as it was
    // (archiving, a new price) changes nothing here. New words go in sorted order, so two writes
    // adding the same new words wait for each other in the same order, never in a circle.
    await db.query(`
      CREATE FUNCTION offer_search_index() RETURNS trigger
        LANGUAGE plpgsql
      AS $f$
      DECLARE
        changed uuid[];
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          SELECT array_agg(n.id) INTO changed
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.search_vector IS DISTINCT FROM o.search_vector;
          DELETE FROM offer_search_terms t USING unnest(changed) AS c(id) WHERE t.offer_id = c.id;
        ELSE
          SELECT array_agg(n.id) INTO changed FROM new_rows n;
        END IF;
        IF changed IS NULL THEN
          RETURN NULL;
        END IF;
        INSERT INTO offer_search_terms (offer_id, lexeme, rank)
        SELECT n.id, t.lexeme, ts_rank(n.search_vector, offer_search_lexeme_query(t.lexeme))
          FROM new_rows n JOIN unnest(changed) AS c(id) ON c.id = n.id, unnest(n.search_vector) AS t;
        INSERT INTO offer_search_words (word)
        SELECT DISTINCT w
          FROM new_rows n JOIN unnest(changed) AS c(id) ON c.id = n.id,
               unnest(tsvector_to_array(to_tsvector('simple', f_unaccent(n.title || ' ' || n.description)))) AS w
         WHERE NOT EXISTS (SELECT 1 FROM offer_search_words sw WHERE sw.word = w)
         ORDER BY w
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $f$`);
    await db.query(`
      CREATE TRIGGER service_offers_search_index_insert AFTER INSERT ON service_offers
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION offer_search_index()`);
    await db.query(`
      CREATE TRIGGER service_offers_search_index_update AFTER UPDATE ON service_offers
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION offer_search_index()`);

    // What the typed words may have meant, as a query on the stems: each word (split as the parser
    // splits it) becomes the stems of the catalogue's words that contain it, or, from 4 letters,
    // that it is within a typo of (word_similarity >= 0.6: "fisoterapia" -> "fisioterapia"); a
    // word under 3 letters only itself. Words AND, a leading minus NOT (without typos). A stop word
    // is left out, as the stemmed query leaves it out; NULL (nothing matches) when a word has no
    // match at all, or nothing is left.
    await db.query(`
      CREATE FUNCTION offer_search_expand(words text[], excluded boolean[]) RETURNS tsquery
        LANGUAGE plpgsql STABLE PARALLEL SAFE
        SET pg_trgm.word_similarity_threshold = 0.6
      AS $f$
      DECLARE
        result tsquery;
        alternatives tsquery;
        found tsquery;
        token text;
        pattern text;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(words, 1), 0) LOOP
          FOREACH token IN ARRAY tsvector_to_array(to_tsvector('simple', f_unaccent(words[i]))) LOOP
            CONTINUE WHEN length(to_tsvector('italian', token)) = 0;
            pattern := '%' || replace(replace(replace(token, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%';
            alternatives := NULL;
            FOR found IN
              SELECT DISTINCT plainto_tsquery('italian', w.word) FROM offer_search_words w
               WHERE (w.word = token
                      OR (length(token) >= 3 AND w.word LIKE pattern)
                      OR (length(token) >= 4 AND NOT coalesce(excluded[i], false) AND w.word %> token))
                 AND length(to_tsvector('italian', w.word)) > 0
            LOOP
              alternatives := coalesce(alternatives || found, found);
            END LOOP;
            IF alternatives IS NULL THEN
              CONTINUE WHEN coalesce(excluded[i], false);
              RETURN NULL;
            END IF;
            IF coalesce(excluded[i], false) THEN
              alternatives := !! alternatives;
            END IF;
            result := coalesce(result && alternatives, alternatives);
          END LOOP;
        END LOOP;
        RETURN result;
      END
      $f$`);

    await db.query(`DROP INDEX service_offers_text_idx`);
    await db.query(`ALTER INDEX service_offers_search_vector_idx SET (fastupdate = off)`);
    await db.query(`SELECT gin_clean_pending_list('service_offers_search_vector_idx')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX service_offers_search_vector_idx RESET (fastupdate)`);
    await db.query(`
      CREATE INDEX IF NOT EXISTS service_offers_text_idx ON service_offers
        USING gin (f_unaccent(lower(title || ' ' || description)) gin_trgm_ops)`);
    await db.query(`DROP FUNCTION IF EXISTS offer_search_expand(text[], boolean[])`);
    await db.query(`DROP TRIGGER IF EXISTS service_offers_search_index_update ON service_offers`);
    await db.query(`DROP TRIGGER IF EXISTS service_offers_search_index_insert ON service_offers`);
    await db.query(`DROP FUNCTION IF EXISTS offer_search_index()`);
    await db.query(`DROP TABLE IF EXISTS offer_search_words`);
    await db.query(`DROP TABLE IF EXISTS offer_search_terms`);
    await db.query(`DROP FUNCTION IF EXISTS offer_search_lexeme_query(text)`);
    await db.query(`DROP FUNCTION IF EXISTS offer_search_lexeme(tsquery)`);
  }
}
