using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// The public pages must stay fast at a million records, so every query they send must seek or scan an index:
/// never a full scan of a record table, never a sort of its rows in a temporary B-tree. This runs the pages, takes
/// the exact SQL and parameters EF sent, and asks SQLite for each one's plan (with the output cache off, so that the
/// second request of a page is computed again).
/// </summary>
public sealed class QueryPlanTests(UncachedSqlitePortal factory) : IClassFixture<UncachedSqlitePortal>
{
    private static readonly string[] RecordTables = ["RecordVersions", "Records", "InterpretationLinks", "InterpretationQuestions", "Attachments", "SearchEntries"];

    [Theory]
    [InlineData("/")]
    [InlineData("/domains/rural-dilapidated-housing?stage=decision")]
    [InlineData("/domains/health?stage=service&page=1")]
    [InlineData("/departments")]
    [InlineData("/departments/3?page=2")]
    [InlineData("/departments/3?page=2&after=20991231-1")]
    [InlineData("/departments/3?page=2&before=19000101-1")]
    [InlineData("/domains/health?stage=service&after=20991231-1")]
    [InlineData("/items/5")]
    [InlineData("/records/7")]
    [InlineData("/search?q=%E5%86%9C%E6%9D%91%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0")] // 农村危房改造
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0%20%E8%A1%A5%E5%8A%A9%E8%B5%84%E9%87%91&sort=date&domain=rural-dilapidated-housing&kind=11&validity=1&from=2025-01-01&to=2026-12-31&page=1")]
    [InlineData("/search?q=%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A&department=3&stage=result")] // 通知公告
    [InlineData("/records/7/qr.svg")]
    [InlineData("/feeds/all.atom")]
    [InlineData("/feeds/domains/health.atom")]
    [InlineData("/feeds/departments/3.atom")]
    [InlineData("/feeds/interpretations.atom")]
    public async Task PublicPage_QueriesUseIndexes_NoFullScansOrTempSortsOfRecords(string url)
    {
        var client = factory.CreateClient();
        await client.GetAsync(url);
        factory.Commands.Reset();
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        var commands = factory.Commands.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(commands);

        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        foreach (var command in commands)
        {
            var plan = await PlanAsync(connection, command);
            foreach (var line in plan)
            {
                var table = RecordTables.FirstOrDefault(t => line.Contains($" {t}", StringComparison.Ordinal) || line.Contains($" {Alias(command.Sql, t)} ", StringComparison.Ordinal) || line.EndsWith($" {Alias(command.Sql, t)}", StringComparison.Ordinal));
                if (table is null) continue;
                Assert.False(line.Contains("SCAN", StringComparison.Ordinal) && !line.Contains("USING", StringComparison.Ordinal),
                    $"full scan of {table} on {url}:\n{string.Join("\n", plan)}\n{command.Sql}");
            }
            // A page of records (LIMIT) must come off an index in order; sorting the matching rows first would read
            // all of them. Sorting a handful of reference rows, or one record's few links, is harmless.
            var pagesRecords = command.Sql.Contains("LIMIT", StringComparison.Ordinal)
                && RecordTables.Any(t => command.Sql.Contains($"\"{t}\"", StringComparison.Ordinal));
            Assert.False(pagesRecords && plan.Any(l => l.Contains("TEMP B-TREE", StringComparison.Ordinal)),
                $"temporary sort before a LIMIT on {url}:\n{string.Join("\n", plan)}\n{command.Sql}");
        }
    }

    /// <summary>
    /// A word of three or more characters is answered by the FTS5 trigram index, which walks its matches newest first
    /// (ORDER BY rowid DESC consumed: idxNum 192) and stops at the limit: no scan of the entries, no sort of them.
    /// </summary>
    [Theory]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0%20%E8%A1%A5%E5%8A%A9&sort=date&department=3")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0%20%E8%A1%A5%E5%8A%A9")] // a long word and a short one: the short one filters the long one's matches
    public async Task Search_IsAnsweredByTheTrigramIndex(string url)
    {
        var client = factory.CreateClient();
        await client.GetAsync(url);
        factory.Commands.Reset();
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        var search = factory.Commands.Commands.Single(c => c.Sql.Contains("MATCH", StringComparison.Ordinal));
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var plan = await PlanAsync(connection, search);
        Assert.Contains(plan, l => l.Contains("VIRTUAL TABLE INDEX 192:M", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.StartsWith("SCAN e", StringComparison.Ordinal) || l.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>A 政策问答 interpretation's page (its policies, its questions) and its policy's page (its interpretations).</summary>
    [Fact]
    public async Task InterpretationAndPolicyPages_QueriesUseIndexes()
    {
        factory.CreateClient(); // the app seeds the database when it starts
        int interpretation, policy;
        await using (var db = factory.NewDbContext())
        {
            var version = await db.RecordVersions
                .Where(v => v.IsPublished && v.InterpretationForm == DisclosurePortal.Domain.Publishing.InterpretationForm.QuestionsAndAnswers)
                .OrderBy(v => v.Id).FirstAsync();
            interpretation = version.RecordId;
            policy = await db.InterpretationLinks.Where(l => l.RecordVersionId == version.Id).Select(l => l.PolicyRecordId).FirstAsync();
        }
        await PublicPage_QueriesUseIndexes_NoFullScansOrTempSortsOfRecords($"/records/{interpretation}");
        await PublicPage_QueriesUseIndexes_NoFullScansOrTempSortsOfRecords($"/records/{policy}");
    }

    /// <summary>The alias EF gave a table in the statement (FROM "RecordVersions" AS "r" → r), or the table name.</summary>
    internal static string Alias(string sql, string table)
    {
        var marker = $"\"{table}\" AS \"";
        var at = sql.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return table;
        var start = at + marker.Length;
        return sql[start..sql.IndexOf('"', start)];
    }

    internal static async Task<List<string>> PlanAsync(SqliteConnection connection, CapturedCommand command)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }
}
