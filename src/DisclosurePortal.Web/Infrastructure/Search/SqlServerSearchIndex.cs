using System.Data.Common;
using System.Globalization;
using DisclosurePortal.Data;
using Microsoft.Data.SqlClient;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// SQL Server: no full-text index (docs/adr/0027: SQL Server's Full-Text Search is an optional component these machines
/// cannot run, and its Chinese word breaker finds whole words only, not 危房 in 农村危房改造). Each word is a CHARINDEX over
/// the entry's columns, newest entries first, stopping at the limit: correct for every word, a scan of SearchEntries
/// for a rare one. Relevance: 2 for each word in the title, 1 for each in 文号 or 索引号. Case: CHARINDEX follows the
/// column's collation (case-insensitive by default), lower-cased as on the other providers all the same.
/// NOT RUN HERE: no SQL Server on these machines (its SQL is checked by translation only).
/// </summary>
public sealed class SqlServerSearchIndex(PortalDbContext db, SearchSettings settings) : SqlSearchIndex(db, settings)
{
    protected override MatchPlan Match(IReadOnlyList<IReadOnlyList<string>> alternatives, IReadOnlyList<string> words, Func<object, string> parameter)
    {
        var lowered = words.Select(w => parameter(w.ToLowerInvariant())).ToList();
        var conditions = alternatives.Select(a => "AND (" + string.Join(" OR ", a.Select(x => parameter(x.ToLowerInvariant())).Select(w =>
            $"{Contains("e.[Title]", w)} OR {Contains("coalesce(e.[DocumentNumber], N'')", w)} OR {Contains("coalesce(e.[IndexNumber], N'')", w)} OR {Contains("e.[Body]", w)}")) + ")");
        var score = string.Join(" + ", lowered.Select(p =>
            $"(CASE WHEN {Contains("e.[Title]", p)} THEN 2 ELSE 0 END) + " +
            $"(CASE WHEN {Contains("coalesce(e.[DocumentNumber], N'') + N' ' + coalesce(e.[IndexNumber], N'')", p)} THEN 1 ELSE 0 END)"));
        var exact = words.Count > 1 ? $"(CASE WHEN {Contains("e.[Title] + N' ' + e.[Body]", parameter(string.Concat(words).ToLowerInvariant()))} THEN 1 ELSE 0 END)" : "0";
        return new MatchPlan($"FROM [SearchEntries] AS e\nWHERE 1 = 1\n{string.Join("\n", conditions)}", $"CAST({score} AS float)", exact, "e.[Id]");
    }

    private static string Contains(string text, string parameter) => $"CHARINDEX({parameter}, LOWER({text})) > 0";

    protected override string Limit(int rows) => string.Create(CultureInfo.InvariantCulture, $"OFFSET 0 ROWS FETCH NEXT {rows} ROWS ONLY");

    protected override object DateValue(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    protected override string YearOf(string column) => $"YEAR({column})";

    protected override DbParameter CreateParameter(string name, object value) => new SqlParameter(name, value);
}
