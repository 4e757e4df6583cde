using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

public sealed class CitizenBrowsesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Citizen_OpensHome_FollowsADomain_AnItem_AndARecord_WithScreenshots()
    {
        var page = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });

        var home = await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal(200, home!.Status);
        Assert.Equal("政府信息公开", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(26, await page.Locator(".domain-grid a").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "01-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "农村危房改造" }).ClickAsync();
        await page.WaitForURLAsync("**/domains/rural-dilapidated-housing");
        Assert.Equal("农村危房改造", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(5, await page.Locator(".stage-tabs a").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "02-domain.png"), FullPage = true });

        await page.Locator(".item-card h3 a").First.ClickAsync();
        await page.WaitForURLAsync("**/items/*");
        Assert.Equal(12, await page.Locator(".elements dt").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "03-item.png"), FullPage = true });

        await page.Locator("#records-title ~ .record-list li > a").First.ClickAsync();
        await page.WaitForURLAsync("**/records/*");
        Assert.Equal(9, await page.Locator(".metadata dt").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "04-record.png"), FullPage = true });
    }

    [Fact]
    public async Task Phone_RecordPageWithInterpretation_IsReadableAt360px()
    {
        await using var db = fixture.Portal.NewDbContext();
        var link = await db.InterpretationLinks.OrderBy(l => l.Id).FirstAsync();
        var page = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, Locale = "zh-CN", IsMobile = true });
        await page.GotoAsync($"{fixture.BaseUrl}/records/{link.PolicyRecordId}");
        Assert.True(await page.Locator("#interp-title").IsVisibleAsync());
        // Nothing wider than the phone: no horizontal scrolling of the page.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "05-record-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStop_AndMovesFocusToMain()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/domains/health");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }
}
