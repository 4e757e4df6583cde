using System.Data.Common;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Search;
using DisclosurePortal.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// PostgreSQL: one tsquery over the entries' token vector (GIN index), each word a phrase of its tokens
/// ('农村' &lt;-&gt; '村危' &lt;-&gt; '危房'), or its synonyms' phrases (|), the words joined by &amp;. The tsquery is built from the tokens, which are only
/// letters, digits and 汉字, and cast rather than parsed, so nothing typed is syntax. Relevance is ts_rank_cd with
/// weights title 1.0, 文号 and 索引号 0.5, body 0.1, divided by 1 + the log of the entry's length (normalization 1).
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db, SearchSettings settings) : SqlSearchIndex(db, settings)
{
    protected override MatchPlan Match(IReadOnlyList<IReadOnlyList<string>> alternatives, IReadOnlyList<string> words, Func<object, string> parameter)
    {
        var query = parameter(string.Join(" & ", alternatives.Select(a => "(" + string.Join(" | ", a.Select(w => "(" + SearchTokens.Phrase(w).ToTsQuery() + ")")) + ")")));
        var vector = "e." + SearchIndexSql.PostgresVector;
        var exact = Together(words) is { } whole
            ? $"(CASE WHEN {vector} @@ CAST({parameter(whole.ToTsQuery())} AS tsquery) THEN 1 ELSE 0 END)"
            : "0";
        return new MatchPlan(
            $"FROM \"SearchEntries\" AS e\nWHERE {vector} @@ CAST({query} AS tsquery)",
            $"CAST(ts_rank_cd(ARRAY[0.1, 0.1, 0.5, 1.0]::real[], {vector}, CAST({query} AS tsquery), 1) AS double precision)", exact, "e.\"Id\"");
    }

    /// <summary>
    /// Beyond the listed matches, PostgreSQL's estimate (EXPLAIN's row count for the same condition, from the column's
    /// token statistics: 188,014 for 通知's 188,218 at a million entries), rounded for the page ("约 188,000 条"): counting
    /// would read every matching row, 0.4–2 s for the commonest words (docs/performance.md).
    /// </summary>
    protected override async Task<(int Count, SearchTotal Kind)> CountAsync(string fromAndWhere, string? indexOnlyCount, DbParameter[] parameters, int listed, CancellationToken ct)
    {
        var connection = Db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await Db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) SELECT 1\n" + fromAndWhere;
        command.Parameters.AddRange(parameters);
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        var json = (string?)await command.ExecuteScalarAsync(ct) ?? "[]";
        using var plan = System.Text.Json.JsonDocument.Parse(json);
        var rows = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        return rows > listed ? (Round((long)rows), SearchTotal.Estimate) : (listed, SearchTotal.AtLeast);
    }

    /// <summary>Three significant figures: an estimate should not look like a count.</summary>
    private static int Round(long n)
    {
        if (n < 1000) return (int)n;
        var scale = (long)Math.Pow(10, Math.Floor(Math.Log10(n)) - 2);
        return (int)Math.Min(int.MaxValue, n / scale * scale);
    }

    protected override object DateValue(DateOnly date) => date;

    /// <summary>
    /// The search's values are written into its statements (issue 23, docs/adr/0043). Npgsql prepares a statement run
    /// often (Max Auto Prepare), and PostgreSQL then plans it once for any values: for the search, whose best plan
    /// depends on how common the words are, that generic plan read 2.3 s instead of 0.7 s for 通知 with three filters.
    /// With the values in the text each query is planned for its words, and the same query, searched again, is prepared
    /// with them. Safe: the tsquery is made of tokens (letters, digits and 汉字) and operators, the rest are integers and
    /// dates, and a quote is doubled all the same.
    /// </summary>
    protected override string? Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => "DATE '" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "'",
        _ => null,
    };

    protected override string YearOf(string column) => $"CAST(extract(year FROM {column}) AS integer)";

    protected override DbParameter CreateParameter(string name, object value) => new NpgsqlParameter(name, value);
}
