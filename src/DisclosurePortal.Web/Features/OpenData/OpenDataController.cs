using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Feeds;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace DisclosurePortal.Web.Features.OpenData;

/// <summary>
/// 开放数据: the catalogue and the published records' metadata as CSV and JSON (whole site, a domain, a department),
/// and a department's 标准目录 as the 26-domain guidelines lay it out (.xlsx). Exports stream from the database.
/// </summary>
public sealed class OpenDataController(PortalDbContext db, PublicSite site, TimeProvider clock) : PortalController
{
    private static readonly string[] KnownParameters = ["domain", "department", "culture", "ui-culture"];

    [HttpGet("/open-data")]
    [PublicPage(PublicPage.OpenData)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var recordsByDomain = await PublishedCountQueries.ByDomainAsync(db, ct);
        var recordsByDepartment = await PublishedCountQueries.ByDepartmentAsync(db, ct);
        var active = db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active);
        var itemsByDomain = await active.GroupBy(i => i.DomainId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var itemsByDepartment = await active.GroupBy(i => i.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var domains = (await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct))
            .Select(d => new ExportScopeRow(d.Code, Localization.Pick(d.NameZh, d.NameEn),
                recordsByDomain.GetValueOrDefault(d.Id), itemsByDomain.GetValueOrDefault(d.Id), FeedLinks.Domain(d.Code), null))
            .ToList();
        var departments = (await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ToListAsync(ct))
            .Select(d => new ExportScopeRow(null, d.Name,
                recordsByDepartment.GetValueOrDefault(d.Id), itemsByDepartment.GetValueOrDefault(d.Id), FeedLinks.Department(d.Id), d.Id))
            .ToList();
        return View(new OpenDataModel(domains, departments, recordsByDomain.Values.Sum(), itemsByDomain.Values.Sum(),
            OpenDataColumns.Records(site, Request), OpenDataColumns.Catalogue(site, Request)));
    }

    [HttpGet("/open-data/records.{format}")]
    public async Task<IActionResult> Records(ExportFilter filter, CancellationToken ct)
    {
        var (scope, problem) = await ReadScopeAsync(filter, ct);
        if (scope is null) return problem!;

        var versions = db.PublishedVersions.AsNoTracking();
        if (scope.Domain is { } domain) versions = versions.Where(v => v.DomainId == domain.Id);
        if (scope.Department is { } department) versions = versions.Where(v => v.DepartmentId == department.Id);
        // In publication order, off the published-date (or department) listing index; the rows stream to the response.
        var rows = (
            from v in versions
            join r in db.Records on v.RecordId equals r.Id
            join d in db.Departments on v.DepartmentId equals d.Id
            join dom in db.Domains on v.DomainId equals (int?)dom.Id into doms
            from dom in doms.DefaultIfEmpty()
            join s in db.Stages on v.StageId equals (int?)s.Id into stages
            from s in stages.DefaultIfEmpty()
            join i in db.CatalogueItems on v.CatalogueItemId equals (int?)i.Id into items
            from i in items.DefaultIfEmpty()
            join c in db.Columns on v.ColumnId equals (int?)c.Id into columns
            from c in columns.DefaultIfEmpty()
            orderby v.PublishedOn, v.Id
            select new RecordExportRow(
                v.RecordId, r.IndexNumber, v.Title, v.DocumentNumber, v.IssuingOrgan, d.Name, v.PublishedOn!.Value, v.WrittenOn,
                v.Validity, dom == null ? null : dom.Code, dom == null ? null : dom.NameZh, s == null ? null : s.NameZh, v.Kind, v.TopicCategory,
                i == null ? null : i.NameLevel1, i == null ? null : i.NameLevel2, c == null ? null : c.NameZh)).AsAsyncEnumerable();
        return Download(filter.Format!, $"records-{scope.FileSuffix}", "records", scope, OpenDataColumns.Records(site, Request), rows);
    }

    [HttpGet("/open-data/catalogue.{format}")]
    public async Task<IActionResult> Catalogue(ExportFilter filter, CancellationToken ct)
    {
        var (scope, problem) = await ReadScopeAsync(filter, ct);
        if (scope is null) return problem!;
        var rows = CatalogueRows(scope).AsAsyncEnumerable();
        return Download(filter.Format!, $"catalogue-{scope.FileSuffix}", "items", scope, OpenDataColumns.Catalogue(site, Request), rows);
    }

