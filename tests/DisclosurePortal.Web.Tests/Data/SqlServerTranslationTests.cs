using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// The harness that makes every page test a SQL Server translation test (Infrastructure/SqlServerTranslation; the
/// page tests themselves are the coverage): queries written against the SQLite context are translated to T-SQL
/// without a server, and one SQL Server cannot translate is reported with its LINQ and SQL Server's error.
/// </summary>
public sealed class SqlServerTranslationTests : IDisposable
{
    // Never opened: building a query and ToQueryString need no connection.
    private readonly PortalDbContext _sqlite = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, "Data Source=never-opened.db");
    private readonly SqlServerTranslator _translator = new(outputFolder: null);

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public void PagedQuery_IsTranslatedToTSql()
    {
        var page = _sqlite.Records.Where(r => r.DepartmentId == 3).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip(20).Take(10).Select(r => new { r.Id, r.IndexNumber });

        var translation = _translator.Translate(page.Expression, typeof(IEnumerable<>).MakeGenericType(page.ElementType));

        Assert.Null(translation.Failure);
        var sql = Assert.Single(translation.Sql);
        Assert.Contains("FROM [Records] AS [r]", sql);
        Assert.Matches(@"OFFSET @\w+ ROWS FETCH NEXT @\w+ ROWS ONLY", sql);
    }

    [Fact]
    public void FirstOrDefaultAsync_WithCapturedContext_IsTranslatedToTSql()
    {
        var db = _sqlite;
        var first = db.Records.Where(r => db.RecordVersions.Any(v => v.RecordId == r.Id)).OrderBy(r => r.Id);

        // FirstOrDefaultAsync runs Queryable.FirstOrDefault with a Task result: what the app's compiler is given.
        var call = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(Record)], first.Expression);
        var translation = _translator.Translate(call, typeof(Task<Record>));

        Assert.Null(translation.Failure);
        var sql = Assert.Single(translation.Sql);
        Assert.Contains("SELECT TOP(1)", sql);
        Assert.Contains("EXISTS", sql);
        Assert.Contains("FROM [RecordVersions] AS [", sql);
    }

    [Fact]
    public void QueryThatOnlySqliteTranslates_IsReportedWithItsLinqAndSqlServersError()
    {
        var matching = _sqlite.Records.Where(r => Regex.IsMatch(r.IndexNumber!, "^000-"));
        Assert.Contains("REGEXP", matching.ToQueryString()); // SQLite translates it

        var translation = _translator.Translate(matching.Expression, typeof(IEnumerable<Record>));

        Assert.Empty(translation.Sql);
        var failure = Assert.IsType<SqlServerTranslationFailure>(translation.Failure);
        Assert.Contains("IsMatch", failure.Linq);
        Assert.Contains("could not be translated", failure.Error);
        Assert.Contains("SQL Server cannot translate", new SqlServerTranslationException(failure).Message);
    }

    [Fact]
    public async Task AppQuery_ThatSqlServerCannotTranslate_FailsTheQuery_AndTheHostWhenDisposed()
    {
        if (Environment.GetEnvironmentVariable("DP_SQLSERVER_TRANSLATION") == "off") return;
        var app = new EmptySqlitePortal();
        app.SqlServerTranslation.Translator = _translator; // this deliberate failure stays out of sqlserver-untranslatable.txt
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var error = Assert.Throws<SqlServerTranslationException>(
                () => db.Records.Where(r => Regex.IsMatch(r.IndexNumber!, "^harness-check-")).ToList());
            Assert.Contains("could not be translated", error.Failure.Error);
        }

        var disposal = await Assert.ThrowsAsync<InvalidOperationException>(async () => await app.DisposeAsync());
        Assert.Contains("1 query the app ran cannot be translated for SQL Server", disposal.Message);
        Assert.Contains("harness-check-", disposal.Message);
    }

    [Fact]
    public void RawSql_IsSkipped_NotTranslated()
    {
        var raw = _sqlite.AuditEvents.FromSql($"""SELECT * FROM "AuditEvents" WHERE "Id" > {5}""").OrderBy(e => e.Id);

        var translation = _translator.Translate(raw.Expression, typeof(IEnumerable<>).MakeGenericType(raw.ElementType));

        Assert.Null(translation.Failure);
        Assert.Empty(translation.Sql);
        Assert.Equal("raw SQL", translation.SkippedBecause);
    }
}
