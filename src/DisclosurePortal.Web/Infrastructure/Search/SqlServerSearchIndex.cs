using System.Data.Common;
using System.Globalization;
using DisclosurePortal.Data;
using Microsoft.Data.SqlClient;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// SQL Server: no full-text index (docs/adr/0027: SQL Server's Full-Text Search is an optional component these machines
/// cannot run, and its Chinese word breaker finds whole words only, not 危房 in 农村危房改造). Each word is a CHARINDEX over
/// the entry's columns, newest entries first, stopping at the limit: correct for every word, a scan of SearchEntries
/// for a rare one. Case: CHARINDEX follows the column's collation (case-insensitive by default), lower-cased as on the
/// other providers all the same. NOT RUN HERE: no SQL Server on these machines (its SQL is checked by translation only).
/// </summary>
public sealed class SqlServerSearchIndex(PortalDbContext db, SearchSettings settings) : SqlSearchIndex(db, settings)
{
    protected override (string From, string OrderBy) MatchSource(IReadOnlyList<string> words, Func<object, string> parameter) =>
        ("FROM [SearchEntries] AS e\nWHERE 1 = 1", "e.[Id]");

    protected override string WordCondition(string word, Func<object, string> parameter)
    {
        var w = parameter(word.ToLowerInvariant());
        return $"({Contains("e.[Title]", w)} OR {Contains("coalesce(e.[DocumentNumber], N'')", w)} OR {Contains("coalesce(e.[IndexNumber], N'')", w)} OR {Contains("e.[Body]", w)})";
    }

    protected override string Contains(string text, string parameter) => $"CHARINDEX({parameter}, LOWER({text})) > 0";

    protected override string Concat(params string[] operands) => string.Join(" + ", operands);

    protected override string Limit(int rows) => string.Create(CultureInfo.InvariantCulture, $"OFFSET 0 ROWS FETCH NEXT {rows} ROWS ONLY");

    protected override object DateValue(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    protected override DbParameter CreateParameter(string name, object value) => new SqlParameter(name, value);
}
