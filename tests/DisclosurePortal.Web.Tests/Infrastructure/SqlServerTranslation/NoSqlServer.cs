using System.Data;
using System.Data.Common;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;

/// <summary>
/// A SQL Server context that never reaches a server (none runs here, ADR 27): opening the connection is suppressed and
/// every command is kept by a <see cref="CommandCapture"/> and answered with nothing. Used to see the T-SQL the portal
/// would send: its LINQ (<see cref="SqlServerTranslator"/>) and its hand-written SQL (SqlServerRawSqlTests).
/// </summary>
public static class NoSqlServer
{
    /// <summary>A placeholder nothing ever connects to.</summary>
    public const string ConnectionString = "Server=sqlserver.invalid;Database=portal;Integrated Security=true;TrustServerCertificate=true";

    public static PortalDbContext Context(CommandCapture capture) =>
        DatabaseSetup.CreateContext(DatabaseProvider.SqlServer, ConnectionString, options => options.AddInterceptors(new NeverConnect(), capture));

    private sealed class NeverConnect : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }
}

/// <summary>
/// Keeps each command's text between <see cref="Start"/> and <see cref="Stop"/> and answers it with nothing: no rows
/// (with the columns <paramref name="columnsFor"/> names, which EF checks for raw-SQL results even without rows), no
/// scalar, no rows affected.
/// </summary>
public sealed class CommandCapture(Func<string, DataTable>? columnsFor = null) : DbCommandInterceptor
{
    private List<string>? _commands;

    public void Start() => _commands = [];

    public IReadOnlyList<string> Stop()
    {
        var commands = _commands ?? [];
        _commands = null;
        return commands;
    }

    private void Keep(DbCommand command) => _commands?.Add(command.CommandText);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        var rows = columnsFor?.Invoke(command.CommandText) ?? new DataTable();
        return InterceptionResult<DbDataReader>.SuppressWithResult(rows.CreateDataReader());
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Keep(command);
        return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Keep(command);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));
}
