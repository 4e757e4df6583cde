using System.Data;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;

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
        var capture = new CommandCapture(NoRows);
        await using var context = NoSqlServer.Context(capture);
        Assert.True(SearchTerms.TryParse(words, out var terms, out _));
        var filters = withFilters
            ? new SearchFilters { DomainId = 1, StageId = 2, DepartmentId = 3, PublishedFrom = new DateOnly(2025, 1, 1), PublishedTo = new DateOnly(2026, 12, 31) }
            : new SearchFilters();

        capture.Start();
        await new SqlServerSearchIndex(context, new SearchSettings()).SearchAsync(new SearchQuery(terms, filters, SearchSort.Relevance, 1, 20), CancellationToken.None);
        var sent = capture.Stop();

        var search = Assert.Single(sent, s => s.Contains("[SearchEntries]", StringComparison.Ordinal) && s.Contains("CHARINDEX", StringComparison.Ordinal));
        Assert.Contains("FETCH NEXT", search, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", search, StringComparison.Ordinal);
        Assert.DoesNotContain("||", search, StringComparison.Ordinal);
        Assert.All(sent, sql => SqlServerScriptTests.AssertParses(sql, sql));
    }

    [Fact]
    public async Task IndexNumberCounter_And_AuditChainHead_SendTransactSql()
    {
        var capture = new CommandCapture(NoRows);
        await using var context = NoSqlServer.Context(capture);

        capture.Start();
        // The empty results the capture returns end each call early; what was sent is what is checked.
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => IndexNumberSerials.NextAsync(context, "11511099022152793X", 2026, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => AuditChainHead.LockAsync(context, 2, CancellationToken.None));
        var sent = capture.Stop();

        Assert.Contains(sent, s => s.Contains("UPDATE [IndexNumberCounters]", StringComparison.Ordinal) && s.Contains("OUTPUT INSERTED", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("UPDATE [AuditChainHeads]", StringComparison.Ordinal) && s.Contains("OUTPUT INSERTED", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("INSERT INTO [AuditChainHeads]", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Contains("RETURNING", StringComparison.Ordinal) || s.Contains("ON CONFLICT", StringComparison.Ordinal));
        Assert.All(sent, sql => SqlServerScriptTests.AssertParses(sql, sql));
    }

    /// <summary>No rows, with the columns the statement's raw-SQL mapping asks for.</summary>
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
            table.Columns.Add("Score", typeof(double));
            table.Columns.Add("Exact", typeof(int));
            foreach (var facet in new[] { "Kind", "DomainId", "StageId", "DepartmentId", "RecordKind", "Validity", "Year" })
                table.Columns.Add(facet, typeof(int));
        }
        return table;
    }
}
