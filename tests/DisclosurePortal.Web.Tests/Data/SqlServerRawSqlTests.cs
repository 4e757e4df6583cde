using System.Data;
using System.Data.Common;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// The T-SQL the portal writes by hand for SQL Server (ADR 27) — search, 索引号 counters, the audit chain head — as it
/// would be sent, captured from a SQL Server context whose connection is never opened, and parsed with SQL Server's own
/// parser. This proves the statements are T-SQL, not that they behave (no SQL Server here).
/// </summary>
public sealed class SqlServerRawSqlTests
{
    [Theory]
    [InlineData("危房改造", false)]
    [InlineData("通知 公告", true)]
    [InlineData("农村危房 2026", false)]
    public async Task Search_SendsTransactSql(string words, bool withFilters)
    {
        var (context, sent) = Capturing();
        await using var owned = context;
        Assert.True(SearchTerms.TryParse(words, out var terms, out _));
        var filters = withFilters
            ? new SearchFilters { DomainId = 1, StageId = 2, DepartmentId = 3, PublishedFrom = new DateOnly(2025, 1, 1), PublishedTo = new DateOnly(2026, 12, 31) }
            : new SearchFilters();

        await new SqlServerSearchIndex(context, new SearchSettings()).SearchAsync(new SearchQuery(terms, filters, SearchSort.Relevance, 1, 20), CancellationToken.None);

        var search = Assert.Single(sent, s => s.Contains("[SearchEntries]", StringComparison.Ordinal) && s.Contains("CHARINDEX", StringComparison.Ordinal));
        Assert.Contains("FETCH NEXT", search, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", search, StringComparison.Ordinal);
        Assert.DoesNotContain("||", search, StringComparison.Ordinal);
        Assert.All(sent, sql => SqlServerScriptTests.AssertParses(sql, sql));
    }

    [Fact]
    public async Task IndexNumberCounter_And_AuditChainHead_SendTransactSql()
    {
        var (context, sent) = Capturing();
        await using var owned = context;

        // The empty results the capture returns end each call early; what was sent is what is checked.
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => IndexNumberSerials.NextAsync(context, "11511099022152793X", 2026, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => AuditChainHead.LockAsync(context, 2, CancellationToken.None));

        Assert.Contains(sent, s => s.Contains("UPDATE [IndexNumberCounters]", StringComparison.Ordinal) && s.Contains("OUTPUT INSERTED", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("UPDATE [AuditChainHeads]", StringComparison.Ordinal) && s.Contains("OUTPUT INSERTED", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("INSERT INTO [AuditChainHeads]", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Contains("RETURNING", StringComparison.Ordinal) || s.Contains("ON CONFLICT", StringComparison.Ordinal));
        Assert.All(sent, sql => SqlServerScriptTests.AssertParses(sql, sql));
    }

    /// <summary>A SQL Server context that never connects: every command is recorded and answered with no rows.</summary>
    private static (PortalDbContext Context, List<string> Sent) Capturing()
    {
        var sent = new List<string>();
        var context = DatabaseSetup.CreateContext(DatabaseProvider.SqlServer,
            "Server=sqlserver.never.opened;Database=portal;Integrated Security=true;TrustServerCertificate=true",
            o => o.AddInterceptors(new NeverConnect(), new Capture(sent)));
        return (context, sent);
    }

    private sealed class NeverConnect : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class Capture(List<string> sent) : DbCommandInterceptor
    {
        /// <summary>No rows, with the columns the statement's raw-SQL mapping asks for (EF checks them even without rows).</summary>
        private static DataTable NoRows(string sql)
        {
            var table = new DataTable();
            if (sql.Contains("[AuditChainHeads]", StringComparison.Ordinal))
            {
                table.Columns.Add("Id", typeof(int));
                table.Columns.Add("Sequence", typeof(long));
                table.Columns.Add("LastHash", typeof(string));
            }
            else if (sql.Contains("AS [Value]", StringComparison.Ordinal))
                table.Columns.Add("Value", typeof(int));
            else if (sql.Contains("AS \"Score\"", StringComparison.Ordinal))
            {
                table.Columns.Add("Id", typeof(long));
                table.Columns.Add("Score", typeof(int));
            }
            return table;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            sent.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(NoRows(command.CommandText).CreateDataReader()));
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            sent.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(1));
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            sent.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(0));
        }
    }
}
