using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
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

    /// <summary>A 行政规范性文件 of the housing bureau drafted (not submitted) through the new-record form; its record id.</summary>
    public static async Task<int> DraftPolicyAsync(PortalFactory factory, HttpClient editor, string title)
    {
        var item = await HousingItemAsync(factory);
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", new()
        {
            ["CatalogueItemId"] = item.Id.ToString(),
            ["Kind"] = ((int)RecordKind.NormativeDocument).ToString(),
            ["Title"] = title,
            ["DocumentNumber"] = $"青住建规〔{factory.Clock.Today().Year}〕{Random.Shared.Next(100, 999)}号",
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["WrittenOn"] = factory.Clock.Today().ToString("yyyy-MM-dd"),
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Body"] = "### 第一条\n\n为规范农村危房改造，制定本办法。",
            ["Intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString["/manage/records/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// 提交审核 through the record page's form. A policy never published asks for a 解读方案 (三同步, issue 21 §6): unless
    /// <paramref name="plan"/> is false, the editor chooses 文字解读 by the own unit on the same day, as a person would.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, int recordId, bool plan = true)
    {
        var page = $"/manage/records/{recordId}";
        var version = await Browserish.InputValueAsync(editor, page, "version");
        var fields = new Dictionary<string, string> { ["version"] = version };
        var (_, doc) = await Html.GetAsync(editor, page);
        if (plan && doc.QuerySelector("select[name='Plan.Form']") is not null) fields["Plan.Form"] = ((int)InterpretationForm.Text).ToString();
        return await Browserish.PostFormAsync(editor, page, $"/manage/records/{recordId}/submit", fields);
    }

    public static async Task<int> LatestVersionIdAsync(PortalFactory factory, int recordId)
    {
        await using var db = factory.NewDbContext();
        return await db.RecordVersions.Where(v => v.RecordId == recordId && v.IsLatest).Select(v => v.Id).SingleAsync();
    }

    /// <summary>
    /// The demo accounts that take the default review chain's steps (issue 21 §6): each review by a different reviewer,
    /// 领导审签 by the leader.
    /// </summary>
    public static readonly string[] ReviewTeam = ["reviewer", "reviewer2", "reviewer3", "leader"];

    private sealed class Team
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly Dictionary<string, HttpClient> Clients = [];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PortalFactory, Team> Teams = [];

    /// <summary>A signed-in client of the review team, kept per portal (signing in hashes a password: slow on purpose).</summary>
    public static async Task<HttpClient> TeamMemberAsync(PortalFactory factory, string userName)
    {
        var team = Teams.GetValue(factory, _ => new Team());
        await team.Gate.WaitAsync();
        try
        {
            if (!team.Clients.TryGetValue(userName, out var client))
                team.Clients[userName] = client = await Browserish.SignedInAsync(factory, userName);
            return client;
        }
        finally
        {
            team.Gate.Release();
        }
    }

    /// <summary>
    /// Takes a submitted version through the review chain as the review page offers it, one step after another, each
    /// step by whoever the page shows its form to: <paramref name="reviewer"/> first, then the <see cref="ReviewTeam"/>.
    /// <paramref name="decision"/> approve passes every step (a step whose verdict is not "1" is posted with that verdict
    /// and ends there); return and withhold pass the steps before the first one whose verdict is not "1" (for withhold: the
    /// first that allows 不予公开) and end it there with <paramref name="comment"/>.
    /// Answers the last response (the redirect after the last step, or the refusal).
    /// </summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient reviewer, int versionId, string decision, string? comment = null,
        string confidentiality = "1", string legality = "1", string attribute = "1")
    {
        var factory = Browserish.PortalOf(reviewer);
        var page = $"/review/versions/{versionId}";
        var verdicts = new Dictionary<string, string> { ["1"] = confidentiality, ["2"] = legality, ["3"] = attribute, ["4"] = "1" };
        var ending = decision switch
        {
            "approve" => verdicts.FirstOrDefault(v => v.Value != "1").Key,
            "return" => verdicts.FirstOrDefault(v => v.Value != "1").Key,
            "withhold" => verdicts.FirstOrDefault(v => v.Value != "1" && v.Key is "1" or "3").Key,
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "approve, return or withhold"),
        };
        HttpResponseMessage? last = null;
        for (var steps = 0; steps < 5; steps++)
        {
            var (client, step, confirm) = await WhoMayTakeTheStepAsync(factory, reviewer, page);
            if (client is null) return last ?? await reviewer.GetAsync(page);
            // With no failing verdict, a return ends at the first step taken here, a withhold at the first that allows it.
            var ends = ending is null ? decision == "return" || decision == "withhold" && step is "1" or "3" : step == ending;
            var outcome = !ends ? "1" : decision switch { "return" => "2", "withhold" => "3", _ => verdicts[step!] is "1" ? "1" : verdicts[step!] };
            var fields = new Dictionary<string, string> { ["Outcome"] = outcome, ["Comment"] = outcome == "1" ? "" : comment ?? "" };
            if (confirm) fields["ConfirmPublish"] = "true"; // publishing asks to be confirmed (issue 18)
            last = await Browserish.PostFormAsync(client, page, page, fields);
            if (ends || last.StatusCode != HttpStatusCode.Redirect || confirm) return last;
        }
        return last!;
    }

    /// <summary>The first of the given reviewer and the team to whom the review page shows the waiting step's form.</summary>
    private static async Task<(HttpClient? Client, string? Step, bool Confirm)> WhoMayTakeTheStepAsync(PortalFactory factory, HttpClient reviewer, string page)
    {
        foreach (var candidate in new[] { (string?)null }.Concat(ReviewTeam))
        {
            var client = candidate is null ? reviewer : await TeamMemberAsync(factory, candidate);
            var (_, doc) = await Html.GetAsync(client, page);
            if (doc.QuerySelector($"form[action='{page}']") is not { } form) continue;
            return (client, form.QuerySelector("input[name=Step]")!.GetAttribute("value"), form.QuerySelector("input[name=ConfirmPublish]") is not null);
        }
        return (null, null, false);
    }
}
