using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>A citizen searches on a phone: from the home page's box, then narrows with the filters (no JavaScript needed).</summary>
public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Phone_SearchFromHome_NarrowByDomain_ThenOpenAHit()
    {
        var page = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, Locale = "zh-CN", IsMobile = true });
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#home-q").FillAsync("危房 补助");
        await page.Locator("#home-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        Assert.Contains("“危房 补助”的搜索结果", await page.Locator("#results-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".search-hit mark").CountAsync() > 0);

        await page.Locator(".search-filters summary").ClickAsync();
        await page.Locator("#search-domain").SelectOptionAsync("rural-dilapidated-housing");
        await page.Locator("#search-sort").SelectOptionAsync("date");
        await page.GetByRole(AriaRole.Button, new() { Name = "按条件搜索" }).ClickAsync();
        await page.WaitForURLAsync("**domain=rural-dilapidated-housing*");
        Assert.All(await page.Locator(".search-hit .hit-domain").AllInnerTextsAsync(), d => Assert.Equal("农村危房改造", d));
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "06-search-phone.png"), FullPage = true });

        var title = await page.Locator(".search-hit .hit-title a").First.InnerTextAsync();
        await page.Locator(".search-hit .hit-title a").First.ClickAsync();
        await page.WaitForURLAsync("**/records/*");
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
    }
}
