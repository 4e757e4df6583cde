using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// Staff sign-in and search are limited per client address like the application form and tracking (Apply/*Tests):
/// past the limit a 429 with Retry-After and the reason in Chinese; other pages are not limited.
/// </summary>
public sealed class RateLimitTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private WebApplicationFactory<Program> Limited(string section, int permits) => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting($"RateLimits:{section}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting($"RateLimits:{section}:WindowSeconds", "600");
    });

    [Fact]
    public async Task SignIn_PastTheLimit_Is429_WithRetryAfter_AndAChineseMessage_ButTheLoginPageStillShows()
    {
        using var app = Limited("Login", 3);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await PostLoginAsync(client, "reviewer", "Wrong@password1");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode); // refused by the form (wrong password), not by the limit
        }
        using var limited = await PostLoginAsync(client, "reviewer", DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password);
        await AssertLimitedAsync(limited);

        using var page = await client.GetAsync("/account/login"); // GET is not limited
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Search_PastTheLimit_Is429_WithRetryAfter_AndAChineseMessage_OtherPagesAreNotLimited()
    {
        using var app = Limited("Search", 3);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync($"/search?q=%E9%80%9A%E7%9F%A5&page={i + 1}");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await client.GetAsync("/search?q=%E9%80%9A%E7%9F%A5");
        await AssertLimitedAsync(limited);
        for (var i = 0; i < 5; i++)
        {
            using var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password) =>
        await Browserish.PostFormAsync(client, "/account/login", "/account/login", new() { ["UserName"] = user, ["Password"] = password });

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, "no Retry-After in seconds");
        var doc = await Html.ParseAsync(response);
        Assert.Contains("频繁", doc.Body.Text(), StringComparison.Ordinal);
    }
}
