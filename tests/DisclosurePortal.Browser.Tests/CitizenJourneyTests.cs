using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Journey a (issue 8): a citizen browses a domain's column by stage, searches, reads a policy and its interpretation
/// (政策解读), applies for information (依申请公开) and tracks the application with the query code. Accessible locators
/// throughout; a screenshot at each step (01–09).
/// </summary>
public sealed partial class CitizenJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Citizen_BrowsesADomainByStage_Searches_ReadsAPolicyAndItsInterpretation_Applies_AndTracksTheApplication()
    {
        var policy = await PolicyWithInterpretationAsync();
        var page = await JourneySteps.VisitorAsync(fixture);

        // Home: the 26 domains of the standard catalogue.
        var home = await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal(200, home!.Status);
        Assert.Equal("政府信息公开", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var catalogue = page.GetByRole(AriaRole.Region, new() { Name = "基层政务公开标准目录（26个领域）" });
        Assert.Equal(26, await catalogue.GetByRole(AriaRole.Link).CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("01-home.png"), FullPage = true });

        // The policy's domain, then its stage's column (五公开 tab).
        await catalogue.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(policy.Domain) + @"\s") }).ClickAsync();
        await ArriveAsync(page, $"**/domains/{policy.DomainCode}");
        Assert.Equal(policy.Domain, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var stages = page.GetByRole(AriaRole.Navigation, new() { Name = "公开环节" });
        Assert.Equal(5, await stages.GetByRole(AriaRole.Link).CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("02-domain.png"), FullPage = true });
        var stageTab = stages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(policy.Stage) + @"\s") });
        await stageTab.ClickAsync();
        await ArriveAsync(page, $"**/domains/{policy.DomainCode}?stage={policy.StageCode}");
        Assert.Equal("page", await stages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(policy.Stage) + @"\s") }).GetAttributeAsync("aria-current"));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("03-domain-stage.png"), FullPage = true });

        // The policy's catalogue item: every required element.
        await page.GetByRole(AriaRole.Region, new() { Name = policy.Stage + "公开事项" }).GetByRole(AriaRole.Link, new() { Name = policy.Item, Exact = true }).ClickAsync();
        await ArriveAsync(page, "**/items/*");
        Assert.Equal(12, await page.Locator(".elements dt").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("04-item.png"), FullPage = true });

        // Search from the header box for the document's name: the policy is among the hits.
        await page.GetByRole(AriaRole.Search).GetByLabel("搜索公开信息").FillAsync(policy.DocumentName);
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await ArriveAsync(page, "**/search?q=*");
        var results = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("搜索结果") });
        Assert.True(await results.Locator("mark").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("05-search.png"), FullPage = true });
        await results.GetByRole(AriaRole.Link, new() { Name = policy.Title, Exact = true }).First.ClickAsync();
        await ArriveAsync(page, $"**/records/{policy.RecordId}");

        // The policy, with its standard metadata, names its interpretation; the interpretation leads back.
        Assert.Equal(policy.Title, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(9, await page.Locator(".metadata dt").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("06-policy.png"), FullPage = true });
        await page.GetByRole(AriaRole.Region, new() { Name = "政策解读" }).GetByRole(AriaRole.Link, new() { Name = policy.InterpretationTitle }).ClickAsync();
        await ArriveAsync(page, $"**/records/{policy.InterpretationId}");
        Assert.Equal(policy.InterpretationTitle, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("07-interpretation.png"), FullPage = true });
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = policy.Title, Exact = true }).First.IsVisibleAsync());

        // Not everything is published: the citizen applies for the figures behind the policy, and keeps the code.
        var code = await JourneySteps.ApplyAsync(page, $"《{policy.DocumentName}》实施以来的年度补助资金发放汇总表", "08");

        // Later, the citizen tracks it with the code (typed into the tracking form).
        await JourneySteps.TrackAsync(page, code);
        Assert.Equal("待确认收到", (await page.Locator("#case-state strong").InnerTextAsync()).Trim());
        Assert.DoesNotContain(JourneySteps.IdentityNumber, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("09-track.png"), FullPage = true });
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
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("05-record-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Phone_CitizenReachesARecordFromTheHomePage_AndTheRecordStartsOnTheFirstScreen()
    {
        // The newest record: the first row of its column narrowed to its year.
        await using var db = fixture.Portal.NewDbContext();
        var newest = await db.PublishedVersions.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id)
            .Select(v => new { v.RecordId, v.Title, v.DomainId, v.StageId, v.PublishedOn }).FirstAsync();
        var domain = await db.Domains.SingleAsync(d => d.Id == newest.DomainId);
        var stage = await db.Stages.SingleAsync(s => s.Id == newest.StageId);
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");

        // The first screen (issue 18): one search box, the accessibility controls folded into one entry, the skip link
        // out of sight until the keyboard reaches it (and still the first stop).
        Assert.Equal(1, await page.GetByRole(AriaRole.Search).CountAsync());
        Assert.False(await page.Locator(".access-bar").IsVisibleAsync());
        Assert.True(await page.Locator(".access-menu > summary").IsVisibleAsync());
        Assert.True((await page.Locator(".skip-link").BoundingBoxAsync())!.Width <= 1);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True((await page.Locator(".skip-link").BoundingBoxAsync())!.Width > 1);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("10-phone-home.png") });

        await page.GetByRole(AriaRole.Region, new() { Name = "基层政务公开标准目录（26个领域）" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(domain.NameZh) + @"\s") }).TapAsync();
        await ArriveAsync(page, $"**/domains/{domain.Code}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "公开环节" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(stage.NameZh) + @"\s") }).TapAsync();
        await ArriveAsync(page, $"**/domains/{domain.Code}?stage={stage.Code}");
        var year = newest.PublishedOn!.Value.Year;
        var years = page.GetByRole(AriaRole.Navigation, new() { Name = "按年份筛选" });
        await years.GetByRole(AriaRole.Link, new() { Name = year == fixture.Portal.Clock.Today().Year ? "本年" : $"{year} 年", Exact = true }).TapAsync();
        await ArriveAsync(page, $"**/domains/{domain.Code}?stage={stage.Code}&year={year}");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("11-phone-column-year.png"), FullPage = true });
        var table = page.Locator(".record-table");
        await table.GetByRole(AriaRole.Link, new() { Name = newest.Title, Exact = true }).First.TapAsync();
        await ArriveAsync(page, $"**/records/{newest.RecordId}");

        Assert.Equal(newest.Title, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var top = await page.EvaluateAsync<double>("() => document.querySelector('.record').getBoundingClientRect().top");
        Assert.True(top < 844 / 2, $"the record starts {top}px down a 844px screen");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("12-phone-record.png") });
        await context.CloseAsync();
    }

    private sealed record PolicyFacts(int RecordId, string Title, string DocumentName, string DomainCode, string Domain, string StageCode, string Stage,
        string Item, int InterpretationId, string InterpretationTitle);

    /// <summary>A demo policy (规范性文件) with a published interpretation, and where it sits in the catalogue.</summary>
    private async Task<PolicyFacts> PolicyWithInterpretationAsync()
    {
        await using var db = fixture.Portal.NewDbContext();
        var link = await db.InterpretationLinks.OrderBy(l => l.Id).FirstAsync();
        var record = await db.Records.SingleAsync(r => r.Id == link.PolicyRecordId);
        var title = await db.PublishedVersions.Where(v => v.RecordId == record.Id).Select(v => v.Title).SingleAsync();
        var interpretationTitle = await db.PublishedVersions.Where(v => v.RecordId == link.InterpretationRecordId).Select(v => v.Title).SingleAsync();
        var domain = await db.Domains.SingleAsync(d => d.Id == record.DomainId);
        var stage = await db.Stages.SingleAsync(s => s.Id == record.StageId);
        var item = await db.CatalogueItems.SingleAsync(i => i.Id == record.CatalogueItemId);
        Assert.Equal(RecordKind.NormativeDocument, record.Kind);
        return new PolicyFacts(record.Id, title, DocumentName().Match(title) is { Success: true } m ? m.Groups[1].Value : title,
            domain.Code, domain.NameZh, stage.Code, stage.NameZh, $"{item.NameLevel1} · {item.NameLevel2}", link.InterpretationRecordId, interpretationTitle);
    }

    [GeneratedRegex("《([^》]+)》")]
    private static partial Regex DocumentName();

    /// <summary>
    /// Waits until the page at <paramref name="url"/> is committed and its whole body parsed (the footer is its last
    /// element). Not WaitForURL's default wait for the load event: twice in a full run on a loaded 2-core machine that
    /// wait timed out after the navigation had ended (its log showed "networkidle" but never "load").
    /// </summary>
    private static async Task ArriveAsync(IPage page, string url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("footer.site-footer")).ToBeAttachedAsync();
    }
}
