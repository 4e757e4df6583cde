using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.ReviewChains;

/// <summary>
/// The review chain (issue 21 §6) through the pages: the default (each review its own step, never by the drafter, 领导审签
/// for a 行政规范性文件), other configurations an administrator sets, and the printable 信息发布登记记录表.
/// </summary>
public abstract class ReviewChainTests(PortalFactory factory)
{
    private const string ChainPage = "/admin/review-chain";

    /// <summary>A 行政规范性文件 drafted and submitted by the housing editor; its version id.</summary>
    private async Task<(int RecordId, int VersionId)> SubmittedNormativeDocumentAsync(string title)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var id = await DraftPolicyAsync(factory, editor, title);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        return (id, await LatestVersionIdAsync(factory, id));
    }

    /// <summary>Passes the step the page shows <paramref name="client"/>; answers the response.</summary>
    private static Task<HttpResponseMessage> PassAsync(HttpClient client, int versionId, bool confirm = false)
    {
        var page = $"/review/versions/{versionId}";
        var fields = new Dictionary<string, string> { ["Outcome"] = ((int)ReviewOutcome.Passed).ToString(), ["Comment"] = "同意。" };
        if (confirm) fields["ConfirmPublish"] = "true";
        return Browserish.PostFormAsync(client, page, page, fields);
    }

    private async Task<VersionState> StateAsync(int versionId)
    {
        await using var db = factory.NewDbContext();
        return await db.RecordVersions.Where(v => v.Id == versionId).Select(v => v.State).SingleAsync();
    }

    [Fact]
    public async Task Default_OneReviewerCannotCompleteAllStepsOfANormativeDocumentAlone_TheLeaderPublishesIt()
    {
        var (recordId, versionId) = await SubmittedNormativeDocumentAsync($"青川县农村危房改造管理办法（测试{Guid.NewGuid():N}）");
        var page = $"/review/versions/{versionId}";
        var wang = await Browserish.SignedInAsync(factory, "reviewer");

        // The queue says which step it waits for, and its publication deadline.
        var (_, queue) = await Html.GetAsync(wang, "/review?waiting=me");
        var row = queue.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector($"a[href='{page}']") is not null);
        Assert.Contains("保密审查", row.Text(), StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2}", row.QuerySelectorAll("td").Last().Text());

        // The three reviews, each its own form: a passed step comes back to the page, which offers the next one.
        foreach (var step in new[] { ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute })
        {
            var (_, form) = await Html.GetAsync(wang, page);
            Assert.Equal(((int)step).ToString(), form.QuerySelector("input[name=Step]")!.GetAttribute("value"));
            var passed = await PassAsync(wang, versionId);
            Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
            Assert.Equal(page, passed.Headers.Location!.OriginalString);
        }
        Assert.Equal(VersionState.Submitted, await StateAsync(versionId)); // the three reviews passed: 领导审签 still waits

        // The reviewer cannot sign off: no form, the reason, and a hand-made post of the step is refused.
        var (_, after) = await Html.GetAsync(wang, page);
        Assert.Null(after.QuerySelector($"form[action='{page}']"));
        Assert.Contains("领导审签须由领导账户完成", after.QuerySelector(".notice").Text(), StringComparison.Ordinal);
        var version = await Browserish.InputValueAsync(await Browserish.SignedInAsync(factory, "leader"), page, "Version");
        var forged = await ForgedRequests.PostAsync(wang, page, await ForgedRequests.TokenAsync(wang, page), new Dictionary<string, string>
        {
            ["Step"] = ((int)ReviewStep.Approval).ToString(), ["Outcome"] = "1", ["Comment"] = "", ["Version"] = version, ["ConfirmPublish"] = "true",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("领导审签须由领导账户完成", (await Html.ParseAsync(forged)).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(VersionState.Submitted, await StateAsync(versionId));

        // The leader finds it under 待领导审签 and publishes it, confirming.
        var leader = await Browserish.SignedInAsync(factory, "leader");
        var (_, leaderQueue) = await Html.GetAsync(leader, "/review?waiting=leader");
        Assert.Contains(leaderQueue.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == page);
        var unconfirmed = await PassAsync(leader, versionId);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("请勾选“确认发布”", (await Html.ParseAsync(unconfirmed)).QuerySelector("#ConfirmPublish-error").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(leader, versionId, confirm: true)).StatusCode);
        Assert.Equal(VersionState.Published, await StateAsync(versionId));
        Assert.Equal(HttpStatusCode.OK, (await Browserish.NewClient(factory).GetAsync($"/records/{recordId}")).StatusCode);

        // The printable register lists each step with its reviewer and time; the editor of the unit may print it too.
        await using var db = factory.NewDbContext();
        var decisions = await db.ReviewDecisions.Where(d => d.RecordVersionId == versionId).OrderBy(d => d.Step).ToListAsync();
        foreach (var client in new[] { wang, await Browserish.SignedInAsync(factory, "editor.housing") })
        {
            var (response, register) = await Html.GetAsync(client, $"/review/versions/{versionId}/record");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var rows = register.QuerySelectorAll("tr[data-step]");
            Assert.Equal(["王审核（县政务公开办）", "王审核（县政务公开办）", "王审核（县政务公开办）", "赵领导（县政府办公室分管领导）"], rows.Select(r => r.QuerySelector(".reviewer").Text()));
            Assert.Equal(decisions.Select(d => d.DecidedAt.ToChina().ToString("yyyy-MM-dd HH:mm")), rows.Select(r => r.QuerySelector(".decided-at").Text()));
            Assert.Contains("@media print", await (await client.GetAsync("/css/review-record.css")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await Browserish.SignedInAsync(factory, "editor.finance")).GetAsync($"/review/versions/{versionId}/record")).StatusCode);
    }

    [Fact]
    public async Task DistinctReviewersChain_TheSameReviewerIsRefusedTheNextStep_ThreeReviewersAndTheLeaderPublish()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var strict = new List<KeyValuePair<string, string>> { new("Confidentiality", "true"), new("Legality", "true"), new("DisclosureAttribute", "true"), new("DistinctReviewers", "true"), new("LeaderKinds", "1"), new("LeaderKinds", "2") };
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, ChainPage, ChainPage, strict)).StatusCode);
        try
        {
            var (_, versionId) = await SubmittedNormativeDocumentAsync($"青川县农村危房改造资金管理办法（测试{Guid.NewGuid():N}）");
            var page = $"/review/versions/{versionId}";
            var wang = await Browserish.SignedInAsync(factory, "reviewer");
            Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(wang, versionId)).StatusCode);
            // The same reviewer is not offered the next step, and a hand-made post of it is refused.
            var (_, after) = await Html.GetAsync(wang, page);
            Assert.Null(after.QuerySelector($"form[action='{page}']"));
            Assert.Contains("各环节须由不同人员审查", after.QuerySelector(".notice").Text(), StringComparison.Ordinal);
            var version = await Browserish.InputValueAsync(await Browserish.SignedInAsync(factory, "reviewer2"), page, "Version");
            var forged = await ForgedRequests.PostAsync(wang, page, await ForgedRequests.TokenAsync(wang, page), new Dictionary<string, string>
            {
                ["Step"] = ((int)ReviewStep.Legality).ToString(), ["Outcome"] = "1", ["Comment"] = "", ["Version"] = version,
            });
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("各环节须由不同人员审查", (await Html.ParseAsync(forged)).QuerySelector("main").Text(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(await Browserish.SignedInAsync(factory, "reviewer2"), versionId)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(await Browserish.SignedInAsync(factory, "reviewer3"), versionId)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(await Browserish.SignedInAsync(factory, "leader"), versionId, confirm: true)).StatusCode);
            Assert.Equal(VersionState.Published, await StateAsync(versionId));
            await using var db = factory.NewDbContext();
            Assert.Equal(4, await db.ReviewDecisions.Where(d => d.RecordVersionId == versionId).Select(d => d.ReviewerId).Distinct().CountAsync());
        }
        finally
        {
            await RestoreDefaultAsync(admin);
        }
    }

    /// <summary>Back to the default chain for the class's other tests.</summary>
    private static async Task RestoreDefaultAsync(HttpClient admin)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Confidentiality", "true"), new("Legality", "true"), new("DisclosureAttribute", "true"), new("LeaderKinds", "1"), new("LeaderKinds", "2") };
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, ChainPage, ChainPage, fields, cleared: ["DistinctReviewers"])).StatusCode);
    }

    [Fact]
    public async Task AnotherChain_ConfidentialityAndAttributeOnly_NoLeader_SamePersonAllowed_OneReviewerPublishesIt()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        // No review at all is refused, the form drawn again with the choices made.
        var none = await Browserish.PostFormAsync(admin, ChainPage, ChainPage, [], cleared: ["Confidentiality", "Legality", "DisclosureAttribute"]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var redrawn = await Html.ParseAsync(none);
        Assert.Contains("至少须设置一项审查", redrawn.QuerySelector("#Confidentiality-error").Text(), StringComparison.Ordinal);
        Assert.Null(redrawn.QuerySelector("input[name=DistinctReviewers][checked]"));
        Assert.NotNull(redrawn.QuerySelector("input[name=LeaderKinds][value='2'][checked]"));

        var saved = await Browserish.PostFormAsync(admin, ChainPage, ChainPage, [], cleared: ["Legality", "DistinctReviewers", "LeaderKinds"]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            var (_, form) = await Html.GetAsync(admin, ChainPage);
            Assert.Null(form.QuerySelector("input[name=Legality][checked]"));
            Assert.Empty(form.QuerySelectorAll("input[name=LeaderKinds][checked]"));
            await using (var db = factory.NewDbContext())
            {
                var summary = await db.AuditEvents.Where(e => e.Action == "review-chain.update").OrderByDescending(e => e.Sequence).Select(e => e.Summary).FirstAsync();
                Assert.Contains("合法性审查：是 → 否", summary, StringComparison.Ordinal);
                Assert.Contains("须领导审签的信息类别：规章、行政规范性文件 → 无", summary, StringComparison.Ordinal); // named, not numbered
            }

            var (_, versionId) = await SubmittedNormativeDocumentAsync($"青川县农村危房改造补助标准（测试{Guid.NewGuid():N}）");
            var wang = await Browserish.SignedInAsync(factory, "reviewer");
            Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(wang, versionId)).StatusCode);
            var (_, next) = await Html.GetAsync(wang, $"/review/versions/{versionId}");
            Assert.Equal(((int)ReviewStep.DisclosureAttribute).ToString(), next.QuerySelector("input[name=Step]")!.GetAttribute("value"));
            Assert.Equal(HttpStatusCode.Redirect, (await PassAsync(wang, versionId, confirm: true)).StatusCode);
            Assert.Equal(VersionState.Published, await StateAsync(versionId));
            await using var check = factory.NewDbContext();
            Assert.Equal([ReviewStep.Confidentiality, ReviewStep.DisclosureAttribute],
                await check.ReviewDecisions.Where(d => d.RecordVersionId == versionId).OrderBy(d => d.Id).Select(d => d.Step).ToListAsync());
        }
        finally
        {
            await RestoreDefaultAsync(admin);
        }
    }
}

public sealed class ReviewChainOnSqlite(SqlitePortal factory) : ReviewChainTests(factory), IClassFixture<SqlitePortal>;

public sealed class ReviewChainOnPostgres(PostgresPortal factory) : ReviewChainTests(factory), IClassFixture<PostgresPortal>;
