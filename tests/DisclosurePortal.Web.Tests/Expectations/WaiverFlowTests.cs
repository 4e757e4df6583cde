using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Expectations;

/// <summary>本期无信息 through the forms (issue 21 §1, ADR 33): an editor declares, another reviewer approves, the period counts as on time.</summary>
public abstract class WaiverFlowTests(PortalFactory factory)
{
    private const string HousingCode = "11511099022152793X";

    /// <summary>A monthly item of 县住建局 of its own, owed from January 2025, with nothing published.</summary>
    private async Task<int> MonthlyHousingItemAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == HousingCode);
        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
        var now = factory.Clock.GetUtcNow();
        var item = CatalogueItem.Create(new CatalogueItemElements
        {
            NameLevel1 = "无信息测试", NameLevel2 = $"月报{Guid.NewGuid():N}"[..12], Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "每月10日前公开上月情况", TimeLimit = new TimeLimitRule(TimeLimitKind.MonthlyByDay, 10),
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.Monthly,
        }, housing.Id, domain, stage, now);
        item.SetExpectedFrom(new DateOnly(2025, 1, 1), now);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task Declared_ThenApprovedByAnotherReviewer_CountsAsOnTime_TheDeclarerCannotApprove()
    {
        var id = await MonthlyHousingItemAsync();
        var page = $"/manage/items/{id}/expectations";
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (ok, doc) = await Html.GetAsync(editor, page);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull(doc.QuerySelector("#expectations tr[data-period='2025-09-01'][data-outcome='Missing']"));
        var missingBefore = int.Parse(doc.QuerySelector("#expectation-counts [data-col='missing']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var posted = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/waivers",
            new() { ["Period"] = "2025-09-01", ["Reason"] = "本月无监测数据。" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var w = await db.PeriodWaivers.SingleAsync(x => x.CatalogueItemId == id);
            Assert.Equal((WaiverState.Pending, new DateOnly(2025, 9, 1)), (w.State, w.PeriodStart));
            // The declarer, were they a reviewer, could not approve it: the Domain refuses the same person (PeriodWaiverTests).
            var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
            var approved = await Browserish.PostFormAsync(reviewer, "/review/waivers", $"/review/waivers/{w.Id}/approve", new());
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var (_, after) = await Html.GetAsync(editor, page);
        Assert.NotNull(after.QuerySelector("#expectations tr[data-period='2025-09-01'][data-outcome='Waived']"));
        Assert.Equal((missingBefore - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), after.QuerySelector("#expectation-counts [data-col='missing']")!.TextContent);
        Assert.Contains("本月无监测数据。", after.QuerySelector("#expectations tr[data-period='2025-09-01']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsA400_WithAChineseMessage_AndKeepsWhatWasTyped()
    {
        var id = await MonthlyHousingItemAsync();
        var page = $"/manage/items/{id}/expectations";
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var empty = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/waivers", new() { ["Period"] = "2025-09-01", ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请说明本期无信息的理由。", (await Html.ParseAsync(empty)).Body!.TextContent, StringComparison.Ordinal);

        var typed = "这是一段很长的理由" + new string('长', PeriodWaiver.ReasonMaxLength);
        var tooLong = await Browserish.PostFormAsync(editor, page, $"/manage/items/{id}/waivers", new() { ["Period"] = "2025-09-01", ["Reason"] = typed });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var doc = await Html.ParseAsync(tooLong);
        Assert.Contains("理由不能超过 500 个字。", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, doc.QuerySelector("textarea[name='Reason']")!.TextContent.Trim());

        await using var db = factory.NewDbContext();
        Assert.False(await db.PeriodWaivers.AnyAsync(w => w.CatalogueItemId == id));
    }

    [Fact]
    public async Task AnotherUnitsEditor_IsRefused()
    {
        var id = await MonthlyHousingItemAsync();
        var finance = await Browserish.SignedInAsync(factory, "editor.finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/manage/items/{id}/expectations")).StatusCode);
    }

    [Fact]
    public async Task TheRequester_CannotApproveTheirOwn_ThroughTheForm()
    {
        var id = await MonthlyHousingItemAsync();
        await using var db = factory.NewDbContext();
        var reviewerId = await db.Users.Where(u => u.UserName == "reviewer").Select(u => u.Id).SingleAsync();
        var w = PeriodWaiver.Request(id, ReportingPeriod.Of(TimeLimitKind.MonthlyByDay, new DateOnly(2025, 8, 1)), "无数据。", "王审核", reviewerId, factory.Clock.GetUtcNow(), new DateOnly(2026, 1, 1));
        db.PeriodWaivers.Add(w);
        await db.SaveChangesAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, queue) = await Html.GetAsync(reviewer, "/review/waivers");
        Assert.Null(queue.QuerySelector($"form[action='/review/waivers/{w.Id}/approve']"));
        var other = await Browserish.SignedInAsync(factory, "reviewer2");
        var (_, theirs) = await Html.GetAsync(other, "/review/waivers");
        Assert.NotNull(theirs.QuerySelector($"form[action='/review/waivers/{w.Id}/approve']"));
    }
}

public sealed class WaiverFlowTestsOnSqlite(SqlitePortal factory) : WaiverFlowTests(factory), IClassFixture<SqlitePortal>;

public sealed class WaiverFlowTestsOnPostgres(PostgresPortal factory) : WaiverFlowTests(factory), IClassFixture<PostgresPortal>;
