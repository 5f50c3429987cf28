"""Which labels SQLAlchemy writes for a Python enum.Enum: the members' names, unless told otherwise."""

import enum

import sqlalchemy as sa


class Priority(enum.Enum):
    LOW = "low"  # => name LOW, value "low"
    NORMAL = "normal"
    HIGH = "high"


print(sa.Enum(Priority, name="order_priority").enums)
# => Output: ['LOW', 'NORMAL', 'HIGH']
# => the names: these labels do not match the type revision 0002 created (low, normal, high)
print(sa.Enum(Priority, name="order_priority", values_callable=lambda e: [m.value for m in e]).enums)
# => Output: ['low', 'normal', 'high']
# => values_callable: the labels are the values, the ones revision 0002 created
