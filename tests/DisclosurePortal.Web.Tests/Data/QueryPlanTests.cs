using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// The public pages must stay fast at a million records, so every query they send must seek or scan an index:
/// never a full scan of a record table, never a sort of its rows in a temporary B-tree. This runs the pages, takes
/// the exact SQL and parameters EF sent, and asks SQLite for each one's plan.
/// </summary>
public sealed class QueryPlanTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private static readonly string[] RecordTables = ["RecordVersions", "Records", "InterpretationLinks", "InterpretationQuestions", "Attachments"];

    [Theory]
    [InlineData("/")]
    [InlineData("/domains/rural-dilapidated-housing?stage=decision")]
    [InlineData("/domains/health?stage=service&page=1")]
    [InlineData("/departments")]
    [InlineData("/departments/3?page=2")]
    [InlineData("/items/5")]
    [InlineData("/records/7")]
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
    private static string Alias(string sql, string table)
    {
        var marker = $"\"{table}\" AS \"";
        var at = sql.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return table;
        var start = at + marker.Length;
        return sql[start..sql.IndexOf('"', start)];
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, CapturedCommand command)
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
