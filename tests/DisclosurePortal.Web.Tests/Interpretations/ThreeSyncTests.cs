using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Interpretations;

/// <summary>
/// 三同步 (issue 21 §6): a 行政规范性文件 goes to review only with its interpretation submitted with it or with a 解读方案
/// (form, responsible unit, due ≤ 3 working days after publication); the plan's due date and unit are the ones the
/// interpretation deadlines then follow.
/// </summary>
public abstract class ThreeSyncTests(PortalFactory factory)
{
    private const string FinanceCode = "11511099076240393N";

    private async Task<RecordVersion> LatestAsync(int recordId)
    {
        await using var db = factory.NewDbContext();
        return await db.RecordVersions.AsNoTracking().SingleAsync(v => v.RecordId == recordId && v.IsLatest);
    }

    [Fact]
    public async Task WithoutInterpretationOrPlan_Is400_Explained_NothingChanged_ABadPlanKeepsWhatWasTyped_AGoodOneIsSavedAndFollowed()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var policy = await DraftPolicyAsync(factory, editor, $"青川县农村危房改造资金管理办法（三同步测试{Guid.NewGuid():N}）");
        var page = $"/manage/records/{policy}";
        var action = $"{page}/submit";

        // Nothing: refused with the rule, the draft untouched (no 索引号 taken).
        var bare = await Browserish.PostFormAsync(editor, page, action, new() { ["version"] = await Browserish.InputValueAsync(editor, page, "version") });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var bareDoc = await Html.ParseAsync(bare);
        Assert.Contains("须同步报送政策解读，或填写解读方案", bareDoc.QuerySelector("#Plan-error").Text(), StringComparison.Ordinal);
        Assert.Equal("请选择解读形式。", bareDoc.QuerySelector("#Plan_Form-error").Text());
        Assert.Equal("true", bareDoc.QuerySelector("#Plan_Form")!.GetAttribute("aria-invalid"));
        Assert.Equal(VersionState.Draft, (await LatestAsync(policy)).State);

