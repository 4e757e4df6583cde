using System.Net;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// The language switch and the accessibility switches (ADR 18): plain GET links that set a cookie and go back.
/// Issue 15: a return address in Chinese gave a 500 (a non-ASCII Location header), and a same-site image pointing at
/// a switch (<c>![](/culture/en)</c> in a record's body) changed a reader's language for a year.
/// </summary>
public sealed class PreferenceLinkTests(SmallSqlitePortal factory) : IClassFixture<SmallSqlitePortal>
{
    private static readonly string[] SwitchLinks =
    [
        "/culture/en",
        "/culture/zh-CN",
        "/accessibility/mode?value=senior",
        "/accessibility/size?value=large",
        "/accessibility/contrast?value=high",
        "/accessibility/reset",
    ];

    public static TheoryData<string> Switches => new(SwitchLinks);

    private static string With(string link, string returnUrl) =>
        link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "returnUrl=" + Uri.EscapeDataString(returnUrl);

    [Theory]
    [MemberData(nameof(Switches))]
    public async Task AChineseReturnUrl_IsFollowed_PercentEncoded(string link)
    {
        var response = await Browserish.NewClient(factory).GetAsync(With(link, "/中"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/%E4%B8%AD", response.Headers.Location!.OriginalString);
        Assert.True(response.Headers.Contains("Set-Cookie"), "the choice is remembered");
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public async Task AReturnUrlWithAChineseQuery_LeadsBackToThatPage(string link)
    {
        var client = Browserish.NewClient(factory);
        var response = await client.GetAsync(With(link, "/search?q=危房 改造"));

        Assert.Equal("/search?q=%E5%8D%B1%E6%88%BF%20%E6%94%B9%E9%80%A0", response.Headers.Location!.OriginalString);
        var (page, search) = await Html.GetAsync(client, response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("危房 改造", search.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public async Task AnEncodedReturnUrl_IsNotEncodedTwice(string link)
    {
        var response = await Browserish.NewClient(factory).GetAsync(With(link, "/search?q=%E5%8D%B1&page=2#results"));
        Assert.Equal("/search?q=%E5%8D%B1&page=2#results", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/中")]
    [InlineData("//evil.example/中")]
    [InlineData("/\\evil.example/中")]
    public async Task TheLanguageSwitch_WithAnOffSiteReturnUrl_StillGoesHome(string returnUrl)
    {
        var response = await Browserish.NewClient(factory).GetAsync(With("/culture/en", returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>What a browser sends for &lt;img&gt;, &lt;iframe&gt;, a fetch, CSS, a prefetch: none of these is a visitor choosing.</summary>
    public static TheoryData<string, string> NotATopLevelNavigation => new()
    {
        { "Sec-Fetch-Dest", "image" },
        { "Sec-Fetch-Dest", "iframe" },
        { "Sec-Fetch-Dest", "style" },
        { "Sec-Fetch-Dest", "empty" },
        { "Sec-Fetch-Mode", "no-cors" },
        { "Sec-Fetch-Mode", "cors" },
        { "Sec-Purpose", "prefetch" },
    };

    [Theory]
    [MemberData(nameof(NotATopLevelNavigation))]
    public async Task ASwitchLoadedAsAnImageOrFrame_IsAChinese400_AndSetsNothing(string header, string value)
    {
        foreach (var link in SwitchLinks)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, With(link, "/guide"));
            request.Headers.Add(header, value);
            var response = await Browserish.NewClient(factory).SendAsync(request);

            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{link} with {header}: {value} answered {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{link} with {header}: {value} set a cookie");
            Assert.Null(response.Headers.Location);
            var page = await Html.ParseAsync(response);
            Assert.Equal("请求有误", page.QuerySelector("#problem-title").Text());
            Assert.Contains("点击", page.QuerySelector(".problem").Text(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public async Task AClickedLink_StillWorks_WithOrWithoutFetchMetadata(string link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, With(link, "/guide"));
        request.Headers.Add("Sec-Fetch-Dest", "document");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Sec-Fetch-User", "?1");
        var clicked = await Browserish.NewClient(factory).SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, clicked.StatusCode);
        Assert.True(clicked.Headers.Contains("Set-Cookie"));

        var oldBrowser = await Browserish.NewClient(factory).GetAsync(With(link, "/guide")); // no Sec-Fetch-* at all
        Assert.Equal(HttpStatusCode.Redirect, oldBrowser.StatusCode);
        Assert.True(oldBrowser.Headers.Contains("Set-Cookie"));
    }

    /// <summary>The 500 came from Kestrel refusing a non-ASCII header value; the test server does not check header values.</summary>
    [Fact]
    public async Task OverKestrel_ChineseReturnUrls_AreRedirects_NotA500()
    {
        using var app = factory.WithWebHostBuilder(_ => { });
        app.UseKestrel(0);
        app.StartServer();
        Uri server;
        using (var probe = app.CreateClient()) server = probe.BaseAddress!;
        // A plain client on the socket: the factory's client options (AllowAutoRedirect) do not reach a Kestrel client.
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = server };

        foreach (var link in SwitchLinks)
        {
            using var response = await client.GetAsync(With(link, "/中文"));
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{link}: {(int)response.StatusCode}");
            Assert.Equal("/%E4%B8%AD%E6%96%87", response.Headers.Location!.OriginalString);
        }

        var loginPage = "/account/login?returnUrl=" + Uri.EscapeDataString("/中文");
        var signIn = await Browserish.PostFormAsync(client, loginPage, "/account/login",
            new() { ["UserName"] = "reviewer", ["Password"] = DemoAccountsSeeder.Password, ["ReturnUrl"] = "/中文" });
        Assert.True(HttpStatusCode.Redirect == signIn.StatusCode, $"sign-in: {(int)signIn.StatusCode}");
        Assert.Equal("/%E4%B8%AD%E6%96%87", signIn.Headers.Location!.OriginalString);
    }
}

/// <summary>A small demo county: for tests that need the accounts and a few pages, not the records.</summary>
public sealed class SmallSqlitePortal() : PortalFactory(TestDb.Sqlite, demoRecords: 20);

public sealed class SmallPostgresPortal() : PortalFactory(TestDb.Postgres, demoRecords: 20);
