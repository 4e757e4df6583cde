using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Accessibility;

/// <summary>
/// 长辈版 and the accessibility bar (ADR 18): links on every page set a cookie and come back; the layout applies the
/// choices as classes on &lt;html&gt; and marks the current one; bad input is a Chinese 400, never a 500 or a redirect away.
/// </summary>
public abstract class AccessibilityBarTests(PortalFactory factory)
{
    [Fact]
    public async Task EveryPage_HasTheBar_WithTheDefaultsCurrent_AndLinksBackToItself()
    {
        var (response, page) = await Html.GetAsync(Browserish.NewClient(factory), "/domains/health?stage=service");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.DocumentElement.HasAttribute("class"));
        var bar = page.QuerySelector("section.access-bar[aria-label]")!;
        Assert.Equal("/accessibility/mode?value=senior&returnUrl=%2Fdomains%2Fhealth%3Fstage%3Dservice", bar.QuerySelector("a.mode-toggle")!.GetAttribute("href"));
        Assert.Equal("长辈版", bar.QuerySelector("a.mode-toggle").Text());
        Assert.Equal(["标准", "大", "特大"], Choices(bar, "access-size"));
        Assert.Equal(["标准", "高对比度"], Choices(bar, "access-contrast"));
        Assert.Equal(["标准"], Current(bar, "access-size"));
        Assert.Equal(["标准"], Current(bar, "access-contrast"));
        Assert.Equal("/accessibility/reset?returnUrl=%2Fdomains%2Fhealth%3Fstage%3Dservice", bar.QuerySelector("a.access-reset")!.GetAttribute("href"));
        Assert.Contains("/css/access", page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeniorMode_SetsAYearLongLaxCookie_GoesBack_AndThePagesAreInSeniorMode()
    {
        var client = Browserish.NewClient(factory);
        var response = await client.GetAsync("/accessibility/mode?value=senior&returnUrl=%2Frecords%2F7%3Fa%3D1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/records/7?a=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("dp-mode=senior;", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; HTTPS adds it
        var expires = DateTimeOffset.Parse(cookie.Split("expires=")[1].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, factory.Clock.GetUtcNow().AddDays(364), factory.Clock.GetUtcNow().AddDays(366));

        foreach (var url in new[] { "/", "/records/7", "/search?q=%E5%8D%B1%E6%88%BF", "/apply", "/track", "/guide" })
        {
            var (page, document) = await Html.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("dp-mode-senior", document.DocumentElement.GetAttribute("class"));
            Assert.Equal("返回标准版", document.QuerySelector("a.mode-toggle").Text());
            Assert.StartsWith("/accessibility/mode?value=standard&", document.QuerySelector("a.mode-toggle")!.GetAttribute("href"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/accessibility/mode?value=standard&returnUrl=/")).StatusCode);
        var (_, standard) = await Html.GetAsync(client, "/");
        Assert.False(standard.DocumentElement.HasAttribute("class"));
        Assert.Equal("长辈版", standard.QuerySelector("a.mode-toggle").Text());
    }

    [Fact]
    public async Task SizeAndContrast_AreAppliedTogether_AndTheChosenOnesAreCurrent_ResetRemovesThem()
    {
        var client = Browserish.NewClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/accessibility/size?value=xlarge&returnUrl=/guide")).StatusCode);
        var contrast = await client.GetAsync("/accessibility/contrast?value=high&returnUrl=/guide");
        Assert.Equal("/guide", contrast.Headers.Location!.OriginalString);
        Assert.StartsWith("dp-contrast=high;", Assert.Single(contrast.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/accessibility/mode?value=senior")).StatusCode);

        var (_, page) = await Html.GetAsync(client, "/guide");
        Assert.Equal("dp-mode-senior dp-size-xlarge dp-contrast-high", page.DocumentElement.GetAttribute("class"));
        var bar = page.QuerySelector(".access-bar")!;
        Assert.Equal(["特大"], Current(bar, "access-size"));
        Assert.Equal(["高对比度"], Current(bar, "access-contrast"));

        var reset = await client.GetAsync("/accessibility/reset?returnUrl=%2Fguide");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/guide", reset.Headers.Location!.OriginalString);
        var removed = reset.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(3, removed.Count);
        Assert.All(removed, c => Assert.Contains("expires=Thu, 01 Jan 1970", c, StringComparison.Ordinal));
        var (_, after) = await Html.GetAsync(client, "/guide");
        Assert.False(after.DocumentElement.HasAttribute("class"));
        Assert.Equal(["标准"], Current(after.QuerySelector(".access-bar")!, "access-size"));
    }

    [Fact]
    public async Task NoReturnUrl_GoesToTheHomePage()
    {
        var response = await Browserish.NewClient(factory).GetAsync("/accessibility/size?value=large");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    public static TheoryData<string> BadRequests() => new()
    {
        "/accessibility/mode?value=elder&returnUrl=/",
        "/accessibility/mode?returnUrl=/",
        "/accessibility/mode?value=SENIOR",
        "/accessibility/size?value=huge",
        "/accessibility/size?value=",
        "/accessibility/contrast?value=inverted",
        "/accessibility/mode?value=" + new string('x', 5000),
        "/accessibility/mode?value=senior&returnUrl=https%3A%2F%2Fevil.example%2F",
        "/accessibility/mode?value=senior&returnUrl=%2F%2Fevil.example",
        "/accessibility/size?value=large&returnUrl=%2F%5Cevil.example",
        "/accessibility/contrast?value=high&returnUrl=javascript%3Aalert(1)",
        "/accessibility/reset?returnUrl=https%3A%2F%2Fevil.example%2F",
        "/accessibility/mode?value=senior&returnUrl=%2F" + new string('a', 3000),
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_IsAChinese400_AndSetsNothing(string url)
    {
        var response = await Browserish.NewClient(factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a refused choice must not be remembered");
        Assert.Null(response.Headers.Location);
        var page = await Html.ParseAsync(response);
        Assert.Equal("请求有误", page.QuerySelector("#problem-title").Text());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", page.QuerySelector(".problem p:nth-of-type(2)").Text());
    }

    [Theory]
    [InlineData("dp-mode=%3Cscript%3E; dp-size=huge; dp-contrast=HIGH")]
    [InlineData("dp-mode=; dp-size=; dp-contrast=")]
    public async Task ACookieValueThisServerNeverSets_CountsAsTheDefault(string cookies)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/guide");
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.False(page.DocumentElement.HasAttribute("class"));
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPages_HaveTheBarToo_AndTheirTablesLabelEveryCellForPhones()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/accessibility/mode?value=senior&returnUrl=%2Fmanage%2Frecords")).StatusCode);
        var (response, page) = await Html.GetAsync(editor, "/manage/records");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dp-mode-senior", page.DocumentElement.GetAttribute("class"));
        Assert.NotNull(page.QuerySelector(".access-bar a.mode-toggle"));
        var table = page.QuerySelector("table.staff-table")!;
        var columns = table.QuerySelectorAll("thead th").Select(th => th.Text()).ToList();
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
            Assert.Equal(columns.Take(row.Children.Length), row.Children.Select(c => c.GetAttribute("data-label")));
    }

    [Fact]
    public async Task InEnglish_TheBarSpeaksEnglish()
    {
        var client = Browserish.NewClient(factory);
        await client.GetAsync("/culture/en?returnUrl=/");
        var (_, page) = await Html.GetAsync(client, "/guide");
        var bar = page.QuerySelector(".access-bar")!;
        Assert.Equal("Accessibility bar", bar.GetAttribute("aria-label"));
        Assert.Equal("Seniors' mode", bar.QuerySelector("a.mode-toggle").Text());
        Assert.Equal(["Standard", "Large", "Extra large"], Choices(bar, "access-size"));
        Assert.Equal("Reset to default", bar.QuerySelector("a.access-reset").Text());
    }

    private static string[] Choices(IElement bar, string group) =>
        [.. bar.QuerySelectorAll($"[role=group][aria-labelledby={group}] a").Select(a => a.Text())];

    private static string[] Current(IElement bar, string group) =>
        [.. bar.QuerySelectorAll($"[role=group][aria-labelledby={group}] a[aria-current=true]").Select(a => a.Text())];
}

public sealed class AccessibilityBarOnSqlite(SqlitePortal factory) : AccessibilityBarTests(factory), IClassFixture<SqlitePortal>;

public sealed class AccessibilityBarOnPostgres(PostgresPortal factory) : AccessibilityBarTests(factory), IClassFixture<PostgresPortal>;
