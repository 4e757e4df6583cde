using System.Net;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Web.Features.Consultations;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Consultations;

/// <summary>
/// 民意征集 through its forms, as a browser posts them: a department drafts and submits, the office approves, a citizen
/// comments (contacts encrypted, nothing shown before moderation), the department moderates and publishes the 采纳情况.
/// </summary>
public abstract class ConsultationTests(PortalFactory factory)
{
    private readonly WebApplicationFactory<Program> _app = Roomy(factory);

    private static WebApplicationFactory<Program> Roomy(PortalFactory f)
    {
        var app = f.WithWebHostBuilder(b => b.UseSetting("RateLimits:Comment:PermitLimit", "10000"));
        _ = app.Server;
        return app;
    }

    private HttpClient Anonymous() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Anonymous();
        var (_, doc) = await Html.GetAsync(client, "/account/login");
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = "Demo@2026pass" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<CatalogueItem> DecisionItemAsync()
    {
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == WorkflowSupport.HousingOrganisationCode);
        return await (from i in db.CatalogueItems
                      join s in db.Stages on i.StageId equals s.Id
                      where i.DepartmentId == housing.Id && s.Code == "decision" && i.Status == CatalogueItemStatus.Active
                      orderby i.Id
                      select i).FirstAsync();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Dictionary<string, string> Draft(int itemId, string title, int days = 30) => new()
    {
        ["CatalogueItemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Title"] = title,
        ["DraftBody"] = "第一条 为规范城区停车秩序，制定本办法。",
        ["DraftingExplanation"] = "一、起草背景。",
        ["StartsOn"] = Iso(factory.Clock.Today()),
        ["EndsOn"] = Iso(factory.Clock.Today().AddDays(days - 1)),
        ["Email"] = "zqyj@example.gov.cn",
        ["Questions[0].Text"] = "您是否同意首30分钟免费？",
        ["Questions[0].Kind"] = "SingleChoice",
        ["Questions[0].Options"] = "同意\n不同意",
        ["FreeTextQuestion"] = "其他意见",
    };

