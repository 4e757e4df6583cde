using System.Data.Common;
using DisclosurePortal.Data;
using Npgsql;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// PostgreSQL: each word is an ILIKE over <see cref="SearchIndexSql.PostgresText"/>, the expression the pg_trgm GIN
/// index is built on, so the planner answers words of three or more characters from the index; a short word is a
/// strpos over the same text, checked newest first (the same fallback as on SQLite). The pattern's wildcards are escaped (backslash is ILIKE's escape).
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db, SearchSettings settings) : SqlSearchIndex(db, settings)
{
    protected override (string From, string OrderBy) MatchSource(IReadOnlyList<string> words, Func<object, string> parameter) =>
        ("FROM \"SearchEntries\" AS e\nWHERE TRUE", "e.\"Id\"");

    protected override string WordCondition(string word, Func<object, string> parameter) => SearchTerms.IsIndexed(word)
        ? $"{SearchIndexSql.PostgresText} ILIKE {parameter(SearchTerms.LikeContains(word))}"
        // A word of 1–2 characters has no trigram: as an ILIKE the planner would read the whole GIN index and sort every
        // match. Written as strpos, it is not the index's operator, so PostgreSQL walks the entries newest first (the
        // primary key backwards) and stops at the limit: fast for a common word, a scan for a rare one (ADR 9, ADR 17).
        // A caseless word (通知) is looked for without lower-casing every entry's text first.
        : SearchTerms.IsCaseless(word)
            ? $"strpos({SearchIndexSql.PostgresText}, {parameter(word)}) > 0"
            : $"strpos(lower({SearchIndexSql.PostgresText}), {parameter(word.ToLowerInvariant())}) > 0";

    protected override string Contains(string text, string parameter) => $"strpos(lower({text}), {parameter}) > 0";

    protected override object DateValue(DateOnly date) => date;

    protected override DbParameter CreateParameter(string name, object value) => new NpgsqlParameter(name, value);
}
