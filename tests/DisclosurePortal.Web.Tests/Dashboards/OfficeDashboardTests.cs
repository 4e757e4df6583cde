using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;
using Record = DisclosurePortal.Domain.Publishing.Record;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.Web.Tests.Dashboards;

/// <summary>
/// The office dashboard counts what is due across every department; known records, cases and policies with dates on
/// the working-day calendar move each number by exactly what they should, and every number links to a list that
/// shows that many rows.
/// </summary>
public abstract class OfficeDashboardTests(PortalFactory factory)
{
    private static readonly string[] Numbers =
    [
        "/review", "/review?stage=confidentiality", "/review?stage=legality", "/review?stage=disclosure-attribute",
        "/office/deadlines?due=overdue", "/office/deadlines?due=soon", "/office/deadlines?due=upcoming",
        "/cases?due=overdue", "/cases?due=soon", "/cases?due=upcoming", "/cases?state=AwaitingConfirmation",
        "/cases?due=supplement", "/cases?due=notice-soon", "/cases?due=notice-missed",
        "/review/interpretations?status=overdue", "/review/interpretations?status=late", "/review/interpretations?status=pending",
        "/office/messages?due=overdue", "/office/messages?due=soon", "/office/messages?due=triage",
    ];

    /// <summary>The dashboard's numbers this year: the fixed ones and the year's expected publications by outcome (ADR 33).</summary>
    private string[] AllNumbers =>
    [
        .. Numbers,
        .. new[] { "missing", "late", "not-yet-due", "on-time", "due" }.Select(o => $"/office/expectations?outcome={o}&year={factory.Clock.Today().Year}"),
    ];

    [Fact]
    public async Task Numbers_MoveByTheKnownData_AndEachLinksToAListOfThatManyRows()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var before = await NumbersAsync(reviewer);

        await ArrangeAsync();
        var after = await NumbersAsync(reviewer);

        int Delta(string href) => after[href] - before[href];
        Assert.Equal(2, Delta("/review"));
        Assert.Equal(1, Delta("/review?stage=confidentiality")); // the second has passed 保密审查
        Assert.Equal(2, Delta("/review?stage=legality"));
        Assert.Equal(2, Delta("/review?stage=disclosure-attribute"));
        Assert.Equal(1, Delta("/office/deadlines?due=overdue"));
        Assert.Equal(1, Delta("/office/deadlines?due=soon"));
        Assert.Equal(2, Delta("/office/deadlines?due=upcoming")); // the one due soon and the one due in 4–10 working days
        Assert.Equal(1, Delta("/cases?due=overdue")); // not the one awaiting a supplement, whose old reply date is as far past
        Assert.Equal(1, Delta("/cases?due=soon"));
        Assert.Equal(2, Delta("/cases?due=upcoming"));
        Assert.Equal(0, Delta("/cases?state=AwaitingConfirmation"));
        Assert.Equal(1, Delta("/cases?due=supplement"));
        Assert.Equal(1, Delta("/cases?due=notice-soon"));
        Assert.Equal(3, Delta("/cases?due=notice-missed")); // the three in progress received long ago, with no notice sent
        Assert.Equal(1, Delta("/review/interpretations?status=overdue"));
        Assert.Equal(1, Delta("/review/interpretations?status=pending"));
        Assert.Equal(0, Delta("/review/interpretations?status=late"));

        foreach (var href in AllNumbers)
            Assert.True(after[href] == await RowsAsync(reviewer, href), $"{href}: the dashboard says {after[href]}");

