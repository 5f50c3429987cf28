"""The application's order endpoint, reduced to its flag check: python place_order.py ITEM [GIFT]."""

import os
import sys

from sqlalchemy import create_engine, text

item = sys.argv[1]
gift = sys.argv[2] if len(sys.argv) > 2 else None  # => what the customer typed, if anything

engine = create_engine(os.environ["DATABASE_URL"])
with engine.begin() as conn:
    enabled = conn.scalar(text("SELECT enabled FROM feature_flags WHERE name = 'gift_messages'"))
    # => read at run time, on every request: flipping the row changes behaviour at once
    if enabled:  # => the new path (a missing flag, None, counts as off)
        conn.execute(text("INSERT INTO orders (item, gift_message) VALUES (:item, :gift)"),
                     {"item": item, "gift": gift})
        print(f"new path: order for {item}, gift message {gift!r}")
    else:  # => the old path: exactly what the code did before the feature existed
        conn.execute(text("INSERT INTO orders (item) VALUES (:item)"), {"item": item})
        print(f"old path: order for {item}" + (", gift message ignored" if gift else ""))
        # => Output: old path: order for teapot, gift message ignored