    /// <summary>标准目录 of one department, in the layout of the 26-domain guidelines.</summary>
    [HttpGet("/open-data/standard-directory.xlsx")]
    public async Task<IActionResult> StandardDirectory(ExportFilter filter, CancellationToken ct)
    {
        var (scope, problem) = await ReadScopeAsync(filter, ct);
        if (scope is null) return problem!;
        if (scope.Department is null) return BadInput("请指定部门，例如 ?department=3：标准目录按部门编制。");
        if (scope.Domain is not null) return BadInput("标准目录包含部门的全部领域，不能按领域筛选。");
        var items = await CatalogueRows(scope).ToListAsync(ct);
        var workbook = StandardDirectoryWorkbook.Build(scope.Department.Name, items);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(workbook, StandardDirectoryWorkbook.ContentType, $"standard-directory-{scope.FileSuffix}.xlsx");
    }

    /// <summary>The active items of the scope in the directory's order: domain, stage, then the department's own order.</summary>
    private IQueryable<CatalogueExportRow> CatalogueRows(ExportScope scope)
    {
        var items = db.CatalogueItems.AsNoTracking().Where(i => i.Status == CatalogueItemStatus.Active);
        if (scope.Domain is { } domain) items = items.Where(i => i.DomainId == domain.Id);
        if (scope.Department is { } department) items = items.Where(i => i.DepartmentId == department.Id);
        return
            from i in items
            join d in db.Departments on i.DepartmentId equals d.Id
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            orderby dom.SortOrder, s.SortOrder, d.SortOrder, i.SortOrder, i.Id
            select new CatalogueExportRow(
                i.Id, d.Name, dom.Code, dom.NameZh, s.NameZh, i.NameLevel1, i.NameLevel2, i.Content, i.Basis, i.TimeLimitText,
                i.Method, i.Channels, i.Audience, i.Level, i.Frequency, i.UpdatedAt);
    }

    private StreamedDownload Download<T>(string format, string fileStem, string arrayName, ExportScope scope,
        IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows)
    {
        if (format == "csv")
            return new StreamedDownload("text/csv; charset=utf-8", fileStem + ".csv", (stream, ct) => TableExport.WriteCsvAsync(stream, columns, rows, ct));
        var about = new Dictionary<string, string?>
        {
            ["publisher"] = site.Publisher,
            ["generatedAt"] = ChinaTime.Rfc3339(clock.GetUtcNow()),
            ["domain"] = scope.Domain?.Code,
            ["department"] = scope.Department?.Name,
        };
        return new StreamedDownload("application/json; charset=utf-8", fileStem + ".json",
            (stream, ct) => TableExport.WriteJsonAsync(stream, about, arrayName, columns, rows, ct));
    }

    /// <summary>
    /// The filter's domain and department as rows; each given at most once and no other parameter, so a mistyped
    /// filter never silently exports everything (a check of the query's keys, which a filter record cannot see).
    /// </summary>
    private async Task<(ExportScope? Scope, IActionResult? Problem)> ReadScopeAsync(ExportFilter filter, CancellationToken ct)
    {
        foreach (var (key, values) in Request.Query)
        {
            if (!KnownParameters.Contains(key, StringComparer.Ordinal))
                return (null, BadInput("不支持的参数“{0}”。可用的筛选条件是 domain（领域代码）和 department（部门编号）。", key.Length > 40 ? key[..40] + "…" : key));
            if (values.Count > 1) return (null, BadInput("参数“{0}”只能填写一次。", key));
        }
        DisclosureDomain? domain = null;
        if (filter.Domain is { } code)
        {
            domain = await db.Domains.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
            if (domain is null) return (null, NotFoundPage("没有找到该公开领域。"));
        }
        Department? department = null;
        if (filter.DepartmentId is { } id)
        {
            department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
            if (department is null) return (null, NotFoundPage("没有找到该部门。"));
        }
        return (new ExportScope(domain, department), null);
    }
}