        // A time limit beyond 3 working days (a hand-made value): refused, what was typed kept.
        var finance = await DepartmentIdAsync(factory, FinanceCode);
        var bad = await ForgedRequests.PostAsync(editor, action, await ForgedRequests.TokenAsync(editor, page), new Dictionary<string, string>
        {
            ["version"] = await Browserish.InputValueAsync(editor, page, "version"),
            ["Plan.Form"] = ((int)InterpretationForm.QuestionsAndAnswers).ToString(),
            ["Plan.ResponsibleDepartmentId"] = finance.ToString(),
            ["Plan.WorkingDays"] = "5",
            ["Plan.Note"] = "由县财政局会同住建局编写问答",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badDoc = await Html.ParseAsync(bad);
        Assert.Contains("最迟在政策文件公开后3个工作日内发布", badDoc.QuerySelector("#Plan_WorkingDays-error").Text(), StringComparison.Ordinal);
        Assert.Equal(((int)InterpretationForm.QuestionsAndAnswers).ToString(), badDoc.QuerySelector("#Plan_Form option[selected]")!.GetAttribute("value"));
        Assert.Equal(finance.ToString(), badDoc.QuerySelector("#Plan_ResponsibleDepartmentId option[selected]")!.GetAttribute("value"));
        Assert.Equal("由县财政局会同住建局编写问答", badDoc.QuerySelector("#Plan_Note")!.TextContent);
        Assert.Equal(VersionState.Draft, (await LatestAsync(policy)).State);

        // The plan as the page offers it: 政策问答 by 县财政局, 2 working days after publication.
        var ok = await Browserish.PostFormAsync(editor, page, action, new()
        {
            ["version"] = await Browserish.InputValueAsync(editor, page, "version"),
            ["Plan.Form"] = ((int)InterpretationForm.QuestionsAndAnswers).ToString(),
            ["Plan.ResponsibleDepartmentId"] = finance.ToString(),
            ["Plan.WorkingDays"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var submitted = await LatestAsync(policy);
        Assert.Equal(VersionState.Submitted, submitted.State);
        await using (var db = factory.NewDbContext())
        {
            var plan = await db.InterpretationPlans.SingleAsync(p => p.PolicyRecordId == policy);
            Assert.Equal((InterpretationForm.QuestionsAndAnswers, finance, 2), (plan.Form, plan.ResponsibleDepartmentId, plan.WorkingDaysAfterPublication));
            Assert.Contains("政策问答", await db.AuditEvents.Where(e => e.Action == "record.interpretation-plan" && e.EntityId == policy.ToString()).Select(e => e.Summary).SingleAsync(), StringComparison.Ordinal);
        }
        var (_, shown) = await Html.GetAsync(editor, page);
        Assert.Contains("政策文件公开后2个工作日内", shown.QuerySelector(".three-sync-plan").Text(), StringComparison.Ordinal);

        // Published: the interpretation is due by the plan's date, on 县财政局's list, not 县住建局's.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(await Browserish.SignedInAsync(factory, "reviewer"), submitted.Id, "approve")).StatusCode);
        var published = await LatestAsync(policy);
        Assert.Equal(VersionState.Published, published.State);
        var calendar = await CalendarAsync();
        var due = calendar.AddWorkingDays(published.PublishedOn!.Value, 2);
        var (_, financeList) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "editor.finance"), "/manage/interpretations");
        var row = financeList.QuerySelector($"tr[data-policy='{policy}']");
        Assert.NotNull(row);
        Assert.Contains(due.ToString("yyyy-MM-dd"), row!.Text(), StringComparison.Ordinal);
        var (_, housingList) = await Html.GetAsync(editor, "/manage/interpretations");
        Assert.Null(housingList.QuerySelector($"tr[data-policy='{policy}']"));
        // The policy's page gives that date, and says it is the plan's, not the statutory 3 working days.
        var (_, policyPage) = await Html.GetAsync(editor, page);
        var dueSentence = policyPage.QuerySelector(".interpretation-due").Text();
        Assert.Contains($"应于 {due:yyyy-MM-dd} 前发布解读（解读方案定的时限", dueSentence, StringComparison.Ordinal);
        Assert.DoesNotContain("首次发布后3个工作日内", dueSentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInterpretationDraftedWithIt_NamesTheUnpublishedPolicy_GoesToReviewFirst_ThenThePolicyNeedsNoPlan_AndIsPublishedBeforeIt()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var policyTitle = $"青川县农村危房改造实施细则（三同步测试{Guid.NewGuid():N}）";
        var policy = await DraftPolicyAsync(factory, editor, policyTitle);

        // The policy's page leads to the interpretation's form with the draft policy chosen.
        var (_, policyPage) = await Html.GetAsync(editor, $"/manage/records/{policy}");
        Assert.NotNull(policyPage.QuerySelector($"a[href='/manage/records/new?policy={policy}']"));
        var (_, newDoc) = await Html.GetAsync(editor, $"/manage/records/new?policy={policy}");
        Assert.Equal(policy.ToString(), newDoc.QuerySelector("input[name=PolicyIds][checked]")!.GetAttribute("value"));
        Assert.Contains("未发布", newDoc.QuerySelector(".policy-choices.chosen").Text(), StringComparison.Ordinal);

        var item = await HousingItemAsync(factory);
        var created = await InterpretationFields(factory.Clock.Today(), item.Id, $"《{policyTitle}》政策解读", "1", [policy]).PostAsync(editor, $"/manage/records/new?policy={policy}");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var interpretation = RecordIdFrom(created);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, interpretation)).StatusCode);

        // The policy now goes without a plan: its interpretation is in review.
        var (_, ready) = await Html.GetAsync(editor, $"/manage/records/{policy}");
        Assert.Contains("解读已提交审核", ready.QuerySelector(".three-sync").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, policy, plan: false)).StatusCode);
        Assert.Equal(VersionState.Submitted, (await LatestAsync(policy)).State);
        await using (var db = factory.NewDbContext())
            Assert.False(await db.InterpretationPlans.AnyAsync(p => p.PolicyRecordId == policy));

        // The interpretation cannot be published before its policy; after it, it can.
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var early = await DecideAsync(reviewer, (await LatestAsync(interpretation)).Id, "approve");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("已发布的政策文件", (await Html.ParseAsync(early)).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(VersionState.Submitted, (await LatestAsync(interpretation)).State);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, (await LatestAsync(policy)).Id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, (await LatestAsync(interpretation)).Id, "approve")).StatusCode);
        Assert.Equal(VersionState.Published, (await LatestAsync(interpretation)).State);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "x", "-1", "")]
    [InlineData("99", "99999999999999999999", "3.5", "")]
    [InlineData("1", "0", "2147483648", "")]
    [InlineData("1", "1", "1", "长")]
    public async Task HostilePlanValues_Are400_WithMessages_NeverA500_AndNothingIsSaved(string form, string unit, string days, string note)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var policy = await DraftPolicyAsync(factory, editor, $"青川县住房保障办法（三同步测试{Guid.NewGuid():N}）");
        var page = $"/manage/records/{policy}";
        var response = await ForgedRequests.PostAsync(editor, $"{page}/submit", await ForgedRequests.TokenAsync(editor, page), new Dictionary<string, string>
        {
            ["version"] = await Browserish.InputValueAsync(editor, page, "version"),
            ["Plan.Form"] = form,
            ["Plan.ResponsibleDepartmentId"] = unit,
            ["Plan.WorkingDays"] = days,
            ["Plan.Note"] = note.Length == 0 ? "" : new string(note[0], InterpretationPlan.MaxNoteLength + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(doc.QuerySelectorAll(".three-sync .field-error"), e => e.Text().Length > 0);
        Assert.Equal(VersionState.Draft, (await LatestAsync(policy)).State);
        await using var db = factory.NewDbContext();
        Assert.False(await db.InterpretationPlans.AnyAsync(p => p.PolicyRecordId == policy));
    }

    private async Task<DisclosurePortal.Domain.Calendar.WorkingCalendar> CalendarAsync()
    {
        await using var db = factory.NewDbContext();
        return await DisclosurePortal.Data.CalendarLoader.LoadAsync(db);
    }
}

public sealed class ThreeSyncOnSqlite(SqlitePortal factory) : ThreeSyncTests(factory), IClassFixture<SqlitePortal>;

public sealed class ThreeSyncOnPostgres(PostgresPortal factory) : ThreeSyncTests(factory), IClassFixture<PostgresPortal>;
