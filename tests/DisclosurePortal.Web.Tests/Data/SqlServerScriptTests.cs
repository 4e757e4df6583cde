using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// SQL Server cannot run here (docs/adr/0027), so its migrations are checked without one: the idempotent script the
/// migrations generate must be the checked-in docs/sql/sqlserver.sql, so that every model change shows its T-SQL in
/// review, and the model must have no change that no SQL Server migration carries.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    private const string Regenerate =
        "dotnet ef migrations script --idempotent --context SqlServerPortalDbContext --project src/DisclosurePortal.Web -o docs/sql/sqlserver.sql";

    private static PortalDbContext Context() =>
        DatabaseSetup.CreateContext(DatabaseProvider.SqlServer, NoSqlServer.ConnectionString);

    [Fact]
    public void IdempotentScript_IsTheCheckedInCopy()
    {
        using var context = Context();
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var checkedIn = File.ReadAllText(Repository.Path("docs", "sql", "sqlserver.sql"));

        Assert.Contains("CREATE TRIGGER [AuditEvents_AppendOnly]", script, StringComparison.Ordinal);
        Assert.True(Normalise(script) == Normalise(checkedIn),
            $"docs/sql/sqlserver.sql is not the script the SQL Server migrations generate. Review the difference and regenerate it: {Regenerate}");
    }

    [Fact]
    public void Model_HasNoChangeThatNoSqlServerMigrationCarries()
    {
        using var context = Context();
        Assert.IsType<SqlServerPortalDbContext>(context);
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changes that no SqlServer migration carries: add one (README, \"Adding a migration\").");
    }

    /// <summary>
    /// The script and the T-SQL each trigger runs (inside EXEC) parse with SQL Server's own parser (ScriptDom, SQL Server
    /// 2022 grammar): a syntax error is found here rather than at a county's first start.
    /// </summary>
    [Fact]
    public void Script_AndEveryTriggerInIt_ParseAsTransactSql()
    {
        var script = File.ReadAllText(Repository.Path("docs", "sql", "sqlserver.sql"));
        AssertParses(script, "docs/sql/sqlserver.sql");
        var executed = ExecutedText().Matches(script).Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, executed.Count(sql => sql.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)));
        foreach (var sql in executed)
            AssertParses(sql, sql[..Math.Min(60, sql.Length)]);
    }

    internal static void AssertParses(string sql, string what)
    {
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, $"{what}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"EXEC\(N'((?:[^']|'')*)'\)", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ExecutedText();

    private static string Normalise(string sql) => sql.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
