using System.Data.Common;
using System.Globalization;
using DisclosurePortal.Data;
using Microsoft.Data.Sqlite;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// SQLite: words of three or more characters are one FTS5 query over the trigram table ("w1" AND "w2", each a quoted
/// string), which yields its rowids (the entries' sort keys) newest first and stops at the limit; shorter words are
/// a LIKE over the same columns, checked on the entries the index found, or on every entry when no word is long
/// enough (the documented fallback).
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db, SearchSettings settings) : SqlSearchIndex(db, settings)
{
    protected override (string From, string OrderBy) MatchSource(IReadOnlyList<string> words, Func<object, string> parameter)
    {
        var indexed = words.Where(SearchTerms.IsIndexed).ToList();
        if (indexed.Count == 0) return ("FROM \"SearchEntries\" AS e\nWHERE 1 = 1", "e.\"Id\"");
        var match = string.Join(" AND ", indexed.Select(SearchTerms.Fts5String));
        return ($"FROM \"SearchText\" AS f\nJOIN \"SearchEntries\" AS e ON e.\"Id\" = f.rowid\nWHERE \"SearchText\" MATCH {parameter(match)}", "f.rowid");
    }

    protected override string? WordCondition(string word, Func<object, string> parameter)
    {
        if (SearchTerms.IsIndexed(word)) return null;
        if (SearchTerms.IsCaseless(word))
        {
            // 通知: a byte search (instr) finds the same rows as LIKE and costs less per body scanned (ADR 9).
            var w = parameter(word);
            return $"(instr(e.\"Title\", {w}) > 0 OR instr(e.\"DocumentNumber\", {w}) > 0 OR instr(e.\"IndexNumber\", {w}) > 0 OR instr(e.\"Body\", {w}) > 0)";
        }
        var p = parameter(SearchTerms.LikeContains(word));
        return $"(e.\"Title\" LIKE {p} ESCAPE '\\' OR e.\"DocumentNumber\" LIKE {p} ESCAPE '\\' OR e.\"IndexNumber\" LIKE {p} ESCAPE '\\' OR e.\"Body\" LIKE {p} ESCAPE '\\')";
    }

    protected override string Contains(string text, string parameter) => $"instr(lower({text}), {parameter}) > 0";

    // EF stores DateOnly in SQLite as yyyy-MM-dd text, which compares in date order.
    protected override object DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override DbParameter CreateParameter(string name, object value) => new SqliteParameter(name, value);
}
