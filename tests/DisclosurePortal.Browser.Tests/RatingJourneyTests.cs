using DisclosurePortal.Domain.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// 评议 (issue 21 §5, "Done when: ratings are given without JavaScript and counted"): a visitor with JavaScript off rates
/// a record with the radio buttons and the text area at the end of its page, is thanked on the page the redirect leads
/// to, and the grade is counted on /statistics.
/// </summary>
public sealed class RatingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task WithJavaScriptOff_AVisitorRatesARecord_IsThanked_AndTheRatingIsCounted()
    {
        int id, unit;
        await using (var db = fixture.Portal.NewDbContext())
        {
            var rated = db.Ratings.Where(r => r.TargetKind == RatingTargetKind.Record).Select(r => r.TargetId);
            var v = await db.PublishedVersions.Where(x => !rated.Contains(x.RecordId)).OrderByDescending(x => x.RecordId).Select(x => new { x.RecordId, x.DepartmentId }).FirstAsync();
            (id, unit) = (v.RecordId, v.DepartmentId);
        }
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", JavaScriptEnabled = false, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/records/{id}");

        var section = page.Locator("#rating");
        await section.GetByRole(AriaRole.Radio, new() { Name = "不满意" }).CheckAsync();
        await section.GetByLabel("意见和建议").FillAsync("附件中的表格是扫描图片，无法复制，建议同时公开可编辑的版本。");
        await section.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("rating-record-nojs-390.png") });
        await Task.WhenAll(page.WaitForURLAsync($"**/records/{id}?rated=1#rating"), section.GetByRole(AriaRole.Button, new() { Name = "提交评议" }).ClickAsync());

        Assert.Contains("感谢您的评议", await page.Locator("#rating [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("rating-record-thanks-390.png") });
        await using (var db = fixture.Portal.NewDbContext())
        {
            var stored = await db.Ratings.SingleAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == id);
            Assert.Equal((RatingGrade.Dissatisfied, unit, CommentState.Shown), (stored.Grade, stored.UnitId!.Value, stored.CommentState));
        }
        await page.GotoAsync($"{fixture.BaseUrl}/statistics");
        var row = page.Locator($"#ratings-table tr[data-unit='{unit}']");
        Assert.True(int.Parse(await row.Locator("td").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
