using System.Data.Common;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Search;
using DisclosurePortal.Domain.Search;
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

    protected override object DateValue(DateOnly date) => date;

    protected override DbParameter CreateParameter(string name, object value) => new NpgsqlParameter(name, value);
}
