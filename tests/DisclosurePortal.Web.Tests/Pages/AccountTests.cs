using System.Net;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Pages;

public sealed class AccountTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task StaffPages_SendAnonymousVisitorsToTheChineseLoginPage()
    {
        var client = Browserish.NewClient(factory);
        var response = await client.GetAsync("/manage");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=%2Fmanage", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var (login, doc) = await Html.GetAsync(client, "/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("工作人员登录", doc.QuerySelector("h1").Text());
        Assert.NotNull(doc.QuerySelector("label[for=UserName]"));
        Assert.NotNull(doc.QuerySelector("input[type=password][autocomplete=current-password]"));
    }

    [Fact]
    public async Task SignIn_GoesToTheDashboard_WithAnHttpOnlyCookie_AndSignOutEndsIt()
    {
        var client = Browserish.NewClient(factory);
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = "editor.housing", ["Password"] = DemoAccountsSeeder.Password, ["ReturnUrl"] = "/manage" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/manage", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dp.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var (dashboard, doc) = await Html.GetAsync(client, "/manage");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("李编辑", doc.QuerySelector(".staff-user").Text(), StringComparison.Ordinal);

        var logout = await Browserish.PostFormAsync(client, "/manage", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/manage")).StatusCode);
    }

    [Theory]
    [InlineData("/中文", "/%E4%B8%AD%E6%96%87")]
    [InlineData("/search?q=危房", "/search?q=%E5%8D%B1%E6%88%BF")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF", "/search?q=%E5%8D%B1%E6%88%BF")]
    [InlineData("https://evil.example/中文", "/manage")]
    [InlineData("//evil.example/中文", "/manage")]
    public async Task SignIn_GoesToTheReturnUrlTheLoginPageCarries_PercentEncoded_OrToTheDashboardIfOffSite(string returnUrl, string location)
    {
        var client = Browserish.NewClient(factory);
        var loginPage = "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var (_, page) = await Html.GetAsync(client, loginPage);
        Assert.Equal(returnUrl, page.QuerySelector("form[action='/account/login'] input[name=ReturnUrl]")!.GetAttribute("value"));

        var response = await Browserish.PostFormAsync(client, loginPage, "/account/login",
            new() { ["UserName"] = "reviewer", ["Password"] = DemoAccountsSeeder.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPassword_IsRefusedInChinese_KeepsTheUserName_AndLocksOutAfterFive()
    {
        var client = Browserish.NewClient(factory);
        for (var i = 1; i <= 5; i++)
        {
            var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
                new() { ["UserName"] = "editor.finance", ["Password"] = "wrong-password" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var doc = await Html.ParseAsync(response);
            Assert.Equal("editor.finance", doc.QuerySelector("#UserName")!.GetAttribute("value"));
            Assert.Null(doc.QuerySelector("#Password")!.GetAttribute("value"));
            Assert.Contains(i < 5 ? "用户名或密码不正确" : "账户已被锁定", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        }
        // Locked: even the right password is refused now.
        var locked = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = "editor.finance", ["Password"] = DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("锁定", (await Html.ParseAsync(locked)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_WithoutTheAntiforgeryToken_AreRefused()
    {
        var client = Browserish.NewClient(factory);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = DemoAccountsSeeder.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("dp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyFields_AreExplainedBesideEachField()
    {
        var client = Browserish.NewClient(factory);
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login", new() { ["UserName"] = "", ["Password"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("请输入用户名。", doc.QuerySelector("#UserName-error").Text());
        Assert.Equal("请输入密码。", doc.QuerySelector("#Password-error").Text());
        Assert.Equal("true", doc.QuerySelector("#UserName")!.GetAttribute("aria-invalid"));
    }
}
