using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Cases;

public abstract class CasesTests(PortalFactory factory)
{
    private string Today => TodayDate.ToString("yyyy-MM-dd");

    private async Task<ApplicationCase> SubmittedOnlineAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var c = ApplicationCase.Submit(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "张三丰", IdentityNumber = "11010519491231002X",
            Contact = "13800000000", InformationDescription = "2025年农村危房改造补助资金发放明细", Channel = ApplicationChannel.Online,
        }, Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), factory.Clock.GetUtcNow().AddMinutes(-5));
        db.ApplicationCases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action, Dictionary<string, string> fields)
    {
        var page = $"/cases/{id}";
        fields["Version"] = await Browserish.InputValueAsync(client, page, "Version");
        return await Browserish.PostFormAsync(client, page, $"{page}/{action}", fields);
    }

    /// <summary>An action the case page does not offer in the case's state, sent by hand.</summary>
    private static async Task<HttpResponseMessage> ForgedActAsync(HttpClient client, int id, string action, Dictionary<string, string> fields)
    {
        var page = $"/cases/{id}";
        fields["Version"] = await Browserish.InputValueAsync(client, page, "Version");
        return await ForgedRequests.PostAsync(client, $"{page}/{action}", await ForgedRequests.TokenAsync(client, page), fields);
    }

    [Fact]
    public async Task TheOffice_ConfirmsConsultsExtendsReplies_AndTheDueDateFollowsTheRules()
    {
        var c = await SubmittedOnlineAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Equal(["确认收到"], page.QuerySelectorAll(".case-action h3").Select(h => h.Text()));
        Assert.Single(page.QuerySelectorAll(".case-action form[method=post]"));
        Assert.Equal("11010519491231002X", page.QuerySelectorAll(".elements dd.mono").First().Text()); // whole on the case page

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "confirmreceipt", new() { ["On"] = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "sendconsultation", new() { ["On"] = Today, ["Text"] = "第三方：某公司" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "receiveconsultation", new() { ["On"] = Today, ["Text"] = "同意公开" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "extend", new() { ["On"] = Today, ["Days"] = "10", ["Text"] = "需汇总多个乡镇数据", ["Approver"] = "刘主任" })).StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var saved = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
            var calendar = await CalendarLoader.LoadAsync(db);
            var today = DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(calendar.AddWorkingDays(calendar.AddWorkingDays(today, 20), 10), saved.DueOn); // same-day consultation pauses nothing
            Assert.Equal(10, saved.ExtensionWorkingDays);
        }
        var (_, afterExtend) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.DoesNotContain(afterExtend.QuerySelectorAll(".case-action h3"), h => h.Text() == "延期答复"); // one extension only
        Assert.Contains("延长10个工作日", afterExtend.QuerySelector(".deadline-steps").Text(), StringComparison.Ordinal);

        var (_, drafted) = await Html.GetAsync(reviewer, $"/cases/{c.Id}?template=partially");
        var letter = drafted.QuerySelector("#text-Reply").Text();
        Assert.StartsWith("张三丰：", letter, StringComparison.Ordinal);
        Assert.Contains("第三十七条", letter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "reply", new() { ["On"] = Today, ["Template"] = "partially", ["Text"] = letter + "涉及个人隐私的部分已作遮盖处理。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "deliver", new() { ["On"] = Today, ["Delivery"] = "2" })).StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var closed = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
            Assert.Equal(ApplicationState.Closed, closed.State);
            Assert.Equal(ReplyType.PartiallyDisclosed, closed.ReplyType);
            // The remedy names the site's 行政复议机关 and court (its identity, issue 20), not just the periods.
            var site = DisclosurePortal.Data.Seed.DemoSiteIdentity.Fields;
            Assert.EndsWith(DisclosurePortal.Domain.Site.SiteIdentity.RemedyNaming(site.ReviewOrgan!, site.Court!), closed.ReplyLetter, StringComparison.Ordinal);
            Assert.Equal(7, closed.Events.Count);
            Assert.Equal(6, await db.AuditEvents.CountAsync(e => e.EntityType == "ApplicationCase" && e.EntityId == c.Id.ToString()));
        }
    }

    [Fact]
    public async Task TheCasePage_LeadsWithTheNextStepTheLawExpects_TheOtherActionsOneClickAway()
    {
        var c = await SubmittedOnlineAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.StartsWith("下一步：确认收到", page.QuerySelector("#next-step strong")!.Text(), StringComparison.Ordinal);
        Assert.Contains("第三十一条", page.QuerySelector("#next-step .hint")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("details.other-actions"));
        // What the applicant asked to receive, and how (issue 18).
        Assert.Equal(ProvisionForms.Describe(c.ProvisionForm), page.QuerySelector("#case-provision-form")!.Text());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#case-delivery-method")!.Text()));

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "confirmreceipt", new() { ["On"] = Today })).StatusCode);
        (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        // Within Art. 30's 7 working days: answer, or ask once for a supplement; the rest folded away.
        Assert.Equal("下一步：答复（或：补正告知）", page.QuerySelector("#next-step p")!.Text());
        Assert.Equal(["答复", "补正告知"], page.QuerySelectorAll(".case-actions-lead .case-action h3").Select(h => h.Text()));
        var others = page.QuerySelector("details.other-actions")!;
        Assert.False(others.HasAttribute("open"));
        Assert.Equal(["征求意见", "延期答复", "分办", "发出收费通知"], others.QuerySelectorAll(".case-action h3").Select(h => h.Text()));

        // A refused action among the others opens them, so its message is in sight.
        var refused = await ActAsync(reviewer, c.Id, "extend", new() { ["On"] = Today, ["Days"] = "10", ["Text"] = "", ["Approver"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.True(again.QuerySelector("details.other-actions")!.HasAttribute("open"));
    }

    [Fact]
    public async Task RefusedActions_SayWhy_KeepWhatWasTyped_AndChangeNothing()
    {
        var c = await SubmittedOnlineAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var future = TodayDate.AddDays(5).ToString("yyyy-MM-dd");
        var refused = await ActAsync(reviewer, c.Id, "confirmreceipt", new() { ["On"] = future });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var doc = await Html.ParseAsync(refused);
        Assert.Contains("不能晚于今天", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(future, doc.QuerySelector("#on-ConfirmReceipt")!.GetAttribute("value"));

        await ActAsync(reviewer, c.Id, "confirmreceipt", new() { ["On"] = Today });
        var noApprover = await ActAsync(reviewer, c.Id, "extend", new() { ["On"] = Today, ["Days"] = "25", ["Text"] = "理由写了很久", ["Approver"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noApprover.StatusCode);
        var extendDoc = await Html.ParseAsync(noApprover);
        Assert.Contains("1至20个工作日", extendDoc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("理由写了很久", extendDoc.QuerySelector("#text-Extend")!.GetAttribute("value"));

        var notAllowed = await ForgedActAsync(reviewer, c.Id, "deliver", new() { ["On"] = Today, ["Delivery"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, notAllowed.StatusCode);
        Assert.Contains("不能送达归档", (await Html.ParseAsync(notAllowed)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedActAsync(reviewer, c.Id, "delete-everything", [])).StatusCode);

        await using var db = factory.NewDbContext();
        var saved = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
        Assert.Null(saved.ExtensionWorkingDays);
        Assert.Equal(ApplicationState.InProgress, saved.State);
        Assert.Equal(2, saved.Events.Count);
    }

    [Fact]
    public async Task AFeeNotice_CountsTheApplicantsItemsThisMonth_PausesTheClock_AndTheApplicantSeesIt()
    {
        _ = factory.Server;
        var identity = "FEE" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(); // this test's own applicant
        var today = DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture);
        ApplicationCase earlier, c;
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            ApplicationCase Paper(string what) => ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.LegalServiceProvider, ApplicantName = "某律师事务所", IdentityNumber = identity,
                Contact = "0839-1234567", InformationDescription = what, Channel = ApplicationChannel.InPerson,
            }, DisclosurePortal.Domain.Applications.QueryCodes.New(), today, "窗口", factory.Clock.GetUtcNow(), calendar, today);
            earlier = Paper("某路段工程招标文件");
            db.ApplicationCases.Add(earlier);
            await db.SaveChangesAsync();
            c = Paper("全县各乡镇道路工程招标文件，共12个乡镇");
            db.ApplicationCases.Add(c);
            await db.SaveChangesAsync();
        }
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Contains("本月此前已申请1件", page.QuerySelector("#items-hint")!.Text(), StringComparison.Ordinal);

        var bad = await ActAsync(reviewer, c.Id, "notifyfee", new() { ["On"] = Today, ["Items"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badDoc = await Html.ParseAsync(bad);
        Assert.Contains("件数应为1至1000", badDoc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("0", badDoc.QuerySelector("#items-NotifyFee")!.GetAttribute("value"));
        var free = await ActAsync(reviewer, c.Id, "notifyfee", new() { ["On"] = Today, ["Items"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, free.StatusCode);
        Assert.Contains("不收取信息处理费", (await Html.ParseAsync(free)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "notifyfee", new() { ["On"] = Today, ["Items"] = "12" })).StatusCode);
        await using (var db = factory.NewDbContext())
        {
            var saved = await db.ApplicationCases.SingleAsync(x => x.Id == c.Id);
            Assert.Equal(ApplicationState.AwaitingFee, saved.State);
            Assert.Equal(300m, saved.FeeAmount); // items 2–13 of the month: 11, 12, 13 at ¥100
            Assert.Equal(12, saved.ItemCount);
            var calendar = await CalendarLoader.LoadAsync(db);
            Assert.Equal(calendar.AddWorkingDays(today, 20), saved.FeePaymentDeadline);
        }
        var (_, notified) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Equal(["登记缴费", "按逾期未缴费办结"], notified.QuerySelectorAll(".case-action h3").Select(h => h.Text()));
        Assert.Contains("300元", notified.QuerySelector("#case-fee")!.Text(), StringComparison.Ordinal);
        var early = await ActAsync(reviewer, c.Id, "closefeeunpaid", []);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚未届满", (await Html.ParseAsync(early)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);

        var (_, track) = await Html.GetAsync(Browserish.NewClient(factory), $"/track?code={c.QueryCode}");
        Assert.Contains("应缴信息处理费300元", track.QuerySelector("#fee-notice")!.Text(), StringComparison.Ordinal);
        Assert.Equal("待缴费", track.QuerySelector("#case-state strong")!.Text());

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "recordfeepayment", new() { ["On"] = Today })).StatusCode);
        await using (var db = factory.NewDbContext())
        {
            var paid = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
            Assert.Equal(ApplicationState.InProgress, paid.State);
            Assert.Equal(today, paid.FeePaidOn);
            Assert.Equal(paid.Events.Single(e => e.Kind == ApplicationEventKind.ReceiptConfirmed).DueOnAfter, paid.DueOn); // paid the same day: nothing paused
            Assert.Equal(1, (await db.ApplicationCases.SingleAsync(x => x.Id == earlier.Id)).ItemCount);
        }
    }

    [Fact]
    public async Task ACorrectedCalendar_ChangesStoredDueDates_OnlyWhenTheOfficeAppliesIt()
    {
        _ = factory.Server;
        var today = DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture);
        ApplicationCase c;
        DateOnly holiday;
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            c = ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "赵六", Contact = "13700000000",
                InformationDescription = "某村土地征收补偿标准", Channel = ApplicationChannel.Mail,
            }, DisclosurePortal.Domain.Applications.QueryCodes.New(), today, "窗口", factory.Clock.GetUtcNow(), calendar, today);
            db.ApplicationCases.Add(c);
            holiday = calendar.AddWorkingDays(today, 3); // the administrator then enters a holiday inside the reply period
            db.CalendarDays.Add(new DisclosurePortal.Domain.Calendar.CalendarDay(holiday, DisclosurePortal.Domain.Calendar.CalendarDayKind.Off, "测试更正"));
            await db.SaveChangesAsync();
        }
        try
        {
            var stored = c.DueOn!.Value;
            var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
            var (_, page) = await Html.GetAsync(reviewer, "/cases/calendar-corrections");
            var row = page.QuerySelectorAll("#corrections tbody tr").Single(r => r.Text().Contains(c.QueryCode, StringComparison.Ordinal));
            DateOnly corrected;
            await using (var db = factory.NewDbContext())
            {
                corrected = (await CalendarLoader.LoadAsync(db)).AddWorkingDays(today, 20);
                Assert.Equal(stored, (await db.ApplicationCases.SingleAsync(x => x.Id == c.Id)).DueOn); // looking changes nothing
            }
            Assert.Contains(corrected.ToString("yyyy-MM-dd"), row.Text(), StringComparison.Ordinal);

            var applied = await Browserish.PostFormAsync(reviewer, "/cases/calendar-corrections", "/cases/calendar-corrections", []);
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
            await using (var db = factory.NewDbContext())
            {
                var saved = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
                Assert.Equal(corrected, saved.DueOn);
                Assert.Contains($"由{stored:yyyy-MM-dd}调整为{corrected:yyyy-MM-dd}", saved.Events.OrderBy(e => e.Id).Last().Note, StringComparison.Ordinal);
            }
            var (_, after) = await Html.GetAsync(reviewer, "/cases/calendar-corrections");
            Assert.DoesNotContain(c.QueryCode, after.Body!.Text(), StringComparison.Ordinal);
        }
        finally
        {
            await using var db = factory.NewDbContext();
            await db.CalendarDays.Where(d => d.Date == holiday && d.Note == "测试更正").ExecuteDeleteAsync();
        }
    }

    private static Dictionary<string, string> PaperApplication(string channel, string receivedOn) => new()
    {
        ["channel"] = channel, ["receivedOn"] = receivedOn, ["ApplicantKind"] = "2", ["ApplicantName"] = "青川县某建材有限公司",
        ["IdentityNumber"] = "91350100M000100Y43", ["ContactPerson"] = "王经理", ["Contact"] = "0839-1234567",
        ["PostalAddress"] = "青川县工业园区1号", ["InformationDescription"] = $"2025年度政府采购项目中标结果 {Guid.NewGuid():N}",
        ["ProvisionForm"] = "1", ["DeliveryMethod"] = "1",
    };

    [Fact]
    public async Task APaperApplication_IsRegistered_ReceivedTheDayItWasSignedFor()
    {
        _ = factory.Server;
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var signedFor = TodayDate.AddDays(-3).ToString("yyyy-MM-dd");
        var form = PaperApplication("2", signedFor);
        var response = await Browserish.PostFormAsync(reviewer, "/cases/new", "/cases/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = factory.NewDbContext();
        var c = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.InformationDescription == form["InformationDescription"]);
        var calendar = await CalendarLoader.LoadAsync(db);
        var received = DateOnly.Parse(signedFor, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ApplicationChannel.Mail, c.Channel);
        Assert.Equal(ApplicationState.InProgress, c.State);
        Assert.Equal(received, c.ReceivedOn);
        Assert.Equal(calendar.AddWorkingDays(received, 20), c.DueOn);
        Assert.Contains("签收之日", c.Events[^1].Note, StringComparison.Ordinal);
        var (_, page) = await Html.GetAsync(reviewer, response.Headers.Location!.OriginalString);
        Assert.Contains(c.QueryCode, page.QuerySelector(".flash").Text(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> BadCreditCode(Dictionary<string, string> form)
    {
        form["IdentityNumber"] = "91350100M000100Y44"; // wrong check character (GB 32100)
        return form;
    }

    [Fact]
    public async Task RegistrationRefusals_KeepTheForm()
    {
        _ = factory.Server;
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var future = TodayDate.AddDays(2).ToString("yyyy-MM-dd");
        foreach (var (form, field, message) in new[]
                 {
                     (PaperApplication("3", Today), "channel", "请选择当面提交或邮寄。"),
                     (PaperApplication("1", future), "receivedOn", "收到申请之日不能晚于今天。"),
                     (BadCreditCode(PaperApplication("1", Today)), "IdentityNumber", ""), // the form's own (checksum) message
                 })
        {
            await using var before = factory.NewDbContext();
            var count = await before.ApplicationCases.CountAsync();
            // Channel 3 (online) is not among the form's choices: sent as a tampered form.
            var response = field == "channel"
                ? await ForgedRequests.TamperedFormAsync(reviewer, "/cases/new", "/cases/new", form)
                : await Browserish.PostFormAsync(reviewer, "/cases/new", "/cases/new", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var doc = await Html.ParseAsync(response);
            Assert.Contains(message, doc.QuerySelector($"#{field}-error").Text(), StringComparison.Ordinal);
            Assert.NotEmpty(doc.QuerySelector($"#{field}-error").Text());
            Assert.Equal(form["InformationDescription"], doc.QuerySelector("#InformationDescription").Text());
            await using var after = factory.NewDbContext();
            Assert.Equal(count, await after.ApplicationCases.CountAsync());
        }
    }

    [Fact]
    public async Task TheList_PutsConfirmationsFirst_AndMasksPersonalData()
    {
        var c = await SubmittedOnlineAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, "/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = doc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a").Text() == c.QueryCode);
        Assert.Contains("张*", row.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", doc.Body.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", doc.Body.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync("/cases?month=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync("/cases?state=Nonsense")).StatusCode);
    }

    /// <summary>A paper application received on <paramref name="received"/>, arranged as the office would have registered it.</summary>
    private async Task<ApplicationCase> RegisteredAsync(DateOnly received, DateOnly? today = null, Action<ApplicationCase, Domain.Calendar.WorkingCalendar>? then = null)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var calendar = await CalendarLoader.LoadAsync(db);
        var c = ApplicationCase.Register(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "孙八", Contact = "13600000000",
            InformationDescription = $"期限测试申请 {Guid.NewGuid():N}", Channel = ApplicationChannel.InPerson,
        }, DisclosurePortal.Domain.Applications.QueryCodes.New(), received, "窗口", factory.Clock.GetUtcNow(), calendar, today ?? received);
        then?.Invoke(c, calendar);
        db.ApplicationCases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    private DateOnly TodayDate => factory.Clock.Today();

    /// <summary>The list row of a case, looked for over every page of <paramref name="list"/>.</summary>
    private static async Task<AngleSharp.Dom.IElement?> RowAsync(HttpClient client, string list, string code)
    {
        for (var page = 1; page < 100; page++)
        {
            var (response, doc) = await Html.GetAsync(client, $"{list}{(list.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var row = doc.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("a")?.Text() == code);
            if (row is not null) return row;
        }
        return null;
    }

    [Theory]
    [InlineData("2026-13-45")]
    [InlineData("昨天")]
    [InlineData("")]
    public async Task AMalformedDate_IsRefusedWith400_NotReplacedByToday(string typed)
    {
        var c = await SubmittedOnlineAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var response = await ActAsync(reviewer, c.Id, "confirmreceipt", new() { ["On"] = typed });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("日期", doc.QuerySelector(".form-errors")!.Text(), StringComparison.Ordinal);
        Assert.Contains("年-月-日", doc.QuerySelector(".form-errors")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#on-ConfirmReceipt")); // the case page, with its forms, again
        await using var db = factory.NewDbContext();
        var saved = await db.ApplicationCases.SingleAsync(x => x.Id == c.Id);
        Assert.Equal(ApplicationState.AwaitingConfirmation, saved.State);
        Assert.Null(saved.ReceivedOn);
    }

    [Fact]
    public async Task ACaseActionText_WithAControlCharacter_IsRefusedOnTheCasePage_KeepingTheText()
    {
        var c = await RegisteredAsync(TodayDate);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        const string pasted = "请补充所需信息的文号\v及形成时间。\n第二行可以换行。";
        var response = await ActAsync(reviewer, c.Id, "requestsupplement",
            new() { ["On"] = Today, ["Until"] = TodayDate.AddDays(15).ToString("yyyy-MM-dd"), ["Text"] = pasted });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("控制字符", doc.QuerySelector(".form-errors")!.Text(), StringComparison.Ordinal);
        Assert.Equal(pasted, doc.QuerySelector("#text-RequestSupplement")!.Text()); // the case page again, the text as typed
        await using var db = factory.NewDbContext();
        Assert.Equal(ApplicationState.InProgress, (await db.ApplicationCases.SingleAsync(x => x.Id == c.Id)).State);
    }

    [Fact]
    public async Task AMalformedSupplementDeadline_IsRefusedWith400()
    {
        var c = await RegisteredAsync(TodayDate);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var response = await ActAsync(reviewer, c.Id, "requestsupplement", new() { ["On"] = Today, ["Until"] = "2026-02-30", ["Text"] = "写明年份" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("补正期限无效", doc.QuerySelector(".form-errors")!.Text(), StringComparison.Ordinal);
        Assert.Contains("年-月-日", doc.QuerySelector(".form-errors")!.Text(), StringComparison.Ordinal);
        Assert.Equal("写明年份", doc.QuerySelector("#text-RequestSupplement")!.Text()); // what was typed is kept
        await using var db = factory.NewDbContext();
        Assert.Equal(ApplicationState.InProgress, (await db.ApplicationCases.SingleAsync(x => x.Id == c.Id)).State);
    }

    [Fact]
    public async Task ACaseAwaitingASupplement_IsNotOverdue_AndShowsTheApplicantsDeadline()
    {
        var today = TodayDate;
        var supplementBy = today.AddDays(10);
        // Received 90 days ago: its reply date from receipt is long past, but a supplement is awaited (条例 Art. 30).
        var c = await RegisteredAsync(today.AddDays(-90), today, (c, calendar) =>
            c.RequestSupplement(today.AddDays(-89), supplementBy, "写明年份", "窗口", factory.Clock.GetUtcNow(), calendar, today));
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");

        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        var badge = page.QuerySelector("#due-badge")!.Text();
        Assert.Contains("等待补正", badge, StringComparison.Ordinal);
        Assert.Contains(supplementBy.ToString("yyyy-MM-dd"), badge, StringComparison.Ordinal);
        Assert.DoesNotContain("超期", page.QuerySelector(".form-page > p")!.Text(), StringComparison.Ordinal);
        Assert.Contains("等待补正期间答复期限不计算", page.QuerySelector(".deadline-steps")!.Text(), StringComparison.Ordinal);

        Assert.Null(await RowAsync(reviewer, "/cases?due=overdue", c.QueryCode));
        var row = await RowAsync(reviewer, "/cases?due=supplement", c.QueryCode);
        Assert.NotNull(row);
        Assert.Contains(supplementBy.ToString("yyyy-MM-dd"), row.Text(), StringComparison.Ordinal);
        Assert.Contains("补正期限", row.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("已超期", row.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSupplementNoticeDeadline_IsShownFromRegistration_UntilTheNoticeIsSent()
    {
        var today = TodayDate;
        var c = await RegisteredAsync(today);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        DateOnly noticeDue;
        await using (var db = factory.NewDbContext())
            noticeDue = (await CalendarLoader.LoadAsync(db)).AddWorkingDays(today, ReplyDeadline.SupplementNoticeWorkingDays);
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Contains(noticeDue.ToString("yyyy-MM-dd"), page.QuerySelector("#supplement-notice-due")!.Text(), StringComparison.Ordinal);
        Assert.Contains("补正告知", page.QuerySelector("#supplement-notice-due")!.Text(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "requestsupplement", new() { ["On"] = Today, ["Until"] = today.AddDays(15).ToString("yyyy-MM-dd"), ["Text"] = "写明年份" })).StatusCode);
        var (_, after) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Null(after.QuerySelector("#supplement-notice-due"));
    }

    [Fact]
    public async Task AMissedSupplementNoticeDeadline_IsShownAsMissed()
    {
        var today = TodayDate;
        var c = await RegisteredAsync(today.AddDays(-30), today);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        Assert.Contains("已过", page.QuerySelector("#supplement-notice-due")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseReceived4December2026_IsDueAfterNewYear2027_Provisionally()
    {
        var c = await RegisteredAsync(new DateOnly(2026, 12, 4));
        // 2027 has no schedule entered: 元旦 (Fri 1 Jan 2027) is a statutory holiday all the same.
        Assert.Equal(new DateOnly(2027, 1, 4), c.DueOn);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        var badge = page.QuerySelector("#due-badge")!.Text();
        Assert.Contains("2027-01-04", badge, StringComparison.Ordinal);
        Assert.Contains("暂定", badge, StringComparison.Ordinal);
        var steps = page.QuerySelector(".deadline-steps")!.Text();
        Assert.Contains("2027年1月1日为节假日", steps, StringComparison.Ordinal);
        Assert.Contains("调休", steps, StringComparison.Ordinal);
        // The history's "此后答复期限" of the registration is the same date, and as provisional.
        var history = page.QuerySelectorAll("table.staff-table tbody tr").Select(r => r.QuerySelectorAll("td").Last().Text()).ToList();
        Assert.Contains(history, cell => cell.Contains("2027-01-04", StringComparison.Ordinal) && cell.Contains("暂定", StringComparison.Ordinal));

        var row = await RowAsync(reviewer, "/cases?month=2026-12", c.QueryCode);
        Assert.NotNull(row);
        Assert.Contains("2027-01-04", row.Text(), StringComparison.Ordinal);
        Assert.Contains("暂定", row.Text(), StringComparison.Ordinal);

        var (_, track) = await Html.GetAsync(Browserish.NewClient(factory), $"/track?code={c.QueryCode}");
        Assert.Contains("2027-01-04", track.QuerySelector("#due-on")!.Text(), StringComparison.Ordinal);
        Assert.Contains("暂定", track.QuerySelector("#due-on")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultationRecordedAfterTheFact_ShowsTheDueDateOfItsOwnDay()
    {
        var today = TodayDate;
        var received = today.AddDays(-14);
        var c = await RegisteredAsync(received, today);
        DateOnly sent, dueThen;
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            sent = Enumerable.Range(1, 14).Select(d => today.AddDays(-d)).First(d => calendar.WorkingDaysBetween(d, today) >= 3);
            dueThen = calendar.AddWorkingDays(received, ReplyDeadline.ReplyWorkingDays);
        }
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, c.Id, "sendconsultation", new() { ["On"] = sent.ToString("yyyy-MM-dd"), ["Text"] = "第三方：某公司" })).StatusCode);
        var (_, page) = await Html.GetAsync(reviewer, $"/cases/{c.Id}");
        var row = page.QuerySelectorAll("table.staff-table tbody tr").Last();
        Assert.Equal("征求意见", row.Children[1].Text());
        Assert.Equal(dueThen.ToString("yyyy-MM-dd"), row.Children[^1].Text().Trim()); // no days paused yet on the day it was sent
    }

    [Fact]
    public async Task EditorsAndAdmins_CannotHandleApplications_AnonymousIsSentToLogin()
    {
        var c = await SubmittedOnlineAsync();
        foreach (var user in new[] { "editor.housing", "admin" })
        {
            var client = await Browserish.SignedInAsync(factory, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/cases")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/cases/{c.Id}")).StatusCode);
            var post = await ForgedRequests.PostAsync(client, $"/cases/{c.Id}/confirmreceipt", await ForgedRequests.TokenAsync(client, "/manage"),
                new Dictionary<string, string> { ["On"] = Today, ["Version"] = "1" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        var anonymous = Browserish.NewClient(factory);
        Assert.StartsWith("/account/login", (await anonymous.GetAsync($"/cases/{c.Id}")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(ApplicationState.AwaitingConfirmation, (await db.ApplicationCases.SingleAsync(x => x.Id == c.Id)).State);
    }
}

public sealed class CasesOnSqlite(SqlitePortal factory) : CasesTests(factory), IClassFixture<SqlitePortal>;

public sealed class CasesOnPostgres(PostgresPortal factory) : CasesTests(factory), IClassFixture<PostgresPortal>;
