using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Expectations;

/// <summary>
/// Expected publications on the dashboards and in the editors' forms (issue 21 §1, ADR 33): every count on /office and
/// /manage is the length of the list it links to; an editor records a 办结 event, sets an item's 应公开起始日, and says
/// which period or event a record answers.
/// </summary>
public abstract class ExpectationDashboardTests(PortalFactory factory)
{
    private const string HousingCode = "11511099022152793X";

    private async Task<int> HousingItemAsync(TimeLimitKind kind, int amount, DateOnly? expectedFrom)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == HousingCode);
        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
        var now = factory.Clock.GetUtcNow();
        var item = CatalogueItem.Create(new CatalogueItemElements
        {
            NameLevel1 = "看板测试", NameLevel2 = $"事项{Guid.NewGuid():N}"[..12], Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "测试时限", TimeLimit = new TimeLimitRule(kind, amount),
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.Monthly,
        }, housing.Id, domain, stage, now);
        if (expectedFrom is { } from) item.SetExpectedFrom(from, now);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private static int Count(IDocument doc, string outcome) =>
        int.Parse(doc.QuerySelector($"#expectation-counts li[data-outcome='{outcome}'] .stat")!.TextContent.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>"共 N 项。" under the list's filter.</summary>
    private static int Total(IDocument doc) =>
        int.Parse(new string(doc.QuerySelector("#expectation-total")!.TextContent.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("reviewer", "/office")]
    [InlineData("editor.housing", "/manage")]
    public async Task EveryCount_IsTheLengthOfTheListItLinksTo(string user, string dashboard)
    {
        await HousingItemAsync(TimeLimitKind.MonthlyByDay, 10, factory.Clock.Today().AddMonths(-5));
        var client = await Browserish.SignedInAsync(factory, user);
        var (ok, doc) = await Html.GetAsync(client, dashboard);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(Count(doc, "missing") >= 4, "the new monthly item owes at least four missing months");
        foreach (var outcome in new[] { "missing", "late", "not-yet-due", "on-time", "due" })
        {
            var link = doc.QuerySelector($"#expectation-counts li[data-outcome='{outcome}'] a")!.GetAttribute("href")!;
            var (listed, list) = await Html.GetAsync(client, link);
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            Assert.Equal(Count(doc, outcome), Total(list));
            if (outcome != "due")
                Assert.All(list.QuerySelectorAll("#expectation-list tbody tr"), tr => Assert.Equal(
                    outcome switch { "missing" => "Missing", "late" => "Late", "not-yet-due" => "NotYetDue", _ => tr.GetAttribute("data-outcome") == "Waived" ? "Waived" : "OnTime" },
                    tr.GetAttribute("data-outcome")));
        }
        var due = Count(doc, "due");
        Assert.Equal(due, Count(doc, "missing") + Count(doc, "late") + Count(doc, "not-yet-due") + Count(doc, "on-time"));
    }

    [Fact]
    public async Task TheEditorsList_HoldsOnlyTheirUnits_AndAnotherUnitIsNotFound()
    {
        var id = await HousingItemAsync(TimeLimitKind.MonthlyByDay, 10, factory.Clock.Today().AddMonths(-3));
        var housing = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, mine) = await Html.GetAsync(housing, "/manage/expectations?outcome=missing");
        Assert.NotEmpty(mine.QuerySelectorAll($"#expectation-list tr[data-item='{id}']"));
        var finance = await Browserish.SignedInAsync(factory, "editor.finance");
        var (_, theirs) = await Html.GetAsync(finance, "/manage/expectations?outcome=missing");
        Assert.Empty(theirs.QuerySelectorAll($"#expectation-list tr[data-item='{id}']"));
        await using var db = factory.NewDbContext();
        var housingId = await db.Departments.Where(d => d.OrganisationCode == HousingCode).Select(d => d.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/manage/expectations?unit={housingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/manage/expectations?outcome=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/manage/expectations?year=12")).StatusCode);
        // The office reads the item's page (linked from its list) without the editors' forms.
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (read, page) = await Html.GetAsync(reviewer, $"/manage/items/{id}/expectations");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Null(page.QuerySelector("form[action$='/waivers']"));
        Assert.Null(page.QuerySelector("form[action$='/expected-from']"));
        var (_, office) = await Html.GetAsync(reviewer, $"/office/expectations?unit={housingId}&outcome=missing");
        Assert.NotEmpty(office.QuerySelectorAll($"#expectation-list tr[data-item='{id}']"));
    }

    [Fact]
    public async Task AnEditorRecordsAnEvent_ItsRecordIsOwedFromIt_BadInputKeepsWhatWasTyped()
    {
        var id = await HousingItemAsync(TimeLimitKind.DaysAfterCompletion, 10, null);
        var page = $"/manage/items/{id}/expectations";
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var today = factory.Clock.Today();

        var future = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/events",
            new() { ["OccurredOn"] = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Description"] = "门诊楼项目竣工验收办结" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var redrawn = await Html.ParseAsync(future);
        Assert.Contains("事件日期不能晚于今天。", redrawn.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("门诊楼项目竣工验收办结", redrawn.QuerySelector("input[name='Description']")!.GetAttribute("value"));

        var garbled = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/events", new() { ["OccurredOn"] = "十月九日", ["Description"] = "办结" });
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("事件日期应为日期", (await Html.ParseAsync(garbled)).Body!.TextContent, StringComparison.Ordinal);

        var on = today.AddDays(-1);
        var posted = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/events",
            new() { ["OccurredOn"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Description"] = "门诊楼项目竣工验收办结" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, after) = await Html.GetAsync(editor, page);
        var row = after.QuerySelector("#expectations tbody tr")!;
        Assert.Equal("NotYetDue", row.GetAttribute("data-outcome"));
        Assert.Contains("门诊楼项目竣工验收办结", row.TextContent, StringComparison.Ordinal);

        await using var db = factory.NewDbContext();
        var e = await db.ItemEvents.SingleAsync(x => x.CatalogueItemId == id);
        Assert.Equal(on, e.OccurredOn);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "item-event.record" && a.EntityId == e.Id.ToString(CultureInfo.InvariantCulture)));

        // The record form offers the event, and the record answers it.
        var form = $"/manage/records/new?itemId={id}&eventId={e.Id}";
        var (_, newForm) = await Html.GetAsync(editor, form);
        Assert.NotNull(newForm.QuerySelector($"select[name='CoversEventId'] option[value='{e.Id}'][selected]"));
    }

    [Fact]
    public async Task ExpectedFrom_IsSet_AndBadOrFutureDatesAreRefused()
    {
        var id = await HousingItemAsync(TimeLimitKind.MonthlyByDay, 10, null);
        var page = $"/manage/items/{id}/expectations";
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var future = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/expected-from",
            new() { ["ExpectedFrom"] = factory.Clock.Today().AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("应公开起始日不能晚于今天。", (await Html.ParseAsync(future)).Body!.TextContent, StringComparison.Ordinal);
        var old = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/expected-from", new() { ["ExpectedFrom"] = "1999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal("1999-01-01", (await Html.ParseAsync(old)).QuerySelector("input[name='ExpectedFrom']")!.GetAttribute("value"));

        var from = new DateOnly(factory.Clock.Today().Year - 1, 1, 1);
        var posted = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/expected-from",
            new() { ["ExpectedFrom"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, after) = await Html.GetAsync(editor, page);
        Assert.NotNull(after.QuerySelector($"#expectations tr[data-period='{from:yyyy-MM-dd}']"));
        await using var db = factory.NewDbContext();
        Assert.Equal(from, (await db.CatalogueItems.SingleAsync(i => i.Id == id)).ExpectedFrom);
    }

    [Fact]
    public async Task ARecordSaysWhichPeriodItAnswers_AndAPeriodOnANonPeriodicItemIsRefused()
    {
        var monthly = await HousingItemAsync(TimeLimitKind.MonthlyByDay, 10, factory.Clock.Today().AddMonths(-6));
        var ordinary = await HousingItemAsync(TimeLimitKind.WorkingDaysAfterFormed, 20, null);
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var period = new DateOnly(factory.Clock.Today().AddMonths(-3).Year, factory.Clock.Today().AddMonths(-3).Month, 1);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "10", ["Title"] = "看板测试月报", ["IssuingOrgan"] = "青川县住房和城乡建设局", ["Body"] = "本月情况。",
            ["CoversPeriod"] = period.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var wrong = await Browserish.PostFormAsync(editor, $"/manage/records/new?itemId={ordinary}", "/manage/records/new",
            new(fields) { ["CatalogueItemId"] = ordinary.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var redrawn = await Html.ParseAsync(wrong);
        Assert.Contains("所选公开事项不按月、季度或年度公开", redrawn.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("看板测试月报", redrawn.QuerySelector("input[name='Title']")!.GetAttribute("value"));

        var created = await Browserish.PostFormAsync(editor, $"/manage/records/new?itemId={monthly}", "/manage/records/new",
            new(fields) { ["CatalogueItemId"] = monthly.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = factory.NewDbContext();
        var record = await db.Records.Where(r => r.CatalogueItemId == monthly).SingleAsync();
        var coverage = await db.RecordCoverages.SingleAsync(c => c.RecordId == record.Id);
        Assert.Equal(period, coverage.PeriodStart);

        // The edit form shows it, and clearing it lets the period be inferred again.
        var edit = $"/manage/records/{record.Id}/edit";
        Assert.Equal(period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await Browserish.InputValueAsync(editor, edit, "CoversPeriod"));
        var cleared = await Browserish.PostFormAsync(editor, edit, edit, new() { ["CoversPeriod"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        await using var after = factory.NewDbContext();
        Assert.False(await after.RecordCoverages.AnyAsync(c => c.RecordId == record.Id));
    }
}

public sealed class ExpectationDashboardTestsOnSqlite(SqlitePortal factory) : ExpectationDashboardTests(factory), IClassFixture<SqlitePortal>;

public sealed class ExpectationDashboardTestsOnPostgres(PostgresPortal factory) : ExpectationDashboardTests(factory), IClassFixture<PostgresPortal>;
