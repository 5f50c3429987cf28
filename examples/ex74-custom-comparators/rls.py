"""Row-level security for autogenerate: two operations, their SQL, their rendering, a comparator."""

from alembic.autogenerate import comparators, renderers
from alembic.operations import MigrateOperation, Operations
from sqlalchemy import text


@Operations.register_operation("enable_rls")  # => makes op.enable_rls(...) exist in revisions
class EnableRLSOp(MigrateOperation):
    def __init__(self, table_name: str) -> None:
        self.table_name = table_name  # => the table whose RLS flag changes

    @classmethod
    def enable_rls(cls, operations: Operations, table_name: str) -> None:
        return operations.invoke(cls(table_name))  # => runs the implementation below

    def reverse(self) -> "DisableRLSOp":
        return DisableRLSOp(self.table_name)  # => lets autogenerate write downgrade()


@Operations.register_operation("disable_rls")  # => op.disable_rls(...)
class DisableRLSOp(MigrateOperation):
    def __init__(self, table_name: str) -> None:
        self.table_name = table_name

    @classmethod
    def disable_rls(cls, operations: Operations, table_name: str) -> None:
        return operations.invoke(cls(table_name))

    def reverse(self) -> EnableRLSOp:
        return EnableRLSOp(self.table_name)


@Operations.implementation_for(EnableRLSOp)
def _enable(operations: Operations, operation: EnableRLSOp) -> None:
    operations.execute(f"ALTER TABLE {operation.table_name} ENABLE ROW LEVEL SECURITY")
    # => `ALTER TABLE documents ENABLE ROW LEVEL SECURITY`


@Operations.implementation_for(DisableRLSOp)
def _disable(operations: Operations, operation: DisableRLSOp) -> None:
    operations.execute(f"ALTER TABLE {operation.table_name} DISABLE ROW LEVEL SECURITY")


@renderers.dispatch_for(EnableRLSOp)  # => the Python line autogenerate writes for this op
def _render_enable(autogen_context, op: EnableRLSOp) -> str:
    return f"op.enable_rls({op.table_name!r})"  # => op.enable_rls('documents')


@renderers.dispatch_for(DisableRLSOp)
def _render_disable(autogen_context, op: DisableRLSOp) -> str:
    return f"op.disable_rls({op.table_name!r})"  # => op.disable_rls('documents')


@comparators.dispatch_for("schema")  # => called once per autogenerate run, with the schemas to compare
def compare_rls(autogen_context, upgrade_ops, schemas) -> None:
    wanted = {
        table.name: bool(table.info.get("row_level_security"))
        for table in autogen_context.metadata.sorted_tables
    }  # => {'documents': True}: what the models ask for
    rows = autogen_context.connection.execute(text(
        "SELECT relname, relrowsecurity FROM pg_class"
        " WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'"
    ))  # => `SELECT relname, relrowsecurity FROM pg_class`: what the database has
    actual = dict(rows.all())  # => {'alembic_version': False, 'documents': False}
    for name, enabled in sorted(wanted.items()):
        if name not in actual or actual[name] == enabled:
            continue  # => table not created yet, or already in the wanted state
        op_class = EnableRLSOp if enabled else DisableRLSOp
        upgrade_ops.ops.append(op_class(name))  # => becomes a line of upgrade()
