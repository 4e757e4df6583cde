using System.Data.Common;
using System.Globalization;
using System.Text;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// The search the providers share (docs/adr/0041): one statement finds the matching entries through the full-text
/// index, newest first, at most <see cref="SearchSettings.ListedResults"/> + 1 of them, each with its relevance (BM25 on
/// SQLite, ts_rank_cd on PostgreSQL: the title weighs most, then 文号 and 索引号, then the body) and whether the
/// query's words stand together in it as typed; they are counted and ordered here (exact phrase first, then relevance,
/// then the newer; or by 发布日期 alone), and the page's rows are then read by id. The providers differ only in how
/// the words are matched and scored (<see cref="Match"/>).
/// </summary>
public abstract class SqlSearchIndex(PortalDbContext db, SearchSettings settings) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parameters = new List<DbParameter>();
        string Parameter(object value)
        {
            if (Literal(value) is { } literal) return literal;
            var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(CreateParameter(name, value));
            return "@" + name;
        }

        var words = query.Terms.Words;
        // A word with nothing the index keeps (only symbols, or a script it does not read) can be in no entry.
        if (words.Any(w => SearchTokens.Phrase(w).IsEmpty)) return new SearchResults(0, 0, []) { Facets = SearchFacets.Empty };
        var max = settings.ListedResults;
        var match = Match(query.Alternatives, words, Parameter);
        var where = new StringBuilder(match.From).Append('\n');
        AppendFilters(where, query.Filters, Parameter);
        // A consultation is public from its 开始日期 (ConsultationQueries.Public), which no trigger sees arrive.
        if (query.Today is { } today)
            where.Append(CultureInfo.InvariantCulture, $"AND NOT (e.\"Kind\" = {(int)SearchEntryKind.Consultation} AND e.\"PublishedOn\" > {Parameter(DateValue(today))})\n");
        var facetColumns = $"e.\"Kind\" AS \"Kind\", e.\"DomainId\" AS \"DomainId\", e.\"StageId\" AS \"StageId\", e.\"DepartmentId\" AS \"DepartmentId\", " +
                           $"e.\"RecordKind\" AS \"RecordKind\", e.\"Validity\" AS \"Validity\", {YearOf("e.\"PublishedOn\"")} AS \"Year\"";
        var sql = $"SELECT e.\"Id\" AS \"Id\", {match.Score} AS \"Score\", {match.Exact} AS \"Exact\", {facetColumns}\n{where}ORDER BY {match.OrderBy} DESC\n{Limit(max + 1)}";

        var candidates = await db.Database.SqlQueryRaw<Candidate>(sql, [.. parameters]).ToListAsync(ct);
        var matches = candidates.Take(max).ToList();
        var (total, kind) = (candidates.Count, SearchTotal.Exact);
        SearchFacets? facets = null;
        if (candidates.Count > max)
        {
            // More than are listed. The entries holding the words, whatever the filters, are what counting the facets
            // reads (each is looked at, then filtered): when they are few enough (settings.FacetedResults) the facets
            // count every match, which is then also the total. The index alone counts them on SQLite (a consultation
            // not yet open is among them); PostgreSQL estimates.
            var (holding, holdingKind) = await CountAsync(match.From, match.IndexOnlyCount, [.. parameters.Select(Clone)], max, ct);
            if (holding <= settings.FacetedResults)
            {
                var counter = new SearchFacets.Counter();
                var facetSql = $"SELECT {facetColumns}\n{where}{Limit(settings.FacetedResults + 1)}";
                await foreach (var row in db.Database.SqlQueryRaw<FacetRow>(facetSql, [.. parameters.Select(Clone)]).AsAsyncEnumerable().WithCancellation(ct))
                    counter.Add(row);
                // (More than the estimate said: counted as if there had been too many.)
                if (counter.Counted <= settings.FacetedResults)
                {
                    facets = counter.Build(whole: true);
                    (total, kind) = (counter.Counted, SearchTotal.Exact);
                }
            }
            // Otherwise the page still says how many match: without filters, those holding the words; with them, what
            // the provider can tell without reading every match (PostgreSQL's estimate; on SQLite "more than listed").
            if (facets is null)
                (total, kind) = query.Filters.IsEmpty && holdingKind != SearchTotal.AtLeast
                    ? (holding, holdingKind)
                    : await CountAsync(where.ToString(), null, [.. parameters.Select(Clone)], max, ct);
        }
        // …otherwise the listed ones, the newest, and the page says so.
        facets ??= SearchFacets.Of(matches, whole: candidates.Count <= max);
        var ordered = query.Sort == SearchSort.Relevance
            ? matches.OrderByDescending(c => c.Exact).ThenByDescending(c => c.Score).ThenByDescending(c => c.Id).ToList()
            : matches.OrderByDescending(c => c.Id).ToList();
        var pageIds = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(c => c.Id).ToList();
        if (pageIds.Count == 0) return new SearchResults(total, ordered.Count, []) { TotalKind = kind, Facets = facets };

        var rows = await (
            from e in db.SearchEntries.AsNoTracking()
            // A message not yet given to a department has none (0).
            from d in db.Departments.Where(x => x.Id == e.DepartmentId).DefaultIfEmpty()
            // A record filed in a column only has domain 0 (SearchIndexSql): its column names it instead, below.
            from dm in db.Domains.Where(x => x.Id == e.DomainId).DefaultIfEmpty()
            where pageIds.Contains(e.Id)
            select new SearchHit(e.Id, e.Kind, e.RecordId, e.CatalogueItemId, e.Title, e.DocumentNumber, e.IndexNumber, e.Body,
                e.RecordKind, e.Validity, e.PublishedOn, d != null ? d.Name : "", dm != null ? dm.Code : null,
                dm != null ? dm.NameZh : "", dm != null ? dm.NameEn : "") { RecordVersionId = e.RecordVersionId, SourceId = e.SourceId }).ToListAsync(ct);
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
        return new SearchResults(total, ordered.Count, hits) { TotalKind = kind, Facets = facets };
    }

    /// <summary>
    /// How the provider finds and scores the entries holding every word, or one of its synonyms (each a phrase of
    /// <see cref="SearchTokens"/>): the FROM clause (SearchEntries as e) with its WHERE, a relevance score (higher is
    /// better), 1 when the words as typed stand together in the entry (else 0), and the column to order by, newest first.
    /// </summary>
    protected abstract MatchPlan Match(IReadOnlyList<IReadOnlyList<string>> alternatives, IReadOnlyList<string> words, Func<object, string> parameter);

    protected sealed record MatchPlan(string From, string Score, string Exact, string OrderBy)
    {
        /// <summary>A statement counting the matches from the full-text index alone, without reading an entry (SQLite), or null.</summary>
        public string? IndexOnlyCount { get; init; }
    }

    /// <summary>The words written together (农村 危房 → 农村危房), as one phrase: an entry holding it ranks first.</summary>
    protected static SearchTokens.QueryPhrase? Together(IReadOnlyList<string> words) =>
        words.Count > 1 && SearchTokens.Phrase(string.Concat(words)) is { IsEmpty: false } whole ? whole : null;

    protected PortalDbContext Db => db;

    protected abstract object DateValue(DateOnly date);

    /// <summary>The year of a date column, as an integer (null stays null).</summary>
    protected abstract string YearOf(string column);

    /// <summary>The clause that keeps the first <paramref name="rows"/> rows (SQLite and PostgreSQL: LIMIT).</summary>
    protected virtual string Limit(int rows) => string.Create(CultureInfo.InvariantCulture, $"LIMIT {rows}");

    protected abstract DbParameter CreateParameter(string name, object value);

    /// <summary>A value written into the statement instead of a parameter, or null (a parameter). See PostgreSQL's.</summary>
    protected virtual string? Literal(object value) => null;

    /// <summary>
    /// How many entries match <paramref name="fromAndWhere"/>, when more than <paramref name="listed"/> do, without reading
    /// them: counted by <paramref name="indexOnlyCount"/> where the index alone can count (SQLite: 10–25 ms for the
    /// commonest word at a million entries), else "more than listed" (counting would read every matching entry: 2 s for
    /// 通知 with a filter on SQLite). PostgreSQL estimates instead.
    /// </summary>
    protected virtual async Task<(int Count, SearchTotal Kind)> CountAsync(string fromAndWhere, string? indexOnlyCount, DbParameter[] parameters, int listed, CancellationToken ct)
    {
        if (indexOnlyCount is not { } sql) return (listed, SearchTotal.AtLeast);
        return ((int)await db.Database.SqlQueryRaw<long>(sql, parameters).SingleAsync(ct), SearchTotal.Exact);
    }

    /// <summary>A parameter for a second command (a parameter belongs to one command at a time).</summary>
    private DbParameter Clone(DbParameter p) => CreateParameter(p.ParameterName, p.Value!);

    private void AppendFilters(StringBuilder sql, SearchFilters f, Func<object, string> parameter)
    {
        if (f.DomainId is { } domain) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"DomainId\" = {parameter(domain)}\n");
        if (f.StageId is { } stage) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"StageId\" = {parameter(stage)}\n");
        if (f.DepartmentId is { } department) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"DepartmentId\" = {parameter(department)}\n");
        if (f.EntryKind is { } entryKind) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"Kind\" = {(int)entryKind}\n");
        if (f.RecordKind is { } kind) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"RecordKind\" = {parameter((int)kind)}\n");
        if (f.Validity is { } validity) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"Validity\" = {parameter((int)validity)}\n");
        if (f.PublishedFrom is { } from) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"PublishedOn\" >= {parameter(DateValue(from))}\n");
        if (f.PublishedTo is { } to) sql.Append(CultureInfo.InvariantCulture, $"AND e.\"PublishedOn\" <= {parameter(DateValue(to))}\n");
    }

    /// <summary>An entry's filter values, which the facets count.</summary>
    private class FacetRow : SearchFacets.IEntry
    {
        public int Kind { get; init; }
        public int DomainId { get; init; }
        public int StageId { get; init; }
        public int DepartmentId { get; init; }
        public int? RecordKind { get; init; }
        public int? Validity { get; init; }
        public int? Year { get; init; }
    }

    private sealed class Candidate : FacetRow
    {
        public long Id { get; init; }
        public double Score { get; init; }
        public int Exact { get; init; }
    }
}
