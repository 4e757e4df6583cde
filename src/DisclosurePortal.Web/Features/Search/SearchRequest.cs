using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Search;

namespace DisclosurePortal.Web.Features.Search;

/// <summary>
/// /search?q=…: the form as typed (shown back), whether a search was asked for (a q, even blank), the words, the
/// filters and order that need no lookup, and why a field was refused (shown beside it with a 400, not on the problem
/// page). Only a bad page number is the problem page. Domain, stage and department are checked against the lists
/// the form offers (<see cref="SearchController"/>).
/// </summary>
public sealed record SearchRequest(
    SearchForm Form, bool Asked, SearchTerms? Terms, SearchFilters Filters, SearchSort Sort, int Page,
    IReadOnlyDictionary<string, string> Errors) : IQueryFilter<SearchRequest>
{
    /// <summary>The query keys: the search form's field names, which users see in URLs (and bookmark), so they never change.</summary>
    public static class Keys
    {
        public const string Q = "q";
        public const string Domain = "domain";
        public const string Stage = "stage";
        public const string Department = "department";
        public const string Kind = "kind";
        public const string Validity = "validity";
        public const string From = "from";
        public const string To = "to";
        public const string Sort = "sort";
        public const string Page = "page";
    }

    public static SearchRequest Read(QueryReader query)
    {
        var page = query.Page();
        var form = new SearchForm
        {
            Q = Typed(Keys.Q), Domain = Typed(Keys.Domain), Stage = Typed(Keys.Stage), Department = Typed(Keys.Department), Kind = Typed(Keys.Kind),
            Validity = Typed(Keys.Validity), From = Typed(Keys.From), To = Typed(Keys.To), Sort = Typed(Keys.Sort), Page = Typed(Keys.Page),
        };
        if (form.Q is { Length: > SearchTerms.MaxLength } longQuery) form.Q = longQuery[..SearchTerms.MaxLength];
        // Opened with no q at all: the empty form. ?q= (blank) is a search with nothing to look for, and says so.
        var q = query.Raw(Keys.Q);
        if (q.Length == 0) return new SearchRequest(form, false, null, new SearchFilters(), SearchSort.Relevance, page, new Dictionary<string, string>());

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!SearchTerms.TryParse(q.ToString(), out var terms, out var queryError)) errors[Keys.Q] = queryError!;
        var filters = new SearchFilters();
        if (Blank(form.Kind) is { } kind)
        {
            if (SearchForm.EntryKinds.FirstOrDefault(k => k.Code == kind) is { Code: not null } entryKind) filters = filters with { EntryKind = entryKind.Kind };
            else if (QueryReader.TryCode<RecordKind>(kind, out var k)) filters = filters with { RecordKind = k };
            else errors[Keys.Kind] = "信息类别筛选条件无效。";
        }
        if (Blank(form.Validity) is { } validity)
        {
            if (QueryReader.TryCode<Validity>(validity, out var v)) filters = filters with { Validity = v };
            else errors[Keys.Validity] = "有效性筛选条件无效。";
        }
        var from = ReadDate(form.From, Keys.From, errors);
        var to = ReadDate(form.To, Keys.To, errors);
        if (from is not null && to is not null && from > to) errors[Keys.To] = "截止日期不能早于起始日期。";
        filters = filters with { PublishedFrom = from, PublishedTo = to };

        var sort = SearchSort.Relevance;
        if (Blank(form.Sort) is { } s)
        {
            if (s == SearchForm.DateSort) sort = SearchSort.Date;
            else if (s != SearchForm.RelevanceSort) errors[Keys.Sort] = "排序方式无效。";
        }
        return new SearchRequest(form, true, terms, filters, sort, page, errors);

        // As MVC bound the form's strings: the first value, an empty one as none.
        string? Typed(string key) => query.Raw(key).FirstValue is { Length: > 0 } value ? value : null;
    }

    private static DateOnly? ReadDate(string? raw, string field, Dictionary<string, string> errors)
    {
        if (Blank(raw) is not { } value) return null;
        if (QueryReader.TryDate(value, out var date)) return date;
        errors[field] = "日期应写作“年-月-日”，例如 2025-06-30。";
        return null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
