"""Row-level security for autogenerate: two operations, their SQL, their rendering, a comparator."""

from alembic.autogenerate import comparators, renderers
from alembic.operations import MigrateOperation, Operations
from sqlalchemy import text


def _qualified(schema: str | None, table_name: str) -> str:
    return f"{schema}.{table_name}" if schema else table_name  # => documents, or tenant.documents


@Operations.register_operation("enable_rls")  # => makes op.enable_rls(...) exist in revisions
class EnableRLSOp(MigrateOperation):
    def __init__(self, table_name: str, schema: str | None = None) -> None:
        self.table_name = table_name  # => the table whose RLS flag changes
        self.schema = schema  # => None: the default schema

    @classmethod
    def enable_rls(cls, operations: Operations, table_name: str, schema: str | None = None) -> None:
        return operations.invoke(cls(table_name, schema))  # => runs the implementation below

    def reverse(self) -> "DisableRLSOp":
        return DisableRLSOp(self.table_name, self.schema)  # => lets autogenerate write downgrade()

    def to_diff_tuple(self) -> tuple:
        return ("enable_rls", self.schema, self.table_name)
        # => what `alembic check` lists: without it, check dies with NotImplementedError


@Operations.register_operation("disable_rls")  # => op.disable_rls(...)
class DisableRLSOp(MigrateOperation):
    def __init__(self, table_name: str, schema: str | None = None) -> None:
        self.table_name = table_name
        self.schema = schema

    @classmethod
    def disable_rls(cls, operations: Operations, table_name: str, schema: str | None = None) -> None:
        return operations.invoke(cls(table_name, schema))

    def reverse(self) -> EnableRLSOp:
        return EnableRLSOp(self.table_name, self.schema)

    def to_diff_tuple(self) -> tuple:
        return ("disable_rls", self.schema, self.table_name)


@Operations.implementation_for(EnableRLSOp)
def _enable(operations: Operations, operation: EnableRLSOp) -> None:
    name = _qualified(operation.schema, operation.table_name)
    operations.execute(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
    # => `ALTER TABLE documents ENABLE ROW LEVEL SECURITY`


@Operations.implementation_for(DisableRLSOp)
def _disable(operations: Operations, operation: DisableRLSOp) -> None:
    name = _qualified(operation.schema, operation.table_name)
    operations.execute(f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")


@renderers.dispatch_for(EnableRLSOp)  # => the Python line autogenerate writes for this op
def _render_enable(autogen_context, op: EnableRLSOp) -> str:
    if op.schema:
        return f"op.enable_rls({op.table_name!r}, schema={op.schema!r})"
    return f"op.enable_rls({op.table_name!r})"  # => op.enable_rls('documents')


@renderers.dispatch_for(DisableRLSOp)
def _render_disable(autogen_context, op: DisableRLSOp) -> str:
    if op.schema:
        return f"op.disable_rls({op.table_name!r}, schema={op.schema!r})"
    return f"op.disable_rls({op.table_name!r})"  # => op.disable_rls('documents')


@comparators.dispatch_for("table")
# => called once per table autogenerate compares: existing, new (conn_table None) or removed
def compare_rls(autogen_context, modify_table_ops, schema, table_name, conn_table,
                metadata_table) -> None:
    if metadata_table is None:
        return  # => a table the models drop: its RLS flag goes with it
    wanted = bool(metadata_table.info.get("row_level_security"))  # => what the model asks for
    if conn_table is None:
        actual = False  # => a new table starts with RLS off
    else:
        actual = autogen_context.connection.scalar(text(
            "SELECT relrowsecurity FROM pg_class"
            " WHERE oid = to_regclass(:name)"
        ), {"name": _qualified(schema, table_name)})
        # => `SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(`: one row, this table
    if wanted != actual:
        op_class = EnableRLSOp if wanted else DisableRLSOp
        modify_table_ops.ops.append(op_class(table_name, schema))
        # => lands in this table's ops: after create_table for a new table
