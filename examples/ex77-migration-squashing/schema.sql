-- The schema as the catalogs describe it, in a fixed order: same schema, same output.
-- psql "$DATABASE_URL" -X -q -f schema.sql > before.txt
SELECT c.relname AS "table", a.attname AS "column",
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       a.attidentity AS identity, pg_get_expr(d.adbin, d.adrelid) AS "default"
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum;
-- => columns in table order, with type, NOT NULL, identity (d = BY DEFAULT) and default

SELECT conrelid::regclass AS "table", conname AS "constraint",
       pg_get_constraintdef(oid) AS definition
FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2;
-- => every constraint by name: a renamed constraint shows up as a difference

SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1;

SELECT sequencename, data_type, start_value, increment_by
FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1;
-- => not last_value: that depends on the rows, not on the schema

SELECT p.oid::regprocedure AS function, md5(p.prosrc) AS body
FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1;

SELECT tgrelid::regclass AS "table", pg_get_triggerdef(oid) AS "trigger"
FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2;

SELECT relname AS "object", relacl AS grants FROM pg_class
WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S')
ORDER BY 1;

SELECT extname FROM pg_extension ORDER BY 1;
-- => what it does not cover: seed rows, comments, storage settings
