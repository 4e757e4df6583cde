using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.OpenData;

/// <summary>A published record's metadata as exported (the standard metadata block of the record page).</summary>
public sealed record RecordExportRow(
    int RecordId, string? IndexNumber, string Title, string? DocumentNumber, string IssuingOrgan, string DepartmentName,
    DateOnly PublishedOn, DateOnly? WrittenOn, Validity Validity, string? DomainCode, string? DomainName, string? StageName,
    RecordKind Kind, string? TopicCategory, string? ItemNameLevel1, string? ItemNameLevel2, string? ColumnName);

/// <summary>A catalogue item with every element of the standard directory.</summary>
public sealed record CatalogueExportRow(
    int ItemId, string DepartmentName, string DomainCode, string DomainName, string StageName, string NameLevel1, string NameLevel2,
    string Content, string Basis, string TimeLimitText, DisclosureMethod Method, DisclosureChannels Channels, Audience Audience,
    AdministrativeLevel Level, UpdateFrequency Frequency, DateTimeOffset UpdatedAt);

/// <summary>The columns of each export, the same for CSV (Chinese headers) and JSON (English keys); the open-data page lists them.</summary>
public static class OpenDataColumns
{
    public static IReadOnlyList<ExportColumn<RecordExportRow>> Records(PublicSite site, HttpRequest request) =>
    [
        new("信息编号", "recordId", r => r.RecordId),
        new("索引号", "indexNumber", r => r.IndexNumber),
        new("标题", "title", r => r.Title),
        new("文号", "documentNumber", r => r.DocumentNumber),
        new("发布机构", "issuingOrgan", r => r.IssuingOrgan),
        new("公开主体", "department", r => r.DepartmentName),
        new("发布日期", "publishedOn", r => r.PublishedOn),
        new("成文日期", "writtenOn", r => r.WrittenOn),
        new("有效性", "validity", r => Labels.Of(r.Validity)),
        new("领域", "domain", r => r.DomainName),
        new("领域代码", "domainCode", r => r.DomainCode),
        new("环节", "stage", r => r.StageName),
        new("信息类别", "kind", r => Labels.Of(r.Kind)),
        new("主题分类", "topicCategory", r => r.TopicCategory),
        // A record is filed under a catalogue item of the 26 domains, a column (栏目, ADR 32), or both; the others are empty.
        new("公开事项", "catalogueItem", r => r.ItemNameLevel1 is null ? null : $"{r.ItemNameLevel1} · {r.ItemNameLevel2}"),
        new("栏目", "column", r => r.ColumnName),
        new("网址", "url", r => site.RecordUrl(request, r.RecordId)),
    ];

    public static IReadOnlyList<ExportColumn<CatalogueExportRow>> Catalogue(PublicSite site, HttpRequest request) =>
    [
        new("事项编号", "itemId", i => i.ItemId),
        new("领域", "domain", i => i.DomainName),
        new("领域代码", "domainCode", i => i.DomainCode),
        new("环节", "stage", i => i.StageName),
        new("事项名称（一级）", "nameLevel1", i => i.NameLevel1),
        new("事项名称（二级）", "nameLevel2", i => i.NameLevel2),
        new("公开内容（要素）", "content", i => i.Content),
        new("公开依据", "basis", i => i.Basis),
        new("公开时限", "timeLimit", i => i.TimeLimitText),
        new("公开主体", "department", i => i.DepartmentName),
        new("公开方式", "method", i => Labels.Of(i.Method)),
        new("公开渠道和载体", "channels", i => string.Join("、", Labels.Of(i.Channels))),
        new("公开对象", "audience", i => Labels.Of(i.Audience)),
        new("公开层级", "level", i => Labels.Of(i.Level)),
        new("更新频次", "frequency", i => Labels.Of(i.Frequency)),
        new("更新时间", "updatedAt", i => i.UpdatedAt),
        new("网址", "url", i => site.Absolute(request, string.Create(CultureInfo.InvariantCulture, $"/items/{i.ItemId}"))),
    ];
}