    [Fact]
    public async Task DraftAttachments_UploadedByTheDepartment_WhileADraft_PublicOnceOpen()
    {
        var item = await DecisionItemAsync();
        var editor = await SignedInAsync("editor.housing");
        var created = await Browserish.PostFormAsync(editor, "/manage/consultations/new", "/manage/consultations/new", Draft(item.Id, $"附件测试征集 {Guid.NewGuid():N}"[..30]));
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // A real PDF is kept (type read from its bytes, name cleaned, SHA-256 recorded, audited).
        var uploaded = await Browserish.UploadAsync(editor, page, $"{page}/attachments", "停车办法（征求意见稿）.pdf", WorkflowSupport.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.EndsWith("#attachments", uploaded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Text that calls itself a PDF is refused with the reason, and nothing is stored.
        var fake = await Browserish.UploadAsync(editor, page, $"{page}/attachments", "假文件.pdf", "not a pdf at all"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        // A second file, removed again while a draft: its row and its bytes go.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.UploadAsync(editor, page, $"{page}/attachments", "说明.pdf", WorkflowSupport.Pdf)).StatusCode);
        int kept, removed;
        string removedKey;
        await using (var db = factory.NewDbContext())
        {
            var rows = await db.ConsultationAttachments.Where(a => a.ConsultationId == id).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.Equal("停车办法（征求意见稿）.pdf", rows[0].FileName);
            Assert.Equal("application/pdf", rows[0].ContentType);
            Assert.Equal(64, rows[0].Sha256.Length);
            (kept, removed, removedKey) = (rows[0].Id, rows[1].Id, rows[1].StorageKey);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "consultation.attach" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var (_, staff) = await Html.GetAsync(editor, page);
        Assert.NotNull(staff.QuerySelector($"#attachments a[href='{page}/attachments/{kept}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/attachments/{removed}/delete", [])).StatusCode);
        await using (var db = factory.NewDbContext())
            Assert.False(await db.ConsultationAttachments.AnyAsync(a => a.Id == removed));
        Assert.False(File.Exists(Path.Combine(factory.AttachmentsFolder, removedKey)));

        // Staff download it; the public does not see a draft's file, nor another department's editor.
        var download = await editor.GetAsync($"{page}/attachments/{kept}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(WorkflowSupport.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"/consultations/{id}/attachments/{kept}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("editor.finance")).GetAsync($"{page}/attachments/{kept}")).StatusCode);

        // Submitted: the materials are frozen (no upload form, a 409 for a forged post).
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        var (_, frozen) = await Html.GetAsync(editor, page);
        Assert.Null(frozen.QuerySelector($"form[action='{page}/attachments']"));
        var token = frozen.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var late = await editor.PostAsync($"{page}/attachments/{kept}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // Approved and open: listed on the public page and downloadable, as a download that is never sniffed.
        var reviewer = await SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", [])).StatusCode);
        var citizen = Anonymous();
        var (_, open) = await Html.GetAsync(citizen, $"/consultations/{id}");
        var link = open.QuerySelector("#attachments a")!;
        Assert.Equal("停车办法（征求意见稿）.pdf", link.Text());
        var file = await citizen.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        // Another consultation's id with this file's id: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/consultations/{id + 100000}/attachments/{kept}")).StatusCode);
    }

    [Fact]
    public async Task Consultation_DraftedReviewedCommentedAndModerated_ThroughTheForms()
    {
        var item = await DecisionItemAsync();
        var editor = await SignedInAsync("editor.housing");
        var title = $"停车收费管理办法征求意见 {Guid.NewGuid():N}"[..30];

        var created = await Browserish.PostFormAsync(editor, "/manage/consultations/new", "/manage/consultations/new", Draft(item.Id, title));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // Not public before approval.
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"/consultations/{id}")).StatusCode);
        // Another department's editor: as if it did not exist (ADR 6).
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("editor.finance")).GetAsync(page)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        var reviewer = await SignedInAsync("reviewer");
        var (_, queue) = await Html.GetAsync(reviewer, "/review");
        Assert.NotNull(queue.QuerySelector($"#consultations a[href='{page}']"));
        var (_, officeNotes) = await Html.GetAsync(reviewer, "/notifications"); // the office is told it waits for review
        Assert.NotNull(officeNotes.QuerySelector($".notification-list a[href='{page}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", [])).StatusCode);

        var citizen = Anonymous();
        var (shown, doc) = await Html.GetAsync(citizen, $"/consultations/{id}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("征集中", doc.QuerySelector("#consultation-phase").Text(), StringComparison.Ordinal);
        var questionId = doc.QuerySelector("input[name='Answers[0].QuestionId']")!.GetAttribute("value")!;
        var comment = await Browserish.PostFormAsync(citizen, $"/consultations/{id}", $"/consultations/{id}", new Dictionary<string, string>
        {
            ["Body"] = "建议首30分钟免费延长到1小时。",
            ["PublicName"] = "王先生",
            ["Name"] = "王小明",
            ["Phone"] = "13912345678",
            ["Answers[0].Choice"] = "1",
            ["Answers[1].Text"] = "希望增加泊位。",
        });
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);

        long commentId;
        await using (var db = factory.NewDbContext())
        {
            var stored = await db.ConsultationComments.Include(c => c.Answers).SingleAsync(c => c.ConsultationId == id);
            commentId = stored.Id;
            Assert.Equal(ModerationState.Pending, stored.Moderation);
            Assert.StartsWith(PersonalData.Prefix, stored.NameSealed, StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", stored.PhoneSealed, StringComparison.Ordinal);
            Assert.Equal("13912345678", factory.Services.GetRequiredService<ConsultationContacts>().Reveal(stored.PhoneSealed));
            Assert.Contains(stored.Answers, a => a.QuestionId.ToString(System.Globalization.CultureInfo.InvariantCulture) == questionId && a.Option == 1);
            Assert.Contains(stored.Answers, a => a.Text == "希望增加泊位。");
        }

        // The department is told an opinion waits for moderation; the note carries no contact data.
        var (_, editorNotes) = await Html.GetAsync(editor, "/notifications");
        var note = editorNotes.QuerySelectorAll(".notification-list a").Single(a => a.GetAttribute("href") == page && a.TextContent.Contains("网上意见", StringComparison.Ordinal));
        Assert.DoesNotContain("王小明", note.TextContent, StringComparison.Ordinal);

        // Nothing is shown before moderation, and contacts never.
        var (_, before) = await Html.GetAsync(citizen, $"/consultations/{id}");
        Assert.DoesNotContain("首30分钟免费延长", before.QuerySelector("#comments").Text(), StringComparison.Ordinal);

        var (_, staff) = await Html.GetAsync(editor, page);
        Assert.Contains("13912345678", staff.QuerySelector($"#comment-{commentId}").Text(), StringComparison.Ordinal);
        var (_, office) = await Html.GetAsync(reviewer, page);
        Assert.DoesNotContain("13912345678", office.QuerySelector("main").Text(), StringComparison.Ordinal);

        var moderated = await Browserish.PostFormAsync(editor, page, $"{page}/comments/{commentId}",
            new Dictionary<string, string> { [ModerateCommentHandler.Fields.Decision] = nameof(ModerationState.Accepted) });
        Assert.Equal(HttpStatusCode.Redirect, moderated.StatusCode);
        var (_, after) = await Html.GetAsync(citizen, $"/consultations/{id}");
        var published = after.QuerySelector("#comments").Text();
        Assert.Contains("首30分钟免费延长", published, StringComparison.Ordinal);
        Assert.Contains("王先生", published, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", after.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", after.QuerySelector("main").Text(), StringComparison.Ordinal);

        await using (var db = factory.NewDbContext())
        {
            var codes = await db.AuditEvents.Where(a => a.EntityType == "Consultation" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Equal(["consultation.create", "consultation.submit", "consultation.approve", "consultation.moderate"], codes);
        }
    }

    [Fact]
    public async Task ShortPeriod_WithoutAReason_IsRefusedBesideTheEndDate_KeepingWhatWasTyped()
    {
        var item = await DecisionItemAsync();
        var editor = await SignedInAsync("editor.housing");
        var response = await Browserish.PostFormAsync(editor, "/manage/consultations/new", "/manage/consultations/new", Draft(item.Id, "期限过短的征集", days: 15));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("第十四条", doc.QuerySelector("#EndsOn-error").Text(), StringComparison.Ordinal);
        Assert.Equal("期限过短的征集", doc.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal("同意\n不同意", doc.QuerySelector("textarea[name='Questions[0].Options']")!.TextContent.Trim().ReplaceLineEndings("\n"));

        var withReason = Draft(item.Id, "期限较短的征集", days: 15);
        withReason["ShortPeriodReason"] = "汛期临近，须尽快出台。";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, "/manage/consultations/new", "/manage/consultations/new", withReason)).StatusCode);
    }

    [Fact]
    public async Task Feedback_MustAddUpToTheAcceptedOpinions_ThenShowsWithTheQuestionnaireChart()
    {
        var item = await DecisionItemAsync();
        var today = factory.Clock.Today();
        int id;
        await using (var db = factory.NewDbContext())
        {
            var c = Consultation.Create(item.DepartmentId, ConsultationSamples.Draft(item.Id, item.DomainId, today.AddDays(-40), today.AddDays(-5), "已结束的征集"), "编辑", null, factory.Clock.GetUtcNow());
            c.Submit(today.AddDays(-41), "编辑", null, factory.Clock.GetUtcNow());
            c.Approve(today.AddDays(-41), "审核员", null, factory.Clock.GetUtcNow());
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            var q = c.Questions.Single(x => x.Kind == QuestionKind.SingleChoice);
            foreach (var option in new[] { 0, 0, 1 })
            {
                var comment = c.ReceiveOnline(new CommentDetails("意见", null, true, null, null, null, null) { Answers = [new AnswerDraft(q.Id, option, null)] }, today.AddDays(-10), factory.Clock.GetUtcNow());
                db.ConsultationComments.Add(comment);
                await db.SaveChangesAsync();
                c.Moderate(comment, ModerationState.Accepted, "编辑", null, factory.Clock.GetUtcNow());
            }
            await db.SaveChangesAsync();
            id = c.Id;
        }
        var editor = await SignedInAsync("editor.housing");
        var form = $"/manage/consultations/{id}/feedback";
        var wrong = await Browserish.PostFormAsync(editor, form, form, new Dictionary<string, string>
        {
            ["Adopted"] = "1", ["AdoptedReason"] = "已采纳", ["PartlyAdopted"] = "0", ["NotAdopted"] = "1", ["NotAdoptedReason"] = "与上位法不符",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("3条", (await Html.ParseAsync(wrong)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);

        var right = await Browserish.PostFormAsync(editor, form, form, new Dictionary<string, string>
        {
            ["Adopted"] = "2", ["AdoptedReason"] = "已采纳", ["PartlyAdopted"] = "0", ["NotAdopted"] = "1", ["NotAdoptedReason"] = "与上位法不符",
        });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        var (_, doc) = await Html.GetAsync(Anonymous(), $"/consultations/{id}");
        Assert.Contains("共收到有效意见3条，其中采纳2条，部分采纳0条，未采纳1条", doc.QuerySelector("#feedback-summary").Text(), StringComparison.Ordinal);
        var chart = doc.QuerySelector("#feedback svg.bar-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotNull(chart.QuerySelector("title"));
        Assert.Equal(2, chart.QuerySelectorAll("rect").Length);
        Assert.Equal(["2", "1"], doc.QuerySelector("#feedback .result-table")!.QuerySelectorAll("tbody td:nth-of-type(1)").Select(td => td.Text()));
        Assert.Null(doc.QuerySelector("#comment-form"));
    }

    [Fact]
    public async Task OverdueFeedback_AppearsOnTheOfficeDashboard_AfterThirtyWorkingDays()
    {
        var item = await DecisionItemAsync();
        var today = factory.Clock.Today();
        int id;
        await using (var db = factory.NewDbContext())
        {
            var c = Consultation.Create(item.DepartmentId, ConsultationSamples.Draft(item.Id, item.DomainId, today.AddDays(-120), today.AddDays(-70), "逾期未反馈的征集"), "编辑", null, factory.Clock.GetUtcNow());
            c.Submit(today.AddDays(-121), "编辑", null, factory.Clock.GetUtcNow());
            c.Approve(today.AddDays(-121), "审核员", null, factory.Clock.GetUtcNow());
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
        }
        var (_, office) = await Html.GetAsync(await SignedInAsync("reviewer"), "/office");
        Assert.NotNull(office.QuerySelector($"#consultation-feedback a[href='/manage/consultations/{id}']"));
    }

    [Fact]
    public async Task HoneypotFilled_StoresNothing()
    {
        var item = await DecisionItemAsync();
        var today = factory.Clock.Today();
        int id;
        await using (var db = factory.NewDbContext())
        {
            var c = Consultation.Create(item.DepartmentId, ConsultationSamples.Draft(item.Id, item.DomainId, today.AddDays(-1), today.AddDays(30), "蜜罐测试"), "编辑", null, factory.Clock.GetUtcNow());
            c.Submit(today.AddDays(-2), "编辑", null, factory.Clock.GetUtcNow());
            c.Approve(today.AddDays(-2), "审核员", null, factory.Clock.GetUtcNow());
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
        }
        var response = await Browserish.PostFormAsync(Anonymous(), $"/consultations/{id}", $"/consultations/{id}",
            new Dictionary<string, string> { ["Body"] = "机器人意见", [CommentForm.HoneypotField] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = factory.NewDbContext();
        Assert.False(await check.ConsultationComments.AnyAsync(c => c.ConsultationId == id));
    }

    [Fact]
    public async Task Retention_RemovesContacts_OfConsultationsClosedLongerThanTheSetting_KeepingTheOpinions()
    {
        var item = await DecisionItemAsync();
        var today = factory.Clock.Today();
        var contacts = factory.Services.GetRequiredService<ConsultationContacts>();
        int old, recent;
        await using (var db = factory.NewDbContext())
        {
            async Task<int> ClosedAsync(DateOnly ends)
            {
                var c = Consultation.Create(item.DepartmentId, ConsultationSamples.Draft(item.Id, item.DomainId, ends.AddDays(-30), ends, "保存期限测试"), "编辑", null, factory.Clock.GetUtcNow());
                c.Submit(ends.AddDays(-31), "编辑", null, factory.Clock.GetUtcNow());
                c.Approve(ends.AddDays(-31), "审核员", null, factory.Clock.GetUtcNow());
                db.Consultations.Add(c);
                await db.SaveChangesAsync();
                db.ConsultationComments.Add(c.ReceiveOnline(new CommentDetails("意见", null, true, contacts.Seal("赵六"), contacts.Seal("13700000000"), null, null), ends.AddDays(-1), factory.Clock.GetUtcNow()));
                await db.SaveChangesAsync();
                return c.Id;
            }
            old = await ClosedAsync(today.AddMonths(-25));
            recent = await ClosedAsync(today.AddMonths(-23));
        }
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<RemoveExpiredContactsHandler>().HandleAsync(default) >= 1);
        await using var check = factory.NewDbContext();
        var gone = await check.ConsultationComments.SingleAsync(c => c.ConsultationId == old);
        Assert.Null(gone.NameSealed);
        Assert.Null(gone.PhoneSealed);
        Assert.Equal("意见", gone.Body);
        Assert.NotNull((await check.Consultations.SingleAsync(c => c.Id == old)).ContactsRemovedAt);
        Assert.NotNull((await check.ConsultationComments.SingleAsync(c => c.ConsultationId == recent)).PhoneSealed);
    }
}

public sealed class ConsultationsOnSqlite(SqlitePortal factory) : ConsultationTests(factory), IClassFixture<SqlitePortal>;

public sealed class ConsultationsOnPostgres(PostgresPortal factory) : ConsultationTests(factory), IClassFixture<PostgresPortal>;
