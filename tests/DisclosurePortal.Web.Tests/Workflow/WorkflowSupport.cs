using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Workflow;

/// <summary>The steps of the editorial workflow, as the editor and the reviewer take them through the pages.</summary>
public static class WorkflowSupport
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public const string HousingOrganisationCode = "11511099022152793X";

    public static async Task<CatalogueItem> HousingItemAsync(PortalFactory factory)
    {
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == HousingOrganisationCode);
        return await db.CatalogueItems.Where(i => i.DepartmentId == housing.Id && i.Status == CatalogueItemStatus.Active).OrderBy(i => i.Id).FirstAsync();
    }

    /// <summary>Creates a draft through the form; returns the record id.</summary>
    public static async Task<int> CreateDraftAsync(HttpClient editor, int itemId, string title, string body = "### 一、总体要求\n\n测试正文。")
    {
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", new()
        {
            ["CatalogueItemId"] = itemId.ToString(),
            ["Kind"] = "8",
            ["Title"] = title,
            ["DocumentNumber"] = "",
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["WrittenOn"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"),
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Body"] = body,
            ["Intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/manage/records/", location, StringComparison.Ordinal);
        return int.Parse(location["/manage/records/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, int recordId)
    {
        var page = $"/manage/records/{recordId}";
        var version = await Browserish.InputValueAsync(editor, page, "version");
        return await Browserish.PostFormAsync(editor, page, $"/manage/records/{recordId}/submit", new() { ["version"] = version });
    }

    public static async Task<int> LatestVersionIdAsync(PortalFactory factory, int recordId)
    {
        await using var db = factory.NewDbContext();
        return await db.RecordVersions.Where(v => v.RecordId == recordId && v.IsLatest).Select(v => v.Id).SingleAsync();
    }

    public static Task<HttpResponseMessage> DecideAsync(HttpClient reviewer, int versionId, string decision, string? comment = null,
        string confidentiality = "1", string legality = "1", string attribute = "1") =>
        DecideWithVersionAsync(reviewer, versionId, decision, comment, confidentiality, legality, attribute);

    private static async Task<HttpResponseMessage> DecideWithVersionAsync(HttpClient reviewer, int versionId, string decision, string? comment,
        string confidentiality, string legality, string attribute)
    {
        var page = $"/review/versions/{versionId}";
        var version = await Browserish.InputValueAsync(reviewer, page, "Version");
        var fields = new Dictionary<string, string>
        {
            ["Confidentiality"] = confidentiality,
            ["ConfidentialityComment"] = "不涉及国家秘密",
            ["Legality"] = legality,
            ["LegalityComment"] = "",
            ["Attribute"] = attribute,
            ["AttributeComment"] = "",
            ["Decision"] = decision,
            ["Comment"] = comment ?? "",
            ["Version"] = version,
        };
        if (decision == "approve") fields["ConfirmPublish"] = "true"; // publishing asks to be confirmed (issue 18)
        return await Browserish.PostFormAsync(reviewer, page, page, fields);
    }
}
