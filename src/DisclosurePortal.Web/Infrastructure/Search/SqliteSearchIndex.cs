using System.Data.Common;
using System.Globalization;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Search;
using DisclosurePortal.Domain.Search;
using Microsoft.Data.Sqlite;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// SQLite: one FTS5 query over the token table, each word a phrase of its tokens ("农村" + "村危" + "危房"), OR its
/// synonyms' phrases, the words joined by AND; FTS5 yields the rowids (the entries' sort keys) newest first and stops at the limit. Relevance is
/// FTS5's bm25() with the title weighted 10, 文号 and 索引号 5 each, the body 1 (negated: higher is better here).
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db, SearchSettings settings) : SqlSearchIndex(db, settings)
{
    protected override MatchPlan Match(IReadOnlyList<IReadOnlyList<string>> alternatives, IReadOnlyList<string> words, Func<object, string> parameter)
    {
        var match = string.Join(" AND ", alternatives.Select(a => "(" + string.Join(" OR ", a.Select(w => "(" + SearchTokens.Phrase(w).ToFts5() + ")")) + ")"));
        var exact = Together(words) is { } whole
            ? $"(CASE WHEN f.rowid IN (SELECT rowid FROM \"SearchText\" WHERE \"SearchText\" MATCH {parameter(whole.ToFts5())}) THEN 1 ELSE 0 END)"
            : "0";
        var matchParameter = parameter(match);
        return new MatchPlan(
            $"FROM \"SearchText\" AS f\nJOIN \"SearchEntries\" AS e INDEXED BY {SearchIndexSql.SqliteFacetIndex} ON e.\"Id\" = f.rowid\nWHERE \"SearchText\" MATCH {matchParameter}",
            "-bm25(\"SearchText\", 10.0, 5.0, 5.0, 1.0)", exact, "f.rowid")
        {
            IndexOnlyCount = $"SELECT count(*) AS \"Value\" FROM \"SearchText\" WHERE \"SearchText\" MATCH {matchParameter}",
        };
    }

    // EF stores DateOnly in SQLite as yyyy-MM-dd text, which compares in date order.
    protected override object DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override string YearOf(string column) => $"CAST(substr({column}, 1, 4) AS INTEGER)";

    protected override DbParameter CreateParameter(string name, object value) => new SqliteParameter(name, value);
}
