-- Objects in the same database that this application's migrations must never drop.
CREATE TABLE spatial_ref_sys (srid integer PRIMARY KEY, auth_name varchar(256));
-- => stand-in for the table CREATE EXTENSION postgis creates in the public schema
CREATE TABLE billing_invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric);
-- => the billing service's table; its own migrations manage it
CREATE TABLE events_2027_01 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
-- => next month's partition, created by a scheduled job
CREATE INDEX dba_users_status ON users (status);
-- => an index a DBA added for a report
