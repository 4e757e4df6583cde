using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Interpretations;

/// <summary>
/// An editor writes a 政策问答 interpretation of a published policy; it goes through the three reviews; only then does the
/// public see it beside the policy, with its questions and answers as a FAQ, and the policy beside it.
/// </summary>
public abstract class InterpretationWorkflowTests(PortalFactory factory)
{
    private static readonly (string, string)[] Questions =
    [
        ("补助对象有哪些？", "农村低收入群体等重点对象。\n具体名单由乡镇公示。"),
        ("补助标准是多少？", "每户最高3万元。"),
    ];

    [Fact]
    public async Task QandAInterpretation_IsWritten_Reviewed_Published_AndLinkedBothWays_ButNeverShownBeforeApproval()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var policyTitle = $"关于印发《青川县农村危房改造补助办法{Guid.NewGuid():N}》的通知";
        var policy = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today(), title: policyTitle);
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var anonymous = Browserish.NewClient(factory);

        // From the due list's "撰写解读": the form starts as this policy's interpretation.
        var (newPage, newDoc) = await Html.GetAsync(editor, $"/manage/records/new?policy={policy}");
        Assert.Equal(HttpStatusCode.OK, newPage.StatusCode);
        Assert.Equal("3", newDoc.QuerySelector("#Kind option[selected]")!.GetAttribute("value"));
        Assert.Equal(policy.ToString(), newDoc.QuerySelector("input[name=PolicyIds][checked]")!.GetAttribute("value"));
        Assert.StartsWith("《青川县农村危房改造补助办法", newDoc.QuerySelector("#Title")!.GetAttribute("value"), StringComparison.Ordinal);

        var item = await HousingItemAsync(factory);
        var title = $"政策问答测试 {Guid.NewGuid():N}";
        var form = InterpretationFields(factory.Clock.Today(), item.Id, title, "5", [policy], [.. Questions, ("", "")]);
        var created = await form.PostAsync(editor, $"/manage/records/new?policy={policy}");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = RecordIdFrom(created);
        int firstVersion;
        await using (var db = factory.NewDbContext())
        {
            var version = await db.RecordVersions.SingleAsync(v => v.RecordId == id);
            firstVersion = version.Id;
            Assert.Equal(InterpretationForm.QuestionsAndAnswers, version.InterpretationForm);
            Assert.Equal([policy], await db.InterpretationLinks.Where(l => l.RecordVersionId == version.Id).Select(l => l.PolicyRecordId).ToListAsync());
            var saved = await db.InterpretationQuestions.Where(q => q.RecordVersionId == version.Id).OrderBy(q => q.Position).ToListAsync();
            Assert.Equal([(1, "补助对象有哪些？"), (2, "补助标准是多少？")], saved.Select(q => (q.Position, q.Question)));
            Assert.Equal("农村低收入群体等重点对象。\n具体名单由乡镇公示。", saved[0].Answer);
        }
        var (_, staffPage) = await Html.GetAsync(editor, $"/manage/records/{id}");
        Assert.Contains(staffPage.QuerySelectorAll(".interpretation-details a"), a => a.GetAttribute("href") == $"/records/{policy}");
        Assert.Equal(2, staffPage.QuerySelectorAll(".qa-review li").Length);

        // A draft and a submitted interpretation are nobody's business but the office's.
        await AssertNotPublicAsync(anonymous, id, policy);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        await AssertNotPublicAsync(anonymous, id, policy);

        var (reviewPage, reviewDoc) = await Html.GetAsync(reviewer, $"/review/versions/{firstVersion}");
        Assert.Equal(HttpStatusCode.OK, reviewPage.StatusCode);
        Assert.Contains(reviewDoc.QuerySelectorAll(".interpretation-details a"), a => a.GetAttribute("href") == $"/records/{policy}" && a.Text() == policyTitle);
        Assert.Equal(["问：补助对象有哪些？", "问：补助标准是多少？"], reviewDoc.QuerySelectorAll(".qa-review .qa-q").Select(p => p.Text()));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, firstVersion, "approve")).StatusCode);

        var (interpretationPage, interpretationDoc) = await Html.GetAsync(anonymous, $"/records/{id}");
        Assert.Equal(HttpStatusCode.OK, interpretationPage.StatusCode);
        Assert.Contains(interpretationDoc.QuerySelectorAll(".record-interprets a"), a => a.GetAttribute("href") == $"/records/{policy}" && a.Text() == policyTitle);
        Assert.Contains(interpretationDoc.QuerySelectorAll("#policy-title ~ ul a"), a => a.GetAttribute("href") == $"/records/{policy}");
        // The FAQ: a heading per question under the section's heading, the answer's lines as paragraphs.
        var faq = interpretationDoc.QuerySelector("section.faq")!;
        Assert.Equal("政策问答", faq.QuerySelector("h2").Text());
        var items = faq.QuerySelectorAll(".faq-item").ToList();
        Assert.Equal(["问补助对象有哪些？", "问补助标准是多少？"], items.Select(i => i.QuerySelector("h3").Text()));
        Assert.Equal(["农村低收入群体等重点对象。", "具体名单由乡镇公示。"], items[0].QuerySelectorAll(".faq-a p").Select(p => p.Text()));
        Assert.Equal("q1", items[0].Id);

        var (_, policyDoc) = await Html.GetAsync(anonymous, $"/records/{policy}");
        Assert.Contains(policyDoc.QuerySelectorAll("#interp-title ~ ul a"), a => a.GetAttribute("href") == $"/records/{id}" && a.Text() == title);

        // A new version changes the questions and adds a policy; the public keeps the approved ones until it is approved.
        var second = await PublishedAsync(factory, housing, RecordKind.Regulation, factory.Clock.Today());
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/new-version", [])).StatusCode);
        var (_, editDoc) = await Html.GetAsync(editor, $"/manage/records/{id}/edit");
        Assert.Equal("补助对象有哪些？", editDoc.QuerySelector("#Questions_0__Question")!.GetAttribute("value")); // copied to the draft
        // The old questions' rows are emptied, the new one typed into the first; the new policy is among the latest ones drawn.
        var edit = InterpretationFields(factory.Clock.Today(), item.Id, title, "5", [policy, second], [("新的问题？", "新的回答。"), ("", ""), ("", "")]);
        edit["Version"] = editDoc.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await edit.PostAsync(editor, $"/manage/records/{id}/edit", $"/manage/records/{id}/edit")).StatusCode);
        var (_, stillOld) = await Html.GetAsync(anonymous, $"/records/{id}");
        Assert.Equal(2, stillOld.QuerySelectorAll(".faq-item").Length);
        Assert.Single(stillOld.QuerySelectorAll(".record-interprets a"));
        var (_, secondPolicyPage) = await Html.GetAsync(anonymous, $"/records/{second}");
        Assert.Empty(secondPolicyPage.QuerySelectorAll("#interp-title ~ ul a"));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve")).StatusCode);
        var (_, updated) = await Html.GetAsync(anonymous, $"/records/{id}");
        Assert.Equal(["问新的问题？"], updated.QuerySelectorAll(".faq-item h3").Select(h => h.Text()));
        Assert.Equal(2, updated.QuerySelectorAll(".record-interprets a").Length);
        Assert.Contains((await Html.GetAsync(anonymous, $"/records/{second}")).Document.QuerySelectorAll("#interp-title ~ ul a"), a => a.GetAttribute("href") == $"/records/{id}");
        await using (var db = factory.NewDbContext())
        {
            // The first version keeps its own questions: each version has its own.
            Assert.Equal(2, await db.InterpretationQuestions.CountAsync(q => q.RecordVersionId == firstVersion));
        }

        // Withdrawn, it leaves the policy's page at once.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, $"/manage/records/{id}", $"/review/records/{id}/withdraw", new() { ["reason"] = "解读有误" })).StatusCode);
        await AssertNotPublicAsync(anonymous, id, policy);
    }

    [Fact]
    public async Task VideoInterpretation_ShowsItsLink_AndEmbedsNothing()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var policy = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today());
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var form = InterpretationFields(factory.Clock.Today(), (await HousingItemAsync(factory)).Id, $"视频解读测试 {Guid.NewGuid():N}", "6", [policy],
            videoUrl: "https://video.qingchuan.example/jiedu/12.mp4");
        var id = RecordIdFrom(await form.PostAsync(editor, $"/manage/records/new?policy={policy}"));
        await SubmitAsync(editor, id);
        await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve");

        var (_, doc) = await Html.GetAsync(Browserish.NewClient(factory), $"/records/{id}");
        var link = doc.QuerySelector(".video-link a")!;
        Assert.Equal("https://video.qingchuan.example/jiedu/12.mp4", link.GetAttribute("href"));
        Assert.Contains("noopener", link.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Contains("video.qingchuan.example", doc.QuerySelector(".video-link .meta").Text(), StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("iframe, video, embed, object"));
        Assert.Null(doc.QuerySelector("section.faq"));
    }

    [Theory]
    [InlineData("5", "qa-half", "Questions_0__Answer", "请填写回答。")]
    [InlineData("5", "qa-none", "Questions", "政策问答须至少填写一组问题和回答。")]
    [InlineData("5", "qa-51", "Questions", "政策问答最多50组")]
    [InlineData("5", "qa-long", "Questions_0__Question", "问题不能超过300个字。")]
    [InlineData("6", "video-http", "VideoUrl", "https://")]
    [InlineData("6", "video-none", "VideoUrl", "须填写视频链接")]
    [InlineData("6", "video-js", "VideoUrl", "https://")]
    [InlineData("1", "policy-draft-of-another-unit", "PolicyIds", "须是已发布的规章或行政规范性文件")]
    [InlineData("1", "policy-notice", "PolicyIds", "须是已发布的规章或行政规范性文件")]
    [InlineData("1", "policy-11", "PolicyIds", "最多关联10项")]
    [InlineData("", "no-form", "InterpretationForm", "请选择解读形式。")]
    public async Task InvalidInterpretation_Is400_ExplainedBesideTheField_AndKeepsWhatWasTyped(string interpretationForm, string @case, string field, string message)
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var policy = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today());
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var policies = new List<int> { policy };
        IEnumerable<(string, string)> questions = [("补助标准是多少？", "每户最高3万元。")];
        var video = "";
        switch (@case)
        {
            case "qa-half": questions = [("只写了问题？", "")]; break;
            case "qa-none": questions = [("", "")]; break;
            case "qa-51": questions = Enumerable.Range(1, 51).Select(n => ($"问题{n}？", $"回答{n}。")); break;
            case "qa-long": questions = [(new string('问', 301), "回答。")]; break;
            case "video-http": video = "http://video.example.cn/a.mp4"; break;
            case "video-js": video = "javascript:alert(1)"; break;
            case "policy-draft-of-another-unit":
                // 三同步 lets an interpretation name its own unit's unpublished policy (ADR 39), never another unit's.
                var finance = await Browserish.SignedInAsync(factory, "editor.finance");
                var financeDepartment = await DepartmentIdAsync(factory, FinanceCode);
                int financeItem;
                await using (var db = factory.NewDbContext())
                    financeItem = await db.CatalogueItems.Where(i => i.DepartmentId == financeDepartment && i.Status == DisclosurePortal.Domain.Catalogue.CatalogueItemStatus.Active).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
                policies.Add(await WorkflowSupportDraft(finance, financeItem));
                break;
            case "policy-notice": policies.Add(await PublishedAsync(factory, housing, RecordKind.Notice, factory.Clock.Today())); break;
            case "policy-11":
                for (var n = 0; n < 10; n++) policies.Add(await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today()));
                break;
        }
        var title = $"校验测试 {Guid.NewGuid():N}";
        var form = InterpretationFields(factory.Clock.Today(), item.Id, title, interpretationForm, policies, questions, video);
        await using var before = factory.NewDbContext();
        var records = await before.Records.CountAsync();

        // A draft or a notice is never offered as a policy, and the form stops drawing rows at 50: those are sent tampered.
        var response = @case is "policy-draft-of-another-unit" or "policy-notice" or "qa-51"
            ? await form.PostTamperedAsync(editor, $"/manage/records/new?policy={policy}")
            : await form.PostAsync(editor, $"/manage/records/new?policy={policy}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector($"#{field}-error").Text(), StringComparison.Ordinal);
        Assert.Contains("您已填写的内容均已保留", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(title, doc.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal(form["Body"], doc.QuerySelector("#Body").Text());
        Assert.Equal(video, doc.QuerySelector("#VideoUrl")!.GetAttribute("value") ?? "");
        var firstQuestion = questions.First();
        Assert.Equal(firstQuestion.Item1, doc.QuerySelector("#Questions_0__Question")!.GetAttribute("value") ?? "");
        Assert.Equal(firstQuestion.Item2, doc.QuerySelector("#Questions_0__Answer").Text());
        if (field is "Questions_0__Answer" or "Questions_0__Question" or "VideoUrl")
            Assert.Equal("true", doc.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Contains(doc.QuerySelectorAll("input[name=PolicyIds][checked]"), i => i.GetAttribute("value") == policy.ToString());
        await using var after = factory.NewDbContext();
        Assert.Equal(records, await after.Records.CountAsync());
    }

    [Fact]
    public async Task FindingPolicies_AddingRows_AndMovingARow_RedrawTheForm_WithoutSaving()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var finance = await DepartmentIdAsync(factory, FinanceCode);
        var word = $"查找测试{Guid.NewGuid():N}"[..16];
        var other = await PublishedAsync(factory, finance, RecordKind.NormativeDocument, factory.Clock.Today(), title: $"关于{word}的通知");
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var title = $"查找测试 {Guid.NewGuid():N}";
        var form = InterpretationFields(factory.Clock.Today(), item.Id, title, "5", [], [("第一问？", "第一答。"), ("第二问？", "第二答。")]);
        form["PolicyQuery"] = word;
        form["Intent"] = "find-policies";

        var found = await form.PostAsync(editor);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var doc = await Html.ParseAsync(found);
        // Another department's published policy can be chosen.
        var match = Assert.Single(doc.QuerySelectorAll(".policy-choices.found input[name=PolicyIds]"));
        Assert.Equal(other.ToString(), match.GetAttribute("value"));
        Assert.Null(doc.QuerySelector(".form-errors"));
        Assert.Equal(title, doc.QuerySelector("#Title")!.GetAttribute("value"));

        form["Intent"] = "up-1";
        var moved = await Html.ParseAsync(await form.PostAsync(editor));
        Assert.Equal("第二问？", moved.QuerySelector("#Questions_0__Question")!.GetAttribute("value"));
        Assert.Equal("第一答。", moved.QuerySelector("#Questions_1__Answer").Text());

        form["Intent"] = "add-questions";
        var added = await Html.ParseAsync(await form.PostAsync(editor));
        Assert.Equal(5, added.QuerySelectorAll(".qa-row").Length);

        await using var db = factory.NewDbContext();
        Assert.False(await db.RecordVersions.AnyAsync(v => v.Title == title));
        _ = housing;
    }

    /// <summary>A button that only redraws the form validates nothing: an unfinished form is not told off (ADR 25).</summary>
    [Fact]
    public async Task AddingRows_ToAnUnfinishedForm_RedrawsIt_WithoutMessages()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var form = InterpretationFields(factory.Clock.Today(), item.Id, "", "5", [], [("第一问？", "")]);
        form["Intent"] = "add-questions";

        var response = await form.PostAsync(editor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Null(doc.QuerySelector(".form-errors"));
        Assert.Equal("", doc.QuerySelector("#Title-error").Text());
        Assert.Equal("第一问？", doc.QuerySelector("#Questions_0__Question")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Submission_NeedsAPublishedPolicy_AndApprovalRefusesOnceThePolicyIsWithdrawn()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var item = await HousingItemAsync(factory);

        // A draft naming no policy may be saved, but not submitted.
        var lonely = RecordIdFrom(await InterpretationFields(factory.Clock.Today(), item.Id, $"未关联政策 {Guid.NewGuid():N}", "1", []).PostAsync(editor));
        var refused = await SubmitAsync(editor, lonely);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("至少一项政策文件", (await Html.ParseAsync(refused)).Body.Text(), StringComparison.Ordinal);

        var policy = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today());
        var id = RecordIdFrom(await InterpretationFields(factory.Clock.Today(), item.Id, $"撤回政策测试 {Guid.NewGuid():N}", "1", [policy]).PostAsync(editor, $"/manage/records/new?policy={policy}"));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, $"/manage/records/{policy}", $"/review/records/{policy}/withdraw", new() { ["reason"] = "政策文件有误" })).StatusCode);
        var (_, reviewDoc) = await Html.GetAsync(reviewer, $"/review/versions/{await LatestVersionIdAsync(factory, id)}");
        Assert.Contains("已不再公开", reviewDoc.QuerySelector(".interpretation-details").Text(), StringComparison.Ordinal);
        var approve = await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve");
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Browserish.NewClient(factory).GetAsync($"/records/{id}")).StatusCode);
    }

    private async Task<int> WorkflowSupportDraft(HttpClient editor, int itemId)
    {
        var form = InterpretationFields(factory.Clock.Today(), itemId, "x", "1", []);
        form["Kind"] = ((int)RecordKind.NormativeDocument).ToString();
        form["InterpretationForm"] = "";
        form["Title"] = $"未发布的政策草稿 {Guid.NewGuid():N}";
        var response = await form.PostAsync(editor);
        return RecordIdFrom(response);
    }

    private static async Task AssertNotPublicAsync(HttpClient anonymous, int interpretation, int policy)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/records/{interpretation}")).StatusCode);
        var (_, policyPage) = await Html.GetAsync(anonymous, $"/records/{policy}");
        Assert.DoesNotContain(policyPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/records/{interpretation}");
    }
}

public sealed class InterpretationWorkflowOnSqlite(SqlitePortal factory) : InterpretationWorkflowTests(factory), IClassFixture<SqlitePortal>;

public sealed class InterpretationWorkflowOnPostgres(PostgresPortal factory) : InterpretationWorkflowTests(factory), IClassFixture<PostgresPortal>;
