using DisclosurePortal.Web.Infrastructure;
using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Workflow;

public abstract class EditorialWorkflowTests(PortalFactory factory)
{
    [Fact]
    public async Task Draft_Attach_Submit_Review_Publish_ThenAnEditStaysUnpublishedUntilApproved()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var anonymous = Browserish.NewClient(factory);
        var item = await HousingItemAsync(factory);
        var title = $"青川县农村危房改造补助对象公示（测试{Guid.NewGuid():N}）";

        var id = await CreateDraftAsync(editor, item.Id, title);
        var upload = await Browserish.UploadAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/attachments", "补助名单.pdf", Pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/records/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        await using (var db = factory.NewDbContext())
        {
            var record = await db.Records.SingleAsync(r => r.Id == id);
            Assert.Matches($"^{HousingOrganisationCode}/{factory.Clock.Today().Year}-\\d{{5}}$", record.IndexNumber!);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/records/{id}")).StatusCode); // submitted is not public

        var (queue, queueDoc) = await Html.GetAsync(reviewer, "/review");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var versionId = await LatestVersionIdAsync(factory, id);
        Assert.Contains(queueDoc.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/review/versions/{versionId}");

        var approve = await DecideAsync(reviewer, versionId, "approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var (publicPage, publicDoc) = await Html.GetAsync(anonymous, $"/records/{id}");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal(title, publicDoc.QuerySelector("h1").Text());
        await using (var db = factory.NewDbContext())
        {
            var record = await db.Records.SingleAsync(r => r.Id == id);
            Assert.Equal(record.IndexNumber, publicDoc.DefinitionList(".metadata")["索引号"]);
            var reviews = await db.ReviewDecisions.Where(d => d.RecordVersionId == versionId).ToListAsync();
            Assert.Equal(Reviews.Required.Order(), reviews.Select(r => r.Step).Order());
            // The default chain (issue 21 §6): the three reviews recorded separately, here all by the reviewer who opened it.
            Assert.Equal(["王审核（县政务公开办）", "王审核（县政务公开办）", "王审核（县政务公开办）"], reviews.OrderBy(r => r.Step).Select(r => r.ReviewerName));
            Assert.Equal(3, reviews.Select(r => r.DecidedAt).Distinct().Count());
        }
        Assert.Single(publicDoc.QuerySelectorAll(".attachments a"));
        var domainCode = await DomainCodeAsync(item.DomainId);
        var stageCode = await StageCodeAsync(item.StageId);
        var (_, domainPage) = await Html.GetAsync(anonymous, $"/domains/{domainCode}?stage={stageCode}");
        Assert.Contains(domainPage.QuerySelectorAll("a"), a => a.Text() == title);

        // The editor edits the published record: the public keeps seeing the approved version until the edit is approved.
        var newVersion = await Browserish.PostFormAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/new-version", []);
        Assert.Equal(HttpStatusCode.Redirect, newVersion.StatusCode);
        var editedTitle = title + "（更正）";
        var edit = await Browserish.PostFormAsync(editor, $"/manage/records/{id}/edit", $"/manage/records/{id}/edit", new()
        {
            ["Title"] = editedTitle,
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Body"] = "更正后的正文。",
            ["Version"] = await Browserish.InputValueAsync(editor, $"/manage/records/{id}/edit", "Version"),
            ["Intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        Assert.Equal(title, (await Html.GetAsync(anonymous, $"/records/{id}")).Document.QuerySelector("h1").Text());

        var secondVersion = await LatestVersionIdAsync(factory, id);
        Assert.NotEqual(versionId, secondVersion);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, secondVersion, "approve")).StatusCode);
        var (_, after) = await Html.GetAsync(anonymous, $"/records/{id}");
        Assert.Equal(editedTitle, after.QuerySelector("h1").Text());
        Assert.Single(after.QuerySelectorAll(".attachments a")); // the attachment came along to the new version

        await using (var db = factory.NewDbContext())
        {
            var versions = await db.RecordVersions.Where(v => v.RecordId == id).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([VersionState.Superseded, VersionState.Published], versions.Select(v => v.State));
            var actions = await db.AuditEvents.Where(e => e.EntityType == "Record" && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
            // Each review step is its own event; the last one publishes (issue 21 §6).
            Assert.Equal(["record.create", "record.attach", "record.submit", "record.review", "record.review", "record.publish", "record.new-version", "record.edit", "record.submit", "record.review", "record.review", "record.publish"], actions);
        }
        var (_, adminPage) = await Html.GetAsync(editor, $"/manage/records/{id}");
        Assert.Contains("待审核 → 已发布", adminPage.Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_NeedsAComment_ThatTheEditorSees()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"退回测试 {Guid.NewGuid():N}");
        await SubmitAsync(editor, id);
        var versionId = await LatestVersionIdAsync(factory, id);

        var noComment = await DecideAsync(reviewer, versionId, "return", legality: "2");
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        var doc = await Html.ParseAsync(noComment);
        Assert.Contains("退回须填写修改意见", doc.QuerySelector("#Comment-error").Text(), StringComparison.Ordinal);
        // The form is drawn again for the same step (合法性审查, after 保密审查 passed), with the return chosen.
        Assert.Equal("2", doc.QuerySelector("input[name=Step]")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("input[name=Outcome][value='2'][checked]"));

        var returned = await DecideAsync(reviewer, versionId, "return", "请补充发文字号和附件。", confidentiality: "1", legality: "1", attribute: "1");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var (_, edit) = await Html.GetAsync(editor, $"/manage/records/{id}/edit");
        Assert.Contains("请补充发文字号和附件。", edit.QuerySelector(".notice").Text(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(VersionState.Draft, (await db.RecordVersions.SingleAsync(v => v.Id == versionId)).State);
    }

    [Fact]
    public async Task AStepWithoutADecision_IsRefused_AndNothingIsPublished()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"三审测试 {Guid.NewGuid():N}");
        await SubmitAsync(editor, id);
        var versionId = await LatestVersionIdAsync(factory, id);

        var response = await DecideAsync(reviewer, versionId, "approve", legality: "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择审查结论", (await Html.ParseAsync(response)).QuerySelector("#Outcome-error").Text(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(VersionState.Submitted, (await db.RecordVersions.SingleAsync(v => v.Id == versionId)).State);
        // Only the 保密审查 that passed before is recorded.
        Assert.Equal([ReviewStep.Confidentiality], await db.ReviewDecisions.Where(d => d.RecordVersionId == versionId).Select(d => d.Step).ToListAsync());
    }

    [Fact]
    public async Task Withdraw_RemovesTheRecordFromThePublicPagesAtOnce_AndWithholdKeepsItOff()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var anonymous = Browserish.NewClient(factory);
        var item = await HousingItemAsync(factory);
        var id = await CreateDraftAsync(editor, item.Id, $"撤回测试 {Guid.NewGuid():N}");
        await SubmitAsync(editor, id);
        await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/records/{id}")).StatusCode);

        var noReason = await Browserish.PostFormAsync(reviewer, $"/manage/records/{id}", $"/review/records/{id}/withdraw", new() { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var withdraw = await Browserish.PostFormAsync(reviewer, $"/manage/records/{id}", $"/review/records/{id}/withdraw", new() { ["reason"] = "内容有误，需重新核实" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/records/{id}")).StatusCode);

        var withheld = await CreateDraftAsync(editor, item.Id, $"不予公开测试 {Guid.NewGuid():N}");
        await SubmitAsync(editor, withheld);
        var versionId = await LatestVersionIdAsync(factory, withheld);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, versionId, "withhold", "涉及第三方商业秘密", attribute: "2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/records/{withheld}")).StatusCode);
        var (_, list) = await Html.GetAsync(reviewer, "/review/withheld");
        Assert.Contains(list.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/manage/records/{withheld}");
    }

    private async Task<string> DomainCodeAsync(int domainId)
    {
        await using var db = factory.NewDbContext();
        return await db.Domains.Where(d => d.Id == domainId).Select(d => d.Code).SingleAsync();
    }

    private async Task<string> StageCodeAsync(int stageId)
    {
        await using var db = factory.NewDbContext();
        return await db.Stages.Where(s => s.Id == stageId).Select(s => s.Code).SingleAsync();
    }
}

public sealed class EditorialWorkflowOnSqlite(SqlitePortal factory) : EditorialWorkflowTests(factory), IClassFixture<SqlitePortal>;

public sealed class EditorialWorkflowOnPostgres(PostgresPortal factory) : EditorialWorkflowTests(factory), IClassFixture<PostgresPortal>;
