"""Fill orders.total_cents in keyset-paginated batches, one transaction per batch.

Run it between the deploy of 0002 and the deploy of 0003, as often as needed:
    python backfill.py [--batch-size 10000] [--max-batches N] [--pause 0.1]
It starts at the lowest id still NULL, so a second run (after a crash, a Ctrl-C or --max-batches)
carries on where the last committed batch ended.
"""

import argparse
import os
import time

import sqlalchemy as sa

NEXT_UPPER = sa.text(
    "SELECT max(id) FROM (SELECT id FROM orders WHERE id > :last ORDER BY id LIMIT :n) AS batch"
)
# => the id that ends the next batch: the first :n keys after the cursor, read from pk_orders

CONVERT = sa.text(
    "UPDATE orders SET total_cents = (total * 100)::bigint "
    "WHERE id > :last AND id <= :upper AND total_cents IS NULL"
)
# => one key range: an index range scan on pk_orders, never the rows before :last
# => "AND total_cents IS NULL": rows the application already wrote are left alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, default=10_000)  # => rows per transaction
    parser.add_argument("--max-batches", type=int, default=None)  # => stop early, resume later
    parser.add_argument("--pause", type=float, default=0.0)  # => seconds between batches
    args = parser.parse_args()

    engine = sa.create_engine(os.environ["DATABASE_URL"])  # => the same variable env.py reads
    with engine.connect() as conn:
        start = conn.execute(sa.text("SELECT min(id) FROM orders WHERE total_cents IS NULL")).scalar()
        # => where to start: one scan per run (not per batch); None when nothing is left
        conn.rollback()  # => end the read-only transaction before the loop
        if start is None:
            print("nothing to convert")
            return
        last, batches, rows = start - 1, 0, 0  # => the cursor: every id <= last is done
        print(f"starting after id {last}")
        while args.max_batches is None or batches < args.max_batches:
            with conn.begin():  # => BEGIN ... COMMIT around one batch: its row locks last one batch
                upper = conn.execute(NEXT_UPPER, {"last": last, "n": args.batch_size}).scalar()
                if upper is None:  # => no key after the cursor: done
                    break
                done = conn.execute(CONVERT, {"last": last, "upper": upper}).rowcount
            batches, rows, last = batches + 1, rows + done, upper  # => committed: move the cursor
            print(f"batch {batches}: ids up to {upper}, {done} rows")
            time.sleep(args.pause)  # => give replicas and vacuum room on a busy server
    print(f"{rows} rows in {batches} batches; last id {last}")


if __name__ == "__main__":
    main()
