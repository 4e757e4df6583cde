using System.Globalization;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>The anonymous public pages that the output cache may keep, and that get validators (ADR 16).</summary>
public enum PublicPage
{
    Home,
    Guide,
    Domain,
    Item,
    Record,
    RecordQrCode,
    Departments,
    Department,
    Feed,
    AnnualReports,
    OpenData,
    Search,
    /// <summary>A column of one kind of record (回应关切, 新闻发布会): it changes when the feeds do.</summary>
    Column,
    /// <summary>The policy library (政策文件库): every published policy with its validity and interpretations.</summary>
    Policies,
    /// <summary>The county-wide 机构概况 column: every unit's published profile.</summary>
    Organisations,
    /// <summary>权责清单 (issue 20 §5): the list and each power's page.</summary>
    Powers,
    /// <summary>办事指南 (issue 20 §6): the list and each guide's page.</summary>
    Guides,
    /// <summary>信息公开 (issue 20 §3): the page of the column tree and the other ways in.</summary>
    Disclosure,
    /// <summary>One column of the tree (栏目) with its records and its children's.</summary>
    DisclosureColumn,
    /// <summary>The published 按季通报 (docs/adr/0036): the list, each quarter's page and its downloads.</summary>
    QuarterlyBulletins,
    /// <summary>Validators only: its figures have their own short cache (ADR 14), so the output cache would add nothing fresh.</summary>
    Statistics,
    /// <summary>考核结果 published (issue 21 §4): a year's ranking and scores.</summary>
    Assessments,
}

/// <summary>
/// The one place that knows which cached page shows which data: a page carries the tags of what it shows, and a change
/// to published data evicts the tags of what changed (ADR 16). Tags name data, not URLs: "record-12" is on record 12's
/// page and on the pages of the interpretations and policies that show it.
/// </summary>
public static class PublicPageTags
{
    /// <summary>Every cached page.</summary>
    public const string Site = "site";
    public const string Home = "home";
    public const string Guide = "guide";
    /// <summary>Every record page (they show their catalogue item's name).</summary>
    public const string Records = "records";
    /// <summary>The department index (item and record counts per department).</summary>
    public const string Departments = "departments";
    public const string Feeds = "feeds";
    public const string AnnualReports = "annual-reports";
    public const string QuarterlyBulletins = "quarterly-bulletins";
    public const string OpenData = "open-data";
    public const string Search = "search";
    /// <summary>The policy library (政策文件库).</summary>
    public const string Policies = "policies";
    /// <summary>The 机构概况 column (every unit's published profile).</summary>
    public const string Organisations = "organisations";
    /// <summary>Every 权责清单 page (the list shows each power's name; few pages, so one tag).</summary>
    public const string Powers = "powers";
    /// <summary>Every 办事指南 page.</summary>
    public const string Guides = "guides";
    /// <summary>The column tree's pages (信息公开 and every /columns/{id}): few, evicted together.</summary>
    public const string Columns = "columns";
    /// <summary>The published 考核 results (every year's page; few, evicted together).</summary>
    public const string Assessments = "assessments";

    public static string Record(int id) => string.Create(CultureInfo.InvariantCulture, $"record-{id}");

    public static string Item(int id) => string.Create(CultureInfo.InvariantCulture, $"item-{id}");

    public static string Department(int id) => string.Create(CultureInfo.InvariantCulture, $"department-{id}");

    public static string Domain(string code) => $"domain-{code}";

    /// <summary>The tags of one request for <paramref name="page"/>; null when that page is not output-cached.</summary>
    public static string[]? ForPage(PublicPage page, RouteValueDictionary route) => page switch
    {
        PublicPage.Home => [Site, Home],
        PublicPage.Guide => [Site, Guide],
        PublicPage.Domain => [Site, Domain(route["code"] as string ?? string.Empty)],
        PublicPage.Item => IdTags(route, Item),
        PublicPage.Record => IdTags(route, Record, Records),
        PublicPage.RecordQrCode => IdTags(route, Record),
        PublicPage.Departments => [Site, Departments],
        PublicPage.Department => IdTags(route, Department),
        PublicPage.Feed => [Site, Feeds],
        PublicPage.Column => [Site, Feeds],
        PublicPage.AnnualReports => [Site, AnnualReports],
        PublicPage.QuarterlyBulletins => [Site, QuarterlyBulletins],
        PublicPage.OpenData => [Site, OpenData],
        PublicPage.Search => [Site, Search],
        PublicPage.Policies => [Site, Policies],
        PublicPage.Organisations => [Site, Organisations],
        PublicPage.Powers => [Site, Powers],
        PublicPage.Guides => [Site, Guides],
        PublicPage.Disclosure => [Site, Columns],
        PublicPage.DisclosureColumn => [Site, Columns],
        PublicPage.Statistics => null,
        PublicPage.Assessments => [Site, Assessments],
        _ => null,
    };

    /// <summary>
    /// A record's published version appeared, went or was replaced: its page, the pages of the records it is linked
    /// with (interpretation ↔ policy), and every list that shows it or counts it.
    /// </summary>
    public static IEnumerable<string> WhenPublishedRecordChanges(int recordId, int? itemId, string? domainCode, int departmentId)
    {
        yield return Record(recordId);
        if (itemId is { } item) yield return Item(item);
        yield return Columns;
        if (domainCode is not null) yield return Domain(domainCode);
        yield return Department(departmentId);
        yield return Home;
        yield return Departments;
        yield return Feeds;
        yield return Search;
        yield return OpenData;
        yield return Policies;
    }

    /// <summary>A catalogue item was created, revised or retired: its page, the lists of its domain and department,
    /// the counts, the record pages (they show its name) and search (it indexes the catalogue).</summary>
    public static IEnumerable<string> WhenCatalogueItemChanges(int itemId, IEnumerable<string> domainCodes, IEnumerable<int> departmentIds)
    {
        yield return Item(itemId);
        foreach (var code in domainCodes) yield return Domain(code);
        foreach (var id in departmentIds) yield return Department(id);
        yield return Departments;
        yield return Records;
        yield return Search;
        yield return OpenData;
    }

    /// <summary>A department's name or state shows on nearly every page (lists, records, feeds): all of them go.</summary>
    public static IEnumerable<string> WhenDepartmentChanges() => [Site];

    /// <summary>Domains and stages are reference data, seeded at start; a change anywhere in them touches every page.</summary>
    public static IEnumerable<string> WhenReferenceDataChanges() => [Site];

    /// <summary>A unit's published 机构概况 changed: its page and the 机构概况 column.</summary>
    public static IEnumerable<string> WhenUnitProfileChanges(int departmentId) => [Department(departmentId), Organisations];
    /// <summary>A column was added, renamed, moved or retired: the tree's pages and the record pages (they show its name).</summary>
    public static IEnumerable<string> WhenColumnChanges() => [Columns, Records];

    public static IEnumerable<string> WhenAnnualReportChanges() => [AnnualReports];

    /// <summary>A 按季通报 edition was published or superseded: the published list and pages (few, one tag).</summary>
    public static IEnumerable<string> WhenQuarterlyBulletinChanges() => [QuarterlyBulletins];

    /// <summary>A bulk load (the demo seed, an import through EF): every page, rather than working out each one.</summary>
    public static IEnumerable<string> WhenBulkChanges() => [Site];

    private static string[]? IdTags(RouteValueDictionary route, Func<int, string> tag, params string[] more) =>
        int.TryParse(route["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? [Site, tag(id), .. more]
            : null;
}
