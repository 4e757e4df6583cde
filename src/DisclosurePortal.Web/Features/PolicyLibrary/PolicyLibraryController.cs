using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Records;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.PolicyLibrary;

/// <summary>
/// 政策文件库 (issue 20 §4): every published policy — the kinds of <see cref="PolicyInterpretations.PolicyKinds"/> —
/// browsable without a keyword, narrowed by 发文机关, 发布 year, kind and validity, newest first or by 文号, each with
/// the published interpretations that name it.
/// </summary>
public sealed class PolicyLibraryController(PortalDbContext db, TimeProvider clock) : PortalController
{
    public const string DepartmentProblem = "发文机关筛选条件无效。";

    [HttpGet("/policies")]
    [PublicPage(PublicPage.Policies)]
    public async Task<IActionResult> Index(PolicyFilter filter, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new PolicyDepartment(d.Id, d.Name)).ToListAsync(ct);
        if (filter.Department is { } id && departments.All(d => d.Id != id)) return BadInput(DepartmentProblem);

        var policies = db.PublishedVersions.Where(v => PolicyInterpretations.PolicyKinds.Contains(v.Kind));
        if (filter.Department is { } department) policies = policies.Where(v => v.DepartmentId == department);
        if (filter.Kind is { } kind) policies = policies.Where(v => v.Kind == kind);
        if (filter.Validity is { } validity) policies = policies.Where(v => v.Validity == validity);
        var years = await ListingYears.ReadAsync(policies, filter.Year, clock.Today(), ct);
        var listed = years.Apply(policies);
        // The published counts (ADR 17) are kept per domain, stage and department, not per kind or validity: the policy
        // documents are a few hundred, counted on the kind index.
        var total = await listed.CountAsync(ct);

        PageInfo page;
        List<int> recordIds;
        if (filter.Sort == PolicySort.Number)
        {
            // The 文号 order is the Domain's (natural numbers, not text), which SQL cannot express on every provider:
            // the keys of the few hundred policies are read and ordered here, and the page is taken by number.
            page = new PageInfo(filter.Listing.Page, RecordListing.PageSize, total);
            if (filter.Listing.Page > page.TotalPages) return PageOutOfRange(page);
            var keys = await listed.Select(v => new { v.RecordId, v.DocumentNumber, v.PublishedOn }).AsNoTracking().ToListAsync(ct);
            recordIds = [.. keys.OrderBy(k => k.DocumentNumber, DocumentNumberOrder.Instance).ThenByDescending(k => k.PublishedOn).ThenByDescending(k => k.RecordId)
                .Skip(page.Skip).Take(RecordListing.PageSize).Select(k => k.RecordId)];
        }
        else
        {
            (page, var items) = await RecordListing.PageAsync(db, listed, filter.Listing, total, ct);
            if (filter.Listing.Page > page.TotalPages) return PageOutOfRange(page);
            recordIds = [.. items.Select(i => i.RecordId)];
        }

        return View(new PolicyLibraryModel(await RowsAsync(recordIds, ct), page, filter, years, departments));
    }

    /// <summary>The page's policies in the given order, each with its published interpretations, oldest first.</summary>
    private async Task<List<PolicyRow>> RowsAsync(List<int> recordIds, CancellationToken ct)
    {
        if (recordIds.Count == 0) return [];
        var rows = await (
            from v in db.PublishedVersions
            join d in db.Departments on v.DepartmentId equals d.Id
            where recordIds.Contains(v.RecordId)
            select new { v.RecordId, v.Title, v.DocumentNumber, Department = d.Name, v.PublishedOn, v.Kind, v.Validity }).AsNoTracking().ToListAsync(ct);
        var interpretations = (await (
            from l in db.InterpretationLinks
            join v in db.PublishedVersions on l.RecordVersionId equals v.Id
            where recordIds.Contains(l.PolicyRecordId)
            orderby v.PublishedOn, v.Id
            select new { l.PolicyRecordId, Link = new RelatedRecord(v.RecordId, v.Title, v.PublishedOn!.Value, v.InterpretationForm) }).AsNoTracking().ToListAsync(ct))
            .ToLookup(x => x.PolicyRecordId, x => x.Link);
        var byId = rows.ToDictionary(r => r.RecordId);
        // A policy withdrawn between the two statements is simply left out of this page.
        return [.. recordIds.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => new PolicyRow(r.RecordId, r.Title, r.DocumentNumber, r.Department,
            r.PublishedOn!.Value, r.Kind, r.Validity, [.. interpretations[r.RecordId]]))];
    }
}

