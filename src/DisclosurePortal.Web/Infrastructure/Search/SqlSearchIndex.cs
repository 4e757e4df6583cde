using System.Data.Common;
using System.Globalization;
using System.Text;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// The search both providers share: one statement finds the matching entries (the full-text index does the work),
/// newest first, at most <see cref="SearchLimits.MaxResults"/> + 1 of them (fewer, within a window of the newest entries,
/// when every word is too short for the index: <see cref="SearchSettings"/>), each with its relevance score; they are
/// counted and ordered here, and the page's rows are then read by id. The providers differ only in how a word is
/// matched (<see cref="MatchSource"/>, <see cref="WordCondition"/>) and how text is searched within a column.
/// </summary>
public abstract class SqlSearchIndex(PortalDbContext db, SearchSettings settings) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parameters = new List<DbParameter>();
        string Parameter(object value)
        {
            var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(CreateParameter(name, value));
            return "@" + name;
        }

        var words = query.Terms.Words;
        // Only short words: no index answers them, entries are read newest first, within bounds (SearchSettings).
        var scan = !words.Any(SearchTerms.IsIndexed);
        var max = scan ? settings.ShortWordMaxResults : SearchLimits.MaxResults;
        var floor = scan ? await WindowFloorAsync(ct) : null;
        var lowered = words.Select(w => Parameter(w.ToLowerInvariant())).ToList();
        var sql = new StringBuilder();
        // Relevance: 2 points for each word in the title, 1 for each word in the 文号 or 索引号.
        var score = string.Join(" + ", lowered.Select(p =>
            $"(CASE WHEN {Contains("e.\"Title\"", p)} THEN 2 ELSE 0 END) + " +
            $"(CASE WHEN {Contains(Concat("coalesce(e.\"DocumentNumber\", '')", "' '", "coalesce(e.\"IndexNumber\", '')"), p)} THEN 1 ELSE 0 END)"));
        var (from, order) = MatchSource(words, Parameter);
        sql.Append(CultureInfo.InvariantCulture, $"SELECT e.\"Id\" AS \"Id\", {score} AS \"Score\"\n{from}\n");
        foreach (var word in words)
        {
            if (WordCondition(word, Parameter) is { } condition) sql.Append(CultureInfo.InvariantCulture, $"AND {condition}\n");
        }
        if (floor is { } oldest) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"Id\" > {Parameter(oldest)}\n");
        AppendFilters(sql, query.Filters, Parameter);
        sql.Append(CultureInfo.InvariantCulture, $"ORDER BY {order} DESC\n{Limit(max + 1)}");

        var candidates = await db.Database.SqlQueryRaw<Candidate>(sql.ToString(), [.. parameters]).ToListAsync(ct);
        var moreThanMax = candidates.Count > max;
        var matches = candidates.Take(max);
        var ordered = query.Sort == SearchSort.Relevance
            ? matches.OrderByDescending(c => c.Score).ThenByDescending(c => c.Id).ToList()
            : matches.OrderByDescending(c => c.Id).ToList();
        var pageIds = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(c => c.Id).ToList();
        var bounds = (Max: max, WindowLimited: floor is not null && !moreThanMax);
        if (pageIds.Count == 0) return new SearchResults(ordered.Count, moreThanMax, []) { Max = bounds.Max, WindowLimited = bounds.WindowLimited };

        var rows = await (
            from e in db.SearchEntries.AsNoTracking()
            join d in db.Departments on e.DepartmentId equals d.Id
            // A record filed in a column only has domain 0 (SearchIndexSql): its column names it instead, below.
            from dm in db.Domains.Where(x => x.Id == e.DomainId).DefaultIfEmpty()
            where pageIds.Contains(e.Id)
            select new SearchHit(e.Id, e.Kind, e.RecordId, e.CatalogueItemId, e.Title, e.DocumentNumber, e.IndexNumber, e.Body,
                e.RecordKind, e.Validity, e.PublishedOn, d.Name, dm != null ? dm.Code : null,
                dm != null ? dm.NameZh : "", dm != null ? dm.NameEn : "") { RecordVersionId = e.RecordVersionId }).ToListAsync(ct);
        var columnOnly = rows.Where(r => r.DomainCode is null && r.RecordVersionId is not null).Select(r => r.RecordVersionId!.Value).ToList();
        if (columnOnly.Count > 0)
        {
            var columns = await (from v in db.RecordVersions.AsNoTracking()
                                 join c in db.Columns on v.ColumnId equals c.Id
                                 where columnOnly.Contains(v.Id)
                                 select new { v.Id, c.NameZh, c.NameEn }).ToDictionaryAsync(x => x.Id, ct);
            rows = rows.Select(r => r.RecordVersionId is { } vid && columns.TryGetValue(vid, out var c) ? r with { DomainNameZh = c.NameZh, DomainNameEn = c.NameEn } : r).ToList();
        }
        var byId = rows.ToDictionary(r => r.EntryId);
        // An entry withdrawn between the two statements is simply left out of this page.
        var hits = pageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return new SearchResults(ordered.Count, moreThanMax, hits) { Max = bounds.Max, WindowLimited = bounds.WindowLimited };
    }

    /// <summary>
    /// The entry id just older than the newest <see cref="SearchSettings.ShortWordWindow"/> records, or null when there
    /// are no more records than that. Read from the published-date index over the versions (ids only), not from the
    /// entries themselves, whose rows carry the bodies: on SQLite skipping 20,000 of those reads 20,000 pages.
    /// </summary>
    private async Task<long?> WindowFloorAsync(CancellationToken ct)
    {
        var edge = await db.RecordVersions.Where(v => v.IsPublished)
            .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id)
            .Skip(settings.ShortWordWindow).Select(v => new { v.PublishedOn, v.Id }).FirstOrDefaultAsync(ct);
        return edge is null ? null : SearchIndexSql.SortKey(edge.PublishedOn!.Value, edge.Id);
    }

    /// <summary>The FROM clause (aliasing SearchEntries as e) that yields the entries matching the indexed words, and the column to order by, newest first.</summary>
    protected abstract (string From, string OrderBy) MatchSource(IReadOnlyList<string> words, Func<object, string> parameter);

    /// <summary>A condition on e for a word that <see cref="MatchSource"/> did not already match, or null.</summary>
    protected abstract string? WordCondition(string word, Func<object, string> parameter);

    /// <summary>True when the (lower-cased) text contains the lower-cased word in the parameter.</summary>
    protected abstract string Contains(string text, string parameter);

    protected abstract object DateValue(DateOnly date);

    /// <summary>Text operands joined (SQLite and PostgreSQL: <c>||</c>).</summary>
    protected virtual string Concat(params string[] operands) => string.Join(" || ", operands);

    /// <summary>The clause that keeps the first <paramref name="rows"/> rows (SQLite and PostgreSQL: LIMIT).</summary>
    protected virtual string Limit(int rows) => string.Create(CultureInfo.InvariantCulture, $"LIMIT {rows}");

    protected abstract DbParameter CreateParameter(string name, object value);

    private void AppendFilters(StringBuilder sql, SearchFilters f, Func<object, string> parameter)
    {
        if (f.DomainId is { } domain) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"DomainId\" = {parameter(domain)}\n");
        if (f.StageId is { } stage) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"StageId\" = {parameter(stage)}\n");
        if (f.DepartmentId is { } department) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"DepartmentId\" = {parameter(department)}\n");
        if (f.CatalogueItemsOnly) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"Kind\" = {(int)SearchEntryKind.CatalogueItem}\n");
        if (f.RecordKind is { } kind) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"RecordKind\" = {parameter((int)kind)}\n");
        if (f.Validity is { } validity) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"Validity\" = {parameter((int)validity)}\n");
        if (f.PublishedFrom is { } from) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"PublishedOn\" >= {parameter(DateValue(from))}\n");
        if (f.PublishedTo is { } to) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"PublishedOn\" <= {parameter(DateValue(to))}\n");
    }

    private sealed class Candidate
    {
        public long Id { get; init; }
        public int Score { get; init; }
    }
}