        // The calendar years the office must still enter: this year and next, whichever are missing.
        var today = factory.Clock.Today();
        await using var db = factory.NewDbContext();
        var known = await db.CalendarYears.Select(y => y.Year).ToListAsync();
        var missing = new[] { today.Year, today.Year + 1 }.Except(known).ToList();
        var (_, page) = await Html.GetAsync(reviewer, "/office");
        Assert.Equal(missing, page.QuerySelectorAll("#calendar li[data-year]").Select(li => int.Parse(li.GetAttribute("data-year")!)).ToList());
    }

    [Fact]
    public async Task MissingCalendarYear_IsListed_UntilEntered()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var next = factory.Clock.Today().Year + 1;
        await using (var db = factory.NewDbContext())
            await db.CalendarYears.Where(y => y.Year == next).ExecuteDeleteAsync();
        var (_, page) = await Html.GetAsync(reviewer, "/office");
        Assert.Contains(page.QuerySelectorAll("#calendar li[data-year]"), li => li.GetAttribute("data-year") == next.ToString());
        Assert.Contains($"尚未录入 {next} 年的节假日安排", page.QuerySelector("#calendar")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/review?stage=approval", "审查环节筛选条件无效")]
    [InlineData("/review?stage=%E4%BF%9D%E5%AF%86", "审查环节筛选条件无效")]
    [InlineData("/cases?due=tomorrow", "期限筛选条件无效")]
    [InlineData("/office/deadlines?due=late", "期限筛选条件无效")]
    [InlineData("/office/deadlines?page=abc", "页码应为")]
    public async Task BadFilter_Is400_WithAChineseMessage(string url, string message)
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (response, doc) = await Html.GetAsync(reviewer, url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_AreNotShownTheOfficeDashboard_AndReviewersSeeItInTheirNavigation()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var response = await editor.GetAsync("/office");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, manage) = await Html.GetAsync(reviewer, "/manage");
        Assert.NotNull(manage.QuerySelector(".staff-bar a[href='/office']"));
    }

    private async Task<Dictionary<string, int>> NumbersAsync(HttpClient client)
    {
        var (response, doc) = await Html.GetAsync(client, "/office");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = doc.QuerySelectorAll("main a").Where(a => a.QuerySelector(".stat") is not null).ToList();
        // Every number on the page is a link, and each list is linked once.
        Assert.Equal(doc.QuerySelectorAll("main .stat").Length, links.Count);
        Assert.Equal(AllNumbers.Order(), links.Select(a => a.GetAttribute("href")!).Order());
        // A zero is not shown in the alarm colour (issue 18): marked stat-zero, and only a zero is.
        Assert.All(doc.QuerySelectorAll("main .stat"), s => Assert.Equal(s.Text() == "0", s.ClassList.Contains("stat-zero")));
        return links.ToDictionary(a => a.GetAttribute("href")!, a => int.Parse(a.QuerySelector(".stat")!.Text()));
    }

    /// <summary>The rows the list shows, over all its pages.</summary>
    private static async Task<int> RowsAsync(HttpClient client, string href)
    {
        var selector = href.StartsWith("/review/interpretations", StringComparison.Ordinal) ? "tbody tr[data-policy]" : "main table tbody tr";
        var (response, first) = await Html.GetAsync(client, href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pages = first.QuerySelectorAll(".pager a[aria-label]").Select(l => int.Parse(l.Text())).DefaultIfEmpty(1).Max();
        var rows = first.QuerySelectorAll(selector).Length;
        for (var page = 2; page <= pages; page++)
        {
            var (_, doc) = await Html.GetAsync(client, $"{href}{(href.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}");
            rows += doc.QuerySelectorAll(selector).Length;
        }
        return rows;
    }

    private async Task ArrangeAsync()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        await using var db = factory.NewDbContext();
        var calendar = await CalendarLoader.LoadAsync(db);
        var today = factory.Clock.Today();
        var now = factory.Clock.GetUtcNow();
        // An item whose time limit counts working days from 成文日期 (e.g. 信息形成之日起20个工作日内).
        var item = (await db.CatalogueItems.Where(i => i.DepartmentId == housing).OrderBy(i => i.Id).ToListAsync())
            .First(i => i.TimeLimit.Kind == Domain.Catalogue.TimeLimitKind.WorkingDaysAfterFormed);

        // The review queue: two submitted versions (no 成文日期, so no publication deadline); one has passed 保密审查.
        var queued = new List<RecordVersion>();
        for (var i = 0; i < 2; i++)
            queued.Add(await DraftAsync(db, item, null, submit: true, now));
        db.ReviewDecisions.Add(new ReviewDecision(queued[1].Id, ReviewStep.Confidentiality, ReviewOutcome.Passed, "测试审核员", null, now));

        // Drafts whose item's time limit from 成文日期 is past, within 3 working days, and within 4–10 working days.
        DateOnly WrittenFor(Func<DateOnly, bool> dueIs) =>
            Enumerable.Range(0, 400).Select(d => today.AddDays(-d)).First(w => dueIs(item.TimeLimit.DueOn(w, calendar)));
        await DraftAsync(db, item, today.AddDays(-200), submit: false, now);
        await DraftAsync(db, item, WrittenFor(due => Within(due, today, 3, calendar)), submit: false, now);
        await DraftAsync(db, item, WrittenFor(due => Within(due, today, 10, calendar) && !Within(due, today, 3, calendar)), submit: false, now);

        // Cases received on paper whose reply is past due, due within 3 working days, and due within 4–10 working days.
        DateOnly ReceivedFor(Func<DateOnly, bool> dueIs) =>
            Enumerable.Range(0, 400).Select(d => today.AddDays(-d)).First(r => dueIs(calendar.AddWorkingDays(r, ReplyDeadline.ReplyWorkingDays)));
        foreach (var received in new[]
                 {
                     today.AddDays(-90),
                     ReceivedFor(due => ReplyDeadline.IsDueSoon(due, today, calendar)),
                     ReceivedFor(due => Within(due, today, 10, calendar) && !Within(due, today, 3, calendar)),
                 })
        {
            db.ApplicationCases.Add(ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "赵六", Contact = "13900000000",
                InformationDescription = "工作台测试申请", Channel = ApplicationChannel.InPerson,
            }, "DB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), received, "测试", now, calendar, today));
        }
        // Waiting for a supplement (条例 Art. 30): no reply period runs, however long ago it was received.
        var awaiting = ApplicationCase.Register(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "孙八", Contact = "13900000002",
            InformationDescription = "工作台测试申请（待补正）", Channel = ApplicationChannel.InPerson,
        }, "DB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), today.AddDays(-90), "测试", now, calendar, today);
        awaiting.RequestSupplement(today.AddDays(-89), today.AddDays(10), "写明年份", "测试", now, calendar, today);
        db.ApplicationCases.Add(awaiting);
        // Received recently: its 补正 notice is due within 2 working days (its reply, in 13–15).
        var noticeSoon = Enumerable.Range(0, 30).Select(d => today.AddDays(-d)).First(r =>
            ReplyDeadline.SupplementNoticeDue(r, calendar) is var due && due >= today && calendar.WorkingDaysBetween(today, due) <= ReplyDeadline.SupplementNoticeSoonWorkingDays);
        db.ApplicationCases.Add(ApplicationCase.Register(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "周九", Contact = "13900000003",
            InformationDescription = "工作台测试申请（补正告知将至）", Channel = ApplicationChannel.InPerson,
        }, "DB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), noticeSoon, "测试", now, calendar, today));
        // A replied case is not due any more, however late.
        var replied = ApplicationCase.Register(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "钱七", Contact = "13900000001",
            InformationDescription = "工作台测试申请（已答复）", Channel = ApplicationChannel.InPerson,
        }, "DB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), today.AddDays(-90), "测试", now, calendar, today);
        replied.Reply(ReplyType.Disclosed, "答复内容。", today, "测试", now);
        db.ApplicationCases.Add(replied);
        await db.SaveChangesAsync();

        // A policy whose interpretation is overdue, and one published today (its interpretation not yet due).
        await PublishedAsync(factory, housing, RecordKind.NormativeDocument, today.AddDays(-400));
        await PublishedAsync(factory, housing, RecordKind.NormativeDocument, today);
    }

    private static bool Within(DateOnly due, DateOnly today, int workingDays, WorkingCalendar calendar) =>
        today <= due && calendar.WorkingDaysBetween(today, due) <= workingDays;

    [Fact]
    public async Task ARecordDeadline_CountedIntoAYearWithoutASchedule_IsShownProvisional()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var now = new DateTimeOffset(2026, 12, 28, 2, 0, 0, TimeSpan.Zero); // Monday 28 December 2026, 10:00 in Beijing
        var today = new DateOnly(2026, 12, 28);
        RecordVersion draft;
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            Assert.False(calendar.Knows(2027));
            var item = (await db.CatalogueItems.Where(i => i.DepartmentId == housing).OrderBy(i => i.Id).ToListAsync())
                .First(i => i.TimeLimit.Kind == Domain.Catalogue.TimeLimitKind.WorkingDaysAfterFormed);
            // Written so that its working days run past 元旦 2027, and it is due within the next 10 working days.
            var written = Enumerable.Range(0, 60).Select(d => today.AddDays(-d))
                .First(w => item.TimeLimit.DueOn(w, calendar) is { Year: 2027 } due && Web.Features.Manage.RecordDeadlines.DueWithin(due, today, 10, calendar));
            draft = await DraftAsync(db, item, written, submit: false, now);
        }
        using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now))));
        var reviewer = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, "/account/login", "/account/login",
            new() { ["UserName"] = "reviewer", ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password })).StatusCode);

        var (_, page) = await Html.GetAsync(reviewer, "/office/deadlines?due=upcoming");
        var row = page.QuerySelector($"tr[data-record='{draft.RecordId}']");
        Assert.NotNull(row);
        Assert.StartsWith("2027-", row!.GetAttribute("data-due"), StringComparison.Ordinal);
        Assert.Contains("暂定", row.Text(), StringComparison.Ordinal);
    }

    private static async Task<RecordVersion> DraftAsync(DisclosurePortal.Data.PortalDbContext db, Domain.Catalogue.CatalogueItem item, DateOnly? writtenOn, bool submit, DateTimeOffset now)
    {
        var record = Record.Create(item.DepartmentId, item.Id, item.DomainId, item.StageId, RecordKind.Notice, now);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
        {
            Title = $"工作台测试{Guid.NewGuid():N}", IssuingOrgan = "测试单位", WrittenOn = writtenOn, Body = "正文。",
        }, "测试", now);
        if (submit) version.Submit(now);
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        return version;
    }
}

public sealed class OfficeDashboardTestsOnSqlite(SqlitePortal factory) : OfficeDashboardTests(factory), IClassFixture<SqlitePortal>;

public sealed class OfficeDashboardTestsOnPostgres(PostgresPortal factory) : OfficeDashboardTests(factory), IClassFixture<PostgresPortal>;
