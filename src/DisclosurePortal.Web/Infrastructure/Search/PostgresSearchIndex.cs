using System.Data.Common;
using DisclosurePortal.Web.Data;
using Npgsql;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// PostgreSQL: each word is an ILIKE over <see cref="SearchIndexSql.PostgresText"/>, the expression the pg_trgm GIN
/// index is built on, so the planner answers words of three or more characters from the index (and a short word with
/// a scan: the same fallback as on SQLite). The pattern's wildcards are escaped (backslash is ILIKE's escape).
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db) : SqlSearchIndex(db)
{
    protected override (string From, string OrderBy) MatchSource(IReadOnlyList<string> words, Func<object, string> parameter) =>
        ("FROM \"SearchEntries\" AS e\nWHERE TRUE", "e.\"Id\"");

    protected override string WordCondition(string word, Func<object, string> parameter) =>
        $"{SearchIndexSql.PostgresText} ILIKE {parameter(SearchTerms.LikeContains(word))}";

    protected override string Contains(string text, string parameter) => $"strpos(lower({text}), {parameter}) > 0";

    protected override object DateValue(DateOnly date) => date;

    protected override DbParameter CreateParameter(string name, object value) => new NpgsqlParameter(name, value);
}
