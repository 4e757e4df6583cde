using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DisclosurePortal.Web.Features.OpenData;

/// <summary>
/// /open-data/{records|catalogue}.{format}?domain=…&amp;department=…: the format csv or json (404 otherwise), a domain
/// code, a department number.
/// </summary>
public sealed record ExportFilter(string? Format, string? Domain, int? DepartmentId) : IQueryFilter<ExportFilter>
{
    public static ExportFilter Read(QueryReader query)
    {
        var format = query.Raw("format").FirstValue;
        if (format is not (null or "csv" or "json")) query.NotFound("开放数据只提供 CSV 和 JSON 两种格式。");
        var domain = query.Raw("domain").FirstValue is { Length: > 0 } code ? code : null;
        int? department = null;
        if (query.Raw("department").FirstValue is { Length: > 0 } raw)
        {
            if (QueryReader.TryPositive(raw, out var id)) department = id;
            else query.Refuse("部门编号应为正整数。");
        }
        return new ExportFilter(format, domain, department);
    }
}

public sealed record ExportScope(DisclosureDomain? Domain, Department? Department)
{
    public string FileSuffix => (Domain, Department) switch
    {
        (null, null) => "all",
        ({ } d, null) => $"domain-{d.Code}",
        (null, { } p) => string.Create(CultureInfo.InvariantCulture, $"department-{p.Id}"),
        ({ } d, { } p) => string.Create(CultureInfo.InvariantCulture, $"domain-{d.Code}-department-{p.Id}"),
    };
}

/// <summary>A download written straight to the response as it is produced (no buffering of the whole file).</summary>
public sealed class StreamedDownload(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}

/// <summary>A row of downloads: a domain's (<paramref name="Domain"/>, its code) or a department's.</summary>
public sealed record ExportScopeRow(string? Domain, string Name, int RecordCount, int ItemCount, string FeedHref, int? DepartmentId);

public sealed record OpenDataModel(
    IReadOnlyList<ExportScopeRow> Domains, IReadOnlyList<ExportScopeRow> Departments, int TotalRecords, int TotalItems,
    IReadOnlyList<ExportColumn<RecordExportRow>> RecordColumns, IReadOnlyList<ExportColumn<CatalogueExportRow>> CatalogueColumns);
