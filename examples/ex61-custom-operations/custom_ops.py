"""Project-specific migration operations: op.create_view() and op.drop_view()."""

from alembic.operations import MigrateOperation, Operations


@Operations.register_operation("create_view")
# => registers op.create_view(...); a name that clashes with a built-in op (add_column,
# => execute, ...) silently replaces it, so pick project-specific names
class CreateViewOp(MigrateOperation):
    """A view defined by a SELECT statement."""

    def __init__(self, view_name: str, select_sql: str) -> None:
        self.view_name = view_name  # => e.g. "open_orders"
        self.select_sql = select_sql  # => the SELECT the view stands for

    @classmethod
    def create_view(cls, operations: Operations, view_name: str, select_sql: str) -> None:
        # => the classmethod named like the registered op becomes op.create_view()
        return operations.invoke(cls(view_name, select_sql))
        # => invoke() looks up the implementation registered for CreateViewOp and runs it

    def reverse(self) -> "DropViewOp":
        return DropViewOp(self.view_name, self.select_sql)
        # => the inverse operation: autogenerate calls it to write downgrade() when it produces
        # => this op itself, which needs a comparator and a renderer too (Example 74); unused here


@Operations.register_operation("drop_view")
# => registers op.drop_view(...)
class DropViewOp(MigrateOperation):
    """Drop a view; keeps the SELECT so the drop can be reversed."""

    def __init__(self, view_name: str, select_sql: str | None = None) -> None:
        self.view_name = view_name
        self.select_sql = select_sql  # => optional: only needed to reverse the drop

    @classmethod
    def drop_view(
        cls, operations: Operations, view_name: str, select_sql: str | None = None
    ) -> None:
        return operations.invoke(cls(view_name, select_sql))
        # => op.drop_view("open_orders", OPEN_ORDERS_SQL): with the SELECT, reverse() works

    def reverse(self) -> CreateViewOp:
        if self.select_sql is None:
            raise ValueError(f"cannot reverse drop of {self.view_name}: SELECT unknown")
            # => error case: a drop without its definition has no inverse
        return CreateViewOp(self.view_name, self.select_sql)


@Operations.implementation_for(CreateViewOp)
# => what actually runs when op.create_view() is invoked
def create_view(operations: Operations, operation: CreateViewOp) -> None:
    operations.execute(f"CREATE VIEW {operation.view_name} AS {operation.select_sql}")
    # => plain SQL through the migration connection, inside the revision's transaction


@Operations.implementation_for(DropViewOp)
def drop_view(operations: Operations, operation: DropViewOp) -> None:
    operations.execute(f"DROP VIEW {operation.view_name}")