public enum PolicySort
{
    /// <summary>发布日期, newest first (the default).</summary>
    Date,
    /// <summary>文号: 机关代字, year, 顺序号 (<see cref="DocumentNumberOrder"/>).</summary>
    Number,
}

/// <summary>
/// The library's query: <c>department</c> (an id; the action checks that it exists), <c>year</c> (发布 year),
/// <c>kind</c> and <c>validity</c> (their codes), <c>sort</c> (<c>date</c> or <c>number</c>), and the page with its
/// cursor (by date only: the 文号 order pages by number).
/// </summary>
public sealed record PolicyFilter(ListingRequest Listing, int? Department, int? Year, RecordKind? Kind, Validity? Validity, PolicySort Sort)
    : IQueryFilter<PolicyFilter>
{
    public static class Keys
    {
        public const string Department = "department";
        public const string Year = YearListingQuery.Keys.Year;
        public const string Kind = "kind";
        public const string Validity = "validity";
        public const string Sort = "sort";
    }

    /// <summary>The <c>sort</c> values, as the form's options write them.</summary>
    public static string Code(PolicySort sort) => sort == PolicySort.Number ? "number" : "date";

    public static PolicyFilter Read(QueryReader query)
    {
        var listing = ListingQuery.ReadListing(query);
        var department = query.Id(Keys.Department, PolicyLibraryController.DepartmentProblem);
        var year = query.Year(Keys.Year, ValidYears.Message);
        RecordKind? kind = null;
        if (query.Text(Keys.Kind) is { } k)
        {
            if (QueryReader.TryCode<RecordKind>(k, out var value) && PolicyInterpretations.IsPolicy(value)) kind = value;
            else query.Refuse("文件类型筛选条件无效。");
        }
        Validity? validity = null;
        if (query.Text(Keys.Validity) is { } v)
        {
            if (QueryReader.TryCode<Validity>(v, out var value)) validity = value;
            else query.Refuse("效力状态应为 有效、失效 或 废止。");
        }
        var sort = query.Text(Keys.Sort) switch
        {
            null or "date" => PolicySort.Date,
            "number" => PolicySort.Number,
            _ => Refused(query),
        };
        if (sort == PolicySort.Number && (listing.After is not null || listing.Before is not null))
            query.Refuse("翻页参数有误，请从第 1 页重新翻页。");
        return new PolicyFilter(listing, department, year, kind, validity, sort);

        static PolicySort Refused(QueryReader query)
        {
            query.Refuse("排序方式应为 按发布日期 或 按文号。");
            return PolicySort.Date;
        }
    }

    /// <summary>This filter's values as query pairs (the page and cursor left to the pager), for links that keep them.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values(int? year) =>
    [
        new(Keys.Department, Department?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(Keys.Year, year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(Keys.Kind, Kind is { } k ? ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        new(Keys.Validity, Validity is { } v ? ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        new(Keys.Sort, Sort == PolicySort.Date ? null : Code(Sort)),
    ];
}

public sealed record PolicyDepartment(int Id, string Name);

/// <summary>One policy of the library with the published interpretations that name it.</summary>
public sealed record PolicyRow(int RecordId, string Title, string? DocumentNumber, string Department, DateOnly PublishedOn, RecordKind Kind,
    Validity Validity, IReadOnlyList<RelatedRecord> Interpretations);

public sealed record PolicyLibraryModel(IReadOnlyList<PolicyRow> Rows, PageInfo Page, PolicyFilter Filter, ListingYears Years, IReadOnlyList<PolicyDepartment> Departments);
