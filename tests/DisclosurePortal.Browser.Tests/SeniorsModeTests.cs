using System.Globalization;
using DisclosurePortal.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// 长辈版 and the accessibility bar in a real browser (ADR 18): the toggle is clicked (with and without JavaScript),
/// the text grows by at least half, every page type fits a 320px phone in both modes, and the home and a record page
/// are photographed in both modes at phone and desktop width (BrowserFixture.Shot).
/// </summary>
public sealed class SeniorsModeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 320, Height = 640 };

    /// <summary>The computed size of the record's running text, in CSS px.</summary>
    private const string BodyTextSize = "() => parseFloat(getComputedStyle(document.querySelector('.record-body p') ?? document.querySelector('main p')).fontSize)";

    [Fact]
    public async Task ClickingTheToggle_TurnsOnSeniorsMode_WithTextAtLeastHalfAsLargeAgain_AndBack()
    {
        var record = await RecordUrlAsync();
        var page = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = Desktop, Locale = "zh-CN" })).NewPageAsync();
        await page.GotoAsync(record);
        var standard = await page.EvaluateAsync<double>(BodyTextSize);

        await page.Locator(".access-menu > summary").ClickAsync(); // issue 18: one "无障碍 / 长辈版" entry, opened first
        await ChooseAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "长辈版", Exact = true }), record);
        Assert.Contains("dp-mode-senior", await page.GetAttributeAsync("html", "class") ?? "", StringComparison.Ordinal);
        var senior = await page.EvaluateAsync<double>(BodyTextSize);
        Assert.True(senior >= 1.5 * standard - 0.01, $"body text {senior}px in 长辈版, {standard}px standard");
        Assert.Equal("senior", (await page.Context.CookiesAsync()).Single(c => c.Name == "dp-mode").Value);

        // Targets in the bar and the main navigation are at least 44×44 CSS px.
        var small = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.access-bar a, .main-nav a, .pager a, main button')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 44 || r.height < 44); }).map(e => e.textContent.trim())");
        Assert.Empty(small);

        await ChooseAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "返回标准版" }), record);
        Assert.Null(await page.GetAttributeAsync("html", "class"));
        Assert.Equal(standard, await page.EvaluateAsync<double>(BodyTextSize));
    }

    [Fact]
    public async Task WithJavaScriptOff_TheToggleAndTheBarStillWork()
    {
        var record = await RecordUrlAsync();
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = Phone, Locale = "zh-CN", JavaScriptEnabled = false, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(record);
        var standard = await page.EvaluateAsync<double>(BodyTextSize); // Playwright's own evaluation runs with page scripts off

        await page.Locator(".access-menu > summary").ClickAsync(); // issue 18: one "无障碍 / 长辈版" entry, opened first
        await ChooseAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "长辈版", Exact = true }), record);
        var bar = page.Locator(".access-bar");
        await ChooseAsync(page, bar.GetByRole(AriaRole.Group, new() { Name = "字号" }).GetByRole(AriaRole.Link, new() { Name = "特大" }), record);
        await ChooseAsync(page, bar.GetByRole(AriaRole.Link, new() { Name = "高对比度" }), record);

        Assert.Equal("dp-mode-senior dp-size-xlarge dp-contrast-high", await page.GetAttributeAsync("html", "class"));
        Assert.Equal("true", await bar.GetByRole(AriaRole.Link, new() { Name = "特大" }).GetAttributeAsync("aria-current"));
        Assert.True(await page.EvaluateAsync<double>(BodyTextSize) >= 1.75 * standard);
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"));
        var cookies = (await context.CookiesAsync()).Where(c => c.Name.StartsWith("dp-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["dp-contrast=high", "dp-mode=senior", "dp-size=xlarge"], cookies.Select(c => $"{c.Name}={c.Value}").Order(StringComparer.Ordinal));
        Assert.All(cookies, c => Assert.Equal(SameSiteAttribute.Lax, c.SameSite));

        await ChooseAsync(page, bar.GetByRole(AriaRole.Link, new() { Name = "恢复默认" }), record);
        Assert.Null(await page.GetAttributeAsync("html", "class"));
        Assert.Equal(standard, await page.EvaluateAsync<double>(BodyTextSize));
    }

    [Fact]
    public async Task EveryPageType_FitsA320pxPhone_InBothModes()
    {
        var (caseId, code) = await ApplyAsync();
        var record = await RecordUrlAsync();
        var year = (DateTime.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);
        string[] publicPages =
        [
            "/", "/domains/rural-dilapidated-housing", record, "/search?q=%E5%8D%B1%E6%88%BF", "/apply", $"/track?code={code}",
            "/annual-reports", "/guide", "/departments",
        ];
        (string User, string Url)[] staffPages =
        [
            ("editor.housing", "/manage"), ("editor.housing", "/manage/records"), ("reviewer", "/review"), ("reviewer", "/office"),
            ("reviewer", "/cases"), ("reviewer", $"/cases/{caseId}"), ("reviewer", $"/reports/annual/{year}"),
        ];

        var wide = new List<string>();
        foreach (var senior in new[] { false, true })
        {
            var mode = senior ? "长辈版" : "标准版";
            var visitor = await PhoneAsync(senior);
            foreach (var url in publicPages) wide.AddRange(await OverflowAsync(visitor, url, mode));
            foreach (var user in staffPages.Select(p => p.User).Distinct())
            {
                var staff = await PhoneAsync(senior, user);
                foreach (var url in staffPages.Where(p => p.User == user).Select(p => p.Url))
                {
                    wide.AddRange(await OverflowAsync(staff, url, mode));
                    // The start of the page's own content (tables stacked per row), not the header.
                    var top = await staff.EvaluateAsync<float>("() => document.querySelector('main').getBoundingClientRect().top + window.scrollY");
                    var height = await staff.EvaluateAsync<float>("() => document.documentElement.scrollHeight");
                    await staff.ScreenshotAsync(new()
                    {
                        Path = BrowserFixture.Shot($"31-{(senior ? "senior" : "standard")}-320{url.Replace('/', '-')}.png"),
                        FullPage = true,
                        Clip = new() { X = 0, Y = top, Width = 320, Height = Math.Min(960, height - top) },
                    });
                }
            }
        }
        Assert.True(wide.Count == 0, "wider than 320px: " + string.Join("; ", wide));
    }

    [Fact]
    public async Task HomeAndRecord_InBothModes_AtPhoneAndDesktopWidth_AreSavedAsScreenshots()
    {
        var record = await RecordUrlAsync();
        foreach (var (width, viewport) in new[] { ("phone", new ViewportSize { Width = 360, Height = 740 }), ("desktop", Desktop) })
            foreach (var senior in new[] { false, true })
            {
                var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = viewport, Locale = "zh-CN", IsMobile = width == "phone" });
                if (senior) await context.AddCookiesAsync([Cookie("dp-mode", "senior")]);
                var page = await context.NewPageAsync();
                var mode = senior ? "senior" : "standard";
                foreach (var (name, url) in new[] { ("home", fixture.BaseUrl + "/"), ("record", record) })
                {
                    Assert.Equal(200, (await page.GotoAsync(url))!.Status);
                    var shot = BrowserFixture.Shot($"30-{name}-{mode}-{width}.png");
                    await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
                    Assert.True(new FileInfo(shot).Length > 10_000, $"{shot} looks empty");
                }
                await context.CloseAsync();
            }
    }

    /// <summary>Clicks a link of the bar and waits until the page it comes back to has loaded.</summary>
    private static async Task ChooseAsync(IPage page, ILocator link, string backTo)
    {
        await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), r => r.Url == backTo);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private async Task<List<string>> OverflowAsync(IPage page, string url, string mode)
    {
        var response = await page.GotoAsync(url.StartsWith("http", StringComparison.Ordinal) ? url : fixture.BaseUrl + url);
        if (response!.Status != 200) return [$"{url} ({mode}): HTTP {response.Status}"];
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width <= 320) return [];
        var culprits = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll, .report-table-wrap')).slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className)");
        return [$"{url} ({mode}): {width}px [{string.Join(", ", culprits)}]"];
    }

    private async Task<IPage> PhoneAsync(bool senior, string? user = null)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = Phone, Locale = "zh-CN", IsMobile = true });
        if (senior) await context.AddCookiesAsync([Cookie("dp-mode", "senior")]);
        var page = await context.NewPageAsync();
        if (user is null) return page;
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(DemoAccountsSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/manage");
        return page;
    }

    private Cookie Cookie(string name, string value) => new() { Name = name, Value = value, Url = fixture.BaseUrl };

    private async Task<string> RecordUrlAsync()
    {
        await using var db = fixture.Portal.NewDbContext();
        var id = await db.PublishedVersions.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Select(v => v.RecordId).FirstAsync();
        return $"{fixture.BaseUrl}/records/{id}";
    }

    /// <summary>An application through the form, so the case and tracking pages have something to show.</summary>
    private async Task<(int CaseId, string Code)> ApplyAsync()
    {
        var page = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = Desktop, Locale = "zh-CN" })).NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/apply");
        await page.Locator("input[name=ApplicantKind][value='1']").CheckAsync();
        await page.Locator("#ApplicantName").FillAsync("李四");
        await page.Locator("#IdentityNumber").FillAsync("11010519491231002X");
        await page.Locator("#Contact").FillAsync("13900000000");
        await page.Locator("#InformationDescription").FillAsync("2025年度本镇农村危房改造补助对象名单及补助标准");
        await page.Locator("input[name=ProvisionForm][value='2']").CheckAsync();
        await page.Locator("input[name=DeliveryMethod][value='4']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await page.WaitForURLAsync("**/apply/receipt/*");
        var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
        await page.Context.CloseAsync();
        await using var db = fixture.Portal.NewDbContext();
        return (await db.ApplicationCases.Where(c => c.QueryCode == code).Select(c => c.Id).SingleAsync(), code);
    }
}
