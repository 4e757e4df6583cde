using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;

namespace DisclosurePortal.Web.Tests.Interpretations;

/// <summary>
/// The policies whose interpretation is missing or late: an editor sees their own department's, the office every
/// department's, each with the due date on the working-day calendar and the days late, oldest first, paged.
/// </summary>
public abstract class InterpretationDueListTests(PortalFactory factory)
{
    private sealed record Arranged(int Overdue, int NotYetDue, int OnTime, int Late, int Expired, int Notice, int Regulation, int OtherDepartment);

    private async Task<Arranged> ArrangeAsync()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var finance = await DepartmentIdAsync(factory, FinanceCode);
        var overdue = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today().AddDays(-400));
        var notYetDue = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today());
        var onTime = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today().AddDays(-200));
        await InterpretedAsync(factory, onTime, factory.Clock.Today().AddDays(-200));
        var late = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today().AddDays(-100));
        await InterpretedAsync(factory, late, factory.Clock.Today().AddDays(-60));
        var expired = await PublishedAsync(factory, housing, RecordKind.NormativeDocument, factory.Clock.Today().AddDays(-300), Validity.Expired);
        var notice = await PublishedAsync(factory, housing, RecordKind.Notice, factory.Clock.Today().AddDays(-300));
        var regulation = await PublishedAsync(factory, housing, RecordKind.Regulation, factory.Clock.Today().AddDays(-30));
        var other = await PublishedAsync(factory, finance, RecordKind.NormativeDocument, factory.Clock.Today().AddDays(-50));
        return new Arranged(overdue, notYetDue, onTime, late, expired, notice, regulation, other);
    }

    [Fact]
    public async Task EditorsList_ShowsOnlyTheirDepartmentsPolicies_MissingOrLate_WithDueDateAndDaysLate()
    {
        var a = await ArrangeAsync();
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var calendar = await LoadCalendarAsync();

        var (response, doc) = await Html.GetAsync(editor, "/manage/interpretations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = doc.QuerySelectorAll("tbody tr").ToDictionary(r => int.Parse(r.GetAttribute("data-policy")!), r => r);
        Assert.Contains(a.Overdue, rows.Keys);
        Assert.Contains(a.NotYetDue, rows.Keys);
        Assert.Contains(a.Late, rows.Keys);
        Assert.Contains(a.Regulation, rows.Keys);
        Assert.DoesNotContain(a.OnTime, rows.Keys);
        Assert.DoesNotContain(a.Expired, rows.Keys);
        Assert.DoesNotContain(a.Notice, rows.Keys);
        Assert.DoesNotContain(a.OtherDepartment, rows.Keys);
        await using (var db = factory.NewDbContext())
        {
            var housing = await DepartmentIdAsync(factory, HousingCode);
            var ids = rows.Keys.ToList();
            Assert.All(await db.Records.Where(r => ids.Contains(r.Id)).Select(r => r.DepartmentId).ToListAsync(), d => Assert.Equal(housing, d));
        }

        var overdueDue = PolicyInterpretations.DueOn(factory.Clock.Today().AddDays(-400), calendar);
        var overdue = rows[a.Overdue];
        Assert.Equal(overdueDue.ToString("yyyy-MM-dd"), overdue.GetAttribute("data-due"));
        Assert.Equal(nameof(InterpretationStatus.MissingOverdue), overdue.GetAttribute("data-status"));
        Assert.Contains($"已逾期 {factory.Clock.Today().DayNumber - overdueDue.DayNumber} 天", overdue.Text(), StringComparison.Ordinal);
        Assert.Contains(overdue.QuerySelectorAll("a"), l => l.GetAttribute("href") == $"/manage/records/new?policy={a.Overdue}");

        Assert.Equal(nameof(InterpretationStatus.MissingNotYetDue), rows[a.NotYetDue].GetAttribute("data-status"));
        Assert.Equal(PolicyInterpretations.DueOn(factory.Clock.Today(), calendar).ToString("yyyy-MM-dd"), rows[a.NotYetDue].GetAttribute("data-due"));
        var lateDue = PolicyInterpretations.DueOn(factory.Clock.Today().AddDays(-100), calendar);
        Assert.Equal(nameof(InterpretationStatus.Late), rows[a.Late].GetAttribute("data-status"));
        Assert.Contains($"{factory.Clock.Today().AddDays(-60):yyyy-MM-dd}发布，逾期 {factory.Clock.Today().AddDays(-60).DayNumber - lateDue.DayNumber} 天", rows[a.Late].Text(), StringComparison.Ordinal);
        Assert.Empty(rows[a.Late].QuerySelectorAll("a[href^='/manage/records/new']")); // it has its interpretation

        AssertOldestFirst(doc);

        var (_, overdueOnly) = await Html.GetAsync(editor, "/manage/interpretations?status=overdue");
        Assert.All(overdueOnly.QuerySelectorAll("tbody tr"), r => Assert.Equal(nameof(InterpretationStatus.MissingOverdue), r.GetAttribute("data-status")));
        var (_, lateOnly) = await Html.GetAsync(editor, "/manage/interpretations?status=late");
        Assert.Contains(lateOnly.QuerySelectorAll("tbody tr"), r => r.GetAttribute("data-policy") == a.Late.ToString());
        Assert.DoesNotContain(lateOnly.QuerySelectorAll("tbody tr"), r => r.GetAttribute("data-policy") == a.Overdue.ToString());

        // The dashboard counts them and links the list.
        var (_, dashboard) = await Html.GetAsync(editor, "/manage");
        var overdueLink = dashboard.QuerySelector("a[href='/manage/interpretations?status=overdue']")!;
        Assert.Equal(overdueOnly.QuerySelectorAll("tbody tr").Length.ToString(), overdueLink.QuerySelector(".stat").Text());
    }

    [Fact]
    public async Task OfficesList_ShowsEveryDepartment_OldestFirst_Paged_AndFiltersByDepartment()
    {
        var a = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var calendar = await LoadCalendarAsync();

        var rows = new List<AngleSharp.Dom.IElement>();
        var (first, firstDoc) = await Html.GetAsync(reviewer, "/review/interpretations");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var pages = int.Max(1, firstDoc.QuerySelectorAll(".pager a[aria-label]").Select(l => int.Parse(l.Text())).DefaultIfEmpty(1).Max());
        for (var page = 1; page <= pages; page++)
        {
            var (_, doc) = await Html.GetAsync(reviewer, $"/review/interpretations?page={page}");
            Assert.True(doc.QuerySelectorAll("tbody tr").Length <= 30);
            rows.AddRange(doc.QuerySelectorAll("tbody tr"));
        }
        var ids = rows.Select(r => int.Parse(r.GetAttribute("data-policy")!)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(a.Overdue, ids);
        Assert.Contains(a.OtherDepartment, ids);
        Assert.Contains(a.Late, ids);
        Assert.DoesNotContain(a.OnTime, ids);
        Assert.DoesNotContain(a.Notice, ids);
        var dues = rows.Select(r => DateOnly.Parse(r.GetAttribute("data-due")!)).ToList();
        Assert.Equal(dues.Order(), dues); // oldest first, across the pages
        var other = rows.Single(r => r.GetAttribute("data-policy") == a.OtherDepartment.ToString());
        Assert.Contains("青川县财政局", other.Text(), StringComparison.Ordinal);
        Assert.Equal(PolicyInterpretations.DueOn(factory.Clock.Today().AddDays(-50), calendar).ToString("yyyy-MM-dd"), other.GetAttribute("data-due"));

        // Every policy the query should list is listed: the demo county's too.
        await using (var db = factory.NewDbContext())
        {
            var expected = await ExpectedAsync(db, null, calendar);
            Assert.Equal(expected.Order(), ids.Order());
        }

        var finance = await DepartmentIdAsync(factory, FinanceCode);
        var (_, financeDoc) = await Html.GetAsync(reviewer, $"/review/interpretations?department={finance}");
        var financeIds = financeDoc.QuerySelectorAll("tbody tr").Select(r => int.Parse(r.GetAttribute("data-policy")!)).ToList();
        Assert.Contains(a.OtherDepartment, financeIds);
        Assert.DoesNotContain(a.Overdue, financeIds);

        var (_, dashboard) = await Html.GetAsync(reviewer, "/manage");
        Assert.NotNull(dashboard.QuerySelector("a[href='/review/interpretations']"));
        var (_, queue) = await Html.GetAsync(reviewer, "/review");
        Assert.NotNull(queue.QuerySelector("a[href='/review/interpretations']"));
    }

    [Theory]
    [InlineData("/review/interpretations?status=bogus", HttpStatusCode.BadRequest)]
    [InlineData("/review/interpretations?department=abc", HttpStatusCode.BadRequest)]
    [InlineData("/review/interpretations?department=999999", HttpStatusCode.BadRequest)]
    [InlineData("/review/interpretations?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/review/interpretations?page=999", HttpStatusCode.NotFound)]
    public async Task BadFilters_AreExplained_NeverA500(string url, HttpStatusCode expected)
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(expected, (await reviewer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task EachList_IsForItsRoleOnly()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/review/interpretations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/manage/interpretations")).StatusCode);
        var anonymous = await Browserish.NewClient(factory).GetAsync("/manage/interpretations");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static void AssertOldestFirst(AngleSharp.Dom.IDocument doc)
    {
        var dues = doc.QuerySelectorAll("tbody tr").Select(r => DateOnly.Parse(r.GetAttribute("data-due")!)).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    private async Task<DisclosurePortal.Domain.Calendar.WorkingCalendar> LoadCalendarAsync()
    {
        await using var db = factory.NewDbContext();
        return await CalendarLoader.LoadAsync(db);
    }

    /// <summary>
    /// An independent reading of the rule over the whole database: published policies in force whose earliest published
    /// interpretation (still published) is missing or came after the third working day.
    /// </summary>
    private static async Task<List<int>> ExpectedAsync(DisclosurePortal.Data.PortalDbContext db, int? department, DisclosurePortal.Domain.Calendar.WorkingCalendar calendar)
    {
        var versions = await db.RecordVersions.AsNoTracking().ToListAsync();
        var links = await db.InterpretationLinks.AsNoTracking().ToListAsync();
        var byId = versions.ToDictionary(v => v.Id);
        var expected = new List<int>();
        foreach (var policy in versions.Where(v => v.IsPublished && v.Validity == Validity.Valid && v.Kind is RecordKind.Regulation or RecordKind.NormativeDocument
                                                   && (department is null || v.DepartmentId == department)))
        {
            var firstPublished = versions.Where(v => v.RecordId == policy.RecordId && v.PublishedOn is not null).Min(v => v.PublishedOn!.Value);
            var live = links.Where(l => l.PolicyRecordId == policy.RecordId && byId[l.RecordVersionId].IsPublished).Select(l => l.InterpretationRecordId).ToHashSet();
            var interpreted = links.Where(l => l.PolicyRecordId == policy.RecordId && live.Contains(l.InterpretationRecordId) && byId[l.RecordVersionId].PublishedOn is not null)
                .Select(l => byId[l.RecordVersionId].PublishedOn!.Value).DefaultIfEmpty().Min();
            var due = calendar.AddWorkingDays(firstPublished, 3);
            if (live.Count == 0 || interpreted > due) expected.Add(policy.RecordId);
        }
        return expected;
    }
}

public sealed class InterpretationDueListOnSqlite(SqlitePortal factory) : InterpretationDueListTests(factory), IClassFixture<SqlitePortal>;

public sealed class InterpretationDueListOnPostgres(PostgresPortal factory) : InterpretationDueListTests(factory), IClassFixture<PostgresPortal>;
